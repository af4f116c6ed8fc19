import { describe, expect, test, beforeAll } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'kiyan.js');
let tmp: string;

function kiyan(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd: ROOT, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kiyan-cli-'));
});

describe('kiyan extract', () => {
  test('prints a table for a file', () => {
    const r = kiyan(['extract', SEED]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('موسكو');
    expect(r.out).toContain('Moscow');
    expect(r.out).not.toMatch(/\u001b\[/); // no colours when not a TTY
  });
  test('--format json gives the documented object with exact offsets', () => {
    const r = kiyan(['extract', '--format', 'json', SEED]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['source', 'language', 'entities', 'clusters']);
    expect(doc.language).toBe('arb');
    const cps = [...readFileSync(SEED, 'utf8')];
    for (const e of doc.entities) {
      expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
      expect(['lexicon', 'pattern', 'propagated']).toContain(e.source);
      expect(typeof e.id).toBe('string');
    }
  });
  test('reads stdin with "-" and with no argument', () => {
    const text = 'زار الرئيس بوتين طهران';
    for (const args of [['extract', '-f', 'json', '-'], ['extract', '-f', 'json']]) {
      const r = kiyan(args, text);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.source).toBe('-');
      expect(doc.entities.map((e: { text: string }) => e.text)).toEqual(['بوتين', 'طهران']);
    }
  });
  test('--format jsonl prints one line per input; --types filters', () => {
    const a = join(tmp, 'a.txt');
    writeFileSync(a, 'زار بوتين طهران');
    const r = kiyan(['extract', '-f', 'jsonl', '--types', 'LOC', a, SEED]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]);
    expect(first.source).toBe(a);
    expect(first.entities.map((e: { type: string }) => e.type)).toEqual(['LOC']);
  });
  test('a missing file exits 2 with one clear line', () => {
    const r = kiyan(['extract', join(tmp, 'nope.txt')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/nope\.txt: no such file/);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
  });
  test('a folder without text files says so and exits 2 (folders are walked: test/cli/batch.test.ts)', () => {
    const empty = mkdtempSync(join(tmp, 'empty-'));
    const r = kiyan(['extract', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no input files found/);
    // The globs it looked for, the defaults when --include is not given.
    expect(r.err).toMatch(/include globs: \*\.txt \*\.text .*\*\.xml;/);
    expect(kiyan(['extract', '--include', '*.md', empty]).err).toMatch(/include globs: \*\.md;/);
  });
  test('one bad input among good ones exits 1 and still prints the good ones', () => {
    const r = kiyan(['extract', '-f', 'jsonl', SEED, join(tmp, 'missing.txt')]);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(1);
  });
  test('empty input gives an empty result and exits 0', () => {
    const r = kiyan(['extract', '-f', 'json', '-'], '');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).entities).toEqual([]);
  });
  test('non-Arabic text warns on stderr and still runs; --strict makes it an error', () => {
    const en = 'The quick brown fox jumps over the lazy dog near the river bank today.';
    const r = kiyan(['extract', '-f', 'json', '-'], en);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/does not look like Arabic/);
    expect(JSON.parse(r.out).entities).toEqual([]);
    const s = kiyan(['extract', '--strict', '-f', 'json', '-'], en);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/--strict/);
  });
  test('invalid UTF-8 is reported with its byte offset, not mangled', () => {
    const r = kiyan(['extract', '-'], Buffer.from([0xd8, 0xa7, 0xff, 0x20]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid UTF-8 at byte 2/);
  });
  test('UTF-16 without a BOM in a folder is reported with the --encoding to give, not skipped as binary', () => {
    const dir = mkdtempSync(join(tmp, 'utf16-'));
    writeFileSync(join(dir, 'a.txt'), Buffer.from('زار الرئيس بوتين طهران\n', 'utf16le'));
    writeFileSync(join(dir, 'b.txt'), 'زار الرئيس بوتين طهران\n');
    const r = kiyan(['extract', '-f', 'jsonl', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a\.txt: looks like UTF-16 LE text without a byte-order mark; give --encoding utf16le/);
    expect(r.err).toMatch(/0 skipped, 1 failed/);
    expect(kiyan(['extract', '-f', 'jsonl', '--encoding', 'utf16le', join(dir, 'a.txt')]).code).toBe(0);
  });
  test('a BOM that contradicts --encoding fails that input with a clear line', () => {
    const r = kiyan(['extract', '--encoding', 'utf16be', join(ROOT, 'fixtures', 'bad', 'utf16le-bom.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/utf16le-bom\.txt: its byte-order mark says UTF-16 LE but --encoding utf16be was given/);
    expect(r.out).toBe('');
  });
  test('unknown format and unknown type are usage errors (exit 2)', () => {
    expect(kiyan(['extract', '-f', 'xml', SEED]).code).toBe(2);
    const t = kiyan(['extract', '--types', 'FOO', SEED]);
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/unknown entity type "FOO"/);
  });
  // In the calling thread (--jobs 1, the default for small inputs) and with workers.
  test.each([['--jobs', '1'], ['--jobs', '2']])('a closed pipe ends quietly (%s %s)', (...jobs: string[]) => {
    const big = join(tmp, 'big.txt');
    writeFileSync(big, (readFileSync(SEED, 'utf8') + '\n').repeat(30));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" extract ${jobs.join(' ')} -f jsonl "${big}" "${big}" "${big}" "${big}" | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS:-done}"`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });
  test('colours only when asked for, and --no-color / NO_COLOR win', () => {
    const forced = kiyan(['extract', SEED], undefined, { FORCE_COLOR: '1' });
    expect(forced.out).toMatch(/\u001b\[/);
    expect(kiyan(['extract', '--no-color', SEED], undefined, { FORCE_COLOR: '1' }).out).not.toMatch(/\u001b\[/);
    expect(kiyan(['extract', SEED], undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }).out).not.toMatch(/\u001b\[/);
  });
});

/**
 * Resolves once the process holds `path` open (read from /proc), or after `ms` when it never
 * does (a blocking open() of a FIFO does not return before a writer comes). Node catches
 * SIGTERM from its start, so /proc's SigCgt cannot tell when kiyan's own handler is there;
 * kiyan installs it before it opens any input.
 */
async function opened(pid: number, path: string, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === path) return;
      } catch {
        // closed meanwhile
      }
    }
  }
}

// A FIFO nobody writes to yet: opening it with a blocking open() froze the event loop, so
// SIGTERM was never handled and the process had to be killed.
describe.each([[['--jobs', '1']], [['--jobs', '2']]])('a FIFO input (%j)', (jobs) => {
  const canRun = existsSync('/proc/self/status') && spawnSync('mkfifo', ['--version']).status === 0;
  const fifoTest = canRun ? test : test.skip;
  fifoTest('waiting for a writer, kiyan still ends promptly on SIGTERM with exit 130', async () => {
    const fifos = [join(tmp, `term-${jobs[1]}-a.fifo`), join(tmp, `term-${jobs[1]}-b.fifo`)];
    for (const f of fifos) expect(spawnSync('mkfifo', [f]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'extract', ...jobs, '-f', 'jsonl', ...fifos], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await opened(child.pid!, fifos[0]);
    child.kill('SIGTERM');
    const guard = setTimeout(() => child.kill('SIGKILL'), 8000);
    const { code, signal } = await exited;
    clearTimeout(guard);
    expect({ code, signal }).toEqual({ code: 130, signal: null });
    expect(err).toMatch(/interrupted/);
  }, 20000);
  fifoTest('text written into it later is read and extracted', async () => {
    const fifo = join(tmp, `data-${jobs[1]}.fifo`);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'extract', ...jobs, '-f', 'jsonl', fifo, SEED], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await opened(child.pid!, fifo);
    const writer = spawnSync('sh', ['-c', `printf 'زار الرئيس بوتين طهران' > "${fifo}"`]);
    expect(writer.status).toBe(0);
    expect(await exited).toBe(0);
    const docs = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d: { source: string }) => d.source)).toEqual([fifo, SEED]);
    expect(docs[0].entities.map((e: { text: string }) => e.text)).toEqual(['بوتين', 'طهران']);
  }, 20000);
});

describe('kiyan normalize, help, version', () => {
  test('normalize prints the normalised text; steps can be chosen', () => {
    expect(kiyan(['normalize'], 'أَحْمَد إلى').out).toBe('احمد الي');
    expect(kiyan(['normalize', '--steps', 'diacritics'], 'أَحْمَد').out).toBe('أحمد');
    expect(kiyan(['normalize', '--skip', 'alef'], 'أَحْمَد').out).toBe('أحمد');
    const bad = kiyan(['normalize', '--steps', 'nope'], 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown normalisation step/);
  });
  test('--help on every command and --version', () => {
    for (const cmd of [[], ['extract'], ['normalize'], ['eval']]) {
      const r = kiyan([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage: kiyan/);
    }
    const v = kiyan(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
  test('an unknown command is a usage error', () => {
    expect(kiyan(['frobnicate']).code).toBe(2);
  });
  // commander's own messages (parsing errors) speak as kiyan, like every other error.
  test.each([
    [['frobnicate'], /^kiyan: unknown command 'frobnicate'\n/],
    [['extract', '--bogus', SEED], /^kiyan: unknown option '--bogus'\n/],
    [['extract', '-f'], /^kiyan: option '-f, --format <format>' argument missing\n/],
    [['eval'], /^kiyan: missing required argument 'gold'\n/],
    [['lexicon', 'frob'], /^kiyan: unknown command 'frob'\n/],
    [['normalize', 'a', 'b'], /^kiyan: too many arguments for 'normalize'/],
  ])('usage error %j prints "kiyan: ..." and the help hint, exit 2', (args, message) => {
    const r = kiyan(args as string[]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message as RegExp);
    expect(r.err).not.toMatch(/^error:/m);
    expect(r.err).toMatch(/\(run with --help for usage\)\n$/);
  });
});
