/**
 * Tests that need tools from Debian's packages (GNU parallel), outside `npm test`: run them
 * with `npm run test:debian` after `apt-get install parallel` (.ci/run does both).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'kiyan.js');
let tmp: string;

function kiyan(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd: ROOT, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0' }, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kiyan-debian-'));
});

describe('GNU parallel recipe', () => {
  test('a JSONL corpus split over several kiyan processes gives the same result as one run', () => {
    const which = spawnSync('parallel', ['--version'], { encoding: 'utf8' });
    if (which.error || which.status !== 0 || !/GNU parallel/.test(which.stdout)) {
      throw new Error('GNU parallel is not installed: apt-get install parallel (.ci/run does it before `npm run test:debian`).');
    }
    const paras = readFileSync(SEED, 'utf8').split('\n').filter((l) => l.trim());
    const records = Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: paras[i % paras.length] }));
    const corpus = join(tmp, 'records.jsonl');
    writeFileSync(corpus, records.join('\n') + '\n');
    const single = kiyan(['extract', '--input-format', 'jsonl', '--no-summary', '-'], readFileSync(corpus));
    expect(single.code).toBe(0);
    const cmd = `parallel --will-cite --pipe -N 25 -j 3 -k "${process.execPath}" "${BIN}" extract --input-format jsonl --no-summary --jobs 1 - < "${corpus}"`;
    const par = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(par.status).toBe(0);
    expect(lines(par.stdout)).toHaveLength(120);
    expect(par.stdout).toBe(single.out);
  });
});
