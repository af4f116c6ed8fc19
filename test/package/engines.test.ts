/**
 * The declared Node support is true: every package that `npm ci` installs accepts the oldest
 * Node that package.json's `engines` admits (npm's EBADENGINE warning says it does not).
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { ROOT } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; engines?: { node?: string } | string[] }>;
};

describe('engines', () => {
  test('package.json declares Node 20 support', () => {
    expect(semver.minVersion(pkg.engines.node)?.major).toBe(20);
  });

  test('every locked package accepts the Node versions kiyan declares', () => {
    // Runtime dependencies must run on the oldest Node admitted; tools used only to build
    // and test (dev) on the newest Node 20 release line this project is tested with.
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const refused: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
      if (!path || !range) continue;
      const node = p.dev ? '20.20.0' : oldest;
      if (!semver.satisfies(node, range)) refused.push(`${path.replace(/^.*node_modules\//, '')}@${p.version} needs node ${range} (${p.dev ? 'dev' : 'runtime'})`);
    }
    expect(refused).toEqual([]);
  });
});
