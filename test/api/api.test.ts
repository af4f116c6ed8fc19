/** The package as a user's project sees it: imported by its name, through the "exports" map. */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

function node(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("import { extract } from 'kiyan'", () => {
  test('self-reference by name from the repository root', () => {
    const r = node(['--input-type=module', '-e', "import { extract } from 'kiyan'; const d = extract('زار بوتين طهران'); console.log(JSON.stringify(d.entities.map((e) => [e.type, e.text, e.en])))"], ROOT);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual([
      ['PER', 'بوتين', 'Vladimir Putin'],
      ['LOC', 'طهران', 'Tehran'],
    ]);
  });

  test("docs/api.md's example runs as written and prints what it says", () => {
    const md = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(md)![1];
    const r = node(['--input-type=module', '-e', code], ROOT);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const expected = [...code.matchAll(/^\/\/ (PER|LOC|ORG)\s+(\d+-\d+)\s+(\S+(?: \S+)*?)\s{2,}(.*)$/gm)].map((m) => [m[1], m[2], m[3], m[4]].join('\t'));
    expect(expected.length).toBe(3);
    expect(r.out.trim().split('\n').slice(0, expected.length)).toEqual(expected);
  });

  test('a separate project that depends on the package gets typed results (tsc --noEmit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiyan-user-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(ROOT, join(dir, 'node_modules', 'kiyan'), 'dir');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user', type: 'module', dependencies: { kiyan: '*' } }));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] } }),
      );
      writeFileSync(
        join(dir, 'main.ts'),
        [
          "import { extract, type Document, type Entity, type EntityType } from 'kiyan';",
          "const doc: Document = extract('زار بوتين طهران', { types: ['PER'] });",
          'const first: Entity | undefined = doc.entities[0];',
          "const t: EntityType | undefined = first?.type;",
          'const n: number = doc.clusters.length + (first?.start ?? 0);',
          '// @ts-expect-error: no such field',
          'doc.entities[0].nope;',
          'console.log(t, n);',
        ].join('\n'),
      );
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const r = node([tsc, '-p', dir], dir);
      expect(r.out + r.err).toBe('');
      expect(r.code).toBe(0);
      const run = node(['--input-type=module', '-e', "import { extract } from 'kiyan'; console.log(extract('زار بوتين طهران').entities.length)"], dir);
      expect(run.out.trim()).toBe('2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
