/** Batch mode through the built binary: folders, bad inputs, --out-dir, SIGINT, sharding, streaming (GNU parallel: test/debian/). */
import { describe, expect, test, beforeAll } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, SEED } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'kiyan.js');
const BAD = join(ROOT, 'fixtures', 'bad');
let tmp: string;

function kiyan(args: string[], input?: string | Buffer, env: Record<string, string> = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l));

function walkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(p));
    else out.push(relative(dir, p));
  }
  return out.sort();
}

const ARABIC = 'زار الرئيس الروسي فلاديمير بوتين العاصمة الإيرانية طهران يوم الاثنين، والتقى المرشد علي خامنئي.\n';
const GOOD = ['bidi-mixed.txt', 'empty.txt', 'english.txt', 'long-tokens.txt', 'persian.txt', 'plain.txt', 'utf16be-bom.txt', 'utf16le-bom.txt', 'utf8-bom.txt', 'windows-1256.txt', 'five-mb-line.txt'];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kiyan-batch-'));
  // fixtures/bad plus a 5 MB single line, generated rather than committed.
  cpSync(BAD, join(tmp, 'bad'), { recursive: true });
  writeFileSync(join(tmp, 'bad', 'five-mb-line.txt'), ARABIC.trim().repeat(Math.ceil(5e6 / Buffer.byteLength(ARABIC))));
});

describe('a batch over fixtures/bad', () => {
  test('exit 1, a correct result for every good file, a clear error for each bad one', () => {
    const r = kiyan(['extract', '-f', 'jsonl', '--jobs', '2', join(tmp, 'bad')]);
    expect(r.code).toBe(1);
    const docs = lines(r.out);
    expect(docs.map((d) => d.source)).toEqual([...GOOD].sort());
    const plain = docs.find((d) => d.source === 'plain.txt');
    const texts = plain.entities.map((e: { text: string }) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['فلاديمير بوتين', 'طهران', 'علي خامنئي']));
    // Every encoding gives the same entities with offsets into its decoded text.
    for (const name of ['utf16be-bom.txt', 'utf16le-bom.txt', 'utf8-bom.txt', 'windows-1256.txt']) {
      const d = docs.find((x) => x.source === name);
      expect(d.entities.map((e: { text: string; start: number }) => [e.text, e.start])).toEqual(plain.entities.map((e: { text: string; start: number }) => [e.text, e.start]));
    }
    const cps = [...ARABIC];
    for (const e of plain.entities) expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
    expect(docs.find((d) => d.source === 'empty.txt').entities).toEqual([]);
    expect(docs.find((d) => d.source === 'english.txt').entities).toEqual([]);
    const big = docs.find((d) => d.source === 'five-mb-line.txt');
    expect(big.entities.length).toBeGreaterThan(10000);
    // One line per failure naming the file and the reason; binary files met while walking are skipped.
    expect(r.err).toMatch(/^kiyan: broken-utf8\.txt: invalid UTF-8 at byte \d+/m);
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
    expect(r.err).toMatch(/2 skipped, 1 failed/);
  });
  test('a binary file named explicitly is an error; NUL bytes too', () => {
    const r = kiyan(['extract', '-f', 'jsonl', join(BAD, 'binary.txt'), join(BAD, 'nul-bytes.txt'), join(BAD, 'plain.txt')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/binary\.txt: binary file/);
    expect(r.err).toMatch(/nul-bytes\.txt: binary file/);
    expect(lines(r.out)).toHaveLength(1);
  });
  test('--encoding forces a decoding; a wrong one is an error, not mojibake', () => {
    const ok = kiyan(['extract', '-f', 'json', '--encoding', 'windows-1256', join(BAD, 'windows-1256.txt')]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).entities.length).toBeGreaterThan(0);
    const bad = kiyan(['extract', '-f', 'json', '--encoding', 'utf8', join(BAD, 'windows-1256.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/invalid UTF-8/);
    expect(kiyan(['extract', '--encoding', 'latin9', join(BAD, 'plain.txt')]).code).toBe(2);
  });
  test('--out-dir: a mirrored tree, nothing written for failed files', () => {
    const out = join(tmp, 'out-bad');
    const r = kiyan(['extract', '--out-dir', out, join(tmp, 'bad')]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(walkFiles(out)).toEqual(GOOD.map((g) => `${g}.json`).sort());
    expect(JSON.parse(readFileSync(join(out, 'plain.txt.json'), 'utf8')).source).toBe('plain.txt');
  });
  test('an --out-dir that cannot be made is a usage error at once, with the reason', () => {
    // A file in the way; and on Linux, procfs, where Node's own recursive mkdir never returns.
    const blocked = join(tmp, 'out-blocked');
    writeFileSync(blocked, 'x');
    const r = kiyan(['extract', '--out-dir', join(blocked, 'sub'), join(BAD, 'plain.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`cannot create --out-dir .*out-blocked: a file, not a folder \\(ENOTDIR\\)`));
    if (existsSync('/proc/self')) {
      const p = spawnSync(process.execPath, [BIN, 'extract', '--out-dir', '/proc/kiyan-nope/out', join(BAD, 'plain.txt')], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
      expect(p.signal).toBeNull();
      expect(p.status).toBe(2);
      expect(p.stderr).toMatch(/cannot create --out-dir \/proc\/kiyan-nope\/out: \/proc\/kiyan-nope: the file system does not allow a folder there \(ENOENT\)/);
    }
  });
  test('a folder where every file is binary: nothing readable, exit 2 (a --shard part exits 0)', () => {
    const dir = join(tmp, 'only-binary');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), Buffer.from([0x61, 0, 0x62]));
    const r = kiyan(['extract', '-f', 'jsonl', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing readable: every input file was binary and skipped \(1 skipped in all\)/);
    expect(kiyan(['extract', '-f', 'jsonl', '--shard', '1/1', dir]).code).toBe(0);
    expect(kiyan(['extract', '-f', 'jsonl', dir, join(BAD, 'plain.txt')]).code).toBe(0);
  });
  test('--max-errors stops early', () => {
    const r = kiyan(['extract', '-f', 'jsonl', '--max-errors', '1', join(tmp, 'nope1.txt'), join(tmp, 'nope2.txt'), join(BAD, 'plain.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/stopped after 1 failed input/);
    expect(r.err).not.toMatch(/nope2/);
  });
});

describe('folders, globs, order', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = join(tmp, 'corpus');
    mkdirSync(join(corpus, 'b', 'c'), { recursive: true });
    mkdirSync(join(corpus, '.hidden'));
    mkdirSync(join(corpus, 'node_modules'));
    const seed = readFileSync(SEED, 'utf8');
    for (let i = 0; i < 24; i++) writeFileSync(join(corpus, i % 2 ? 'b' : 'b/c', `doc-${String(i).padStart(2, '0')}.txt`), seed.slice(i * 200) + ARABIC);
    writeFileSync(join(corpus, 'a.md'), ARABIC);
    writeFileSync(join(corpus, 'skip.bin'), ARABIC);
    writeFileSync(join(corpus, '.hidden', 'h.txt'), ARABIC);
    writeFileSync(join(corpus, 'node_modules', 'n.txt'), ARABIC);
    symlinkSync('..', join(corpus, 'b', 'loop'));
  });
  test('walks recursively, skips hidden, node_modules and loops; sources are relative; order is the same for any --jobs', () => {
    const one = kiyan(['extract', '-f', 'jsonl', '--jobs', '1', corpus]);
    const two = kiyan(['extract', '-f', 'jsonl', '--jobs', '2', corpus]);
    const four = kiyan(['extract', '-f', 'jsonl', '--jobs', '4', corpus]);
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    expect(four.out).toBe(one.out);
    const sources = lines(one.out).map((d) => d.source);
    expect(sources[0]).toBe('a.md');
    expect(sources).toHaveLength(25);
    expect(sources.every((s: string) => !s.includes('hidden') && !s.includes('node_modules') && !s.includes('loop'))).toBe(true);
    expect(one.err).toMatch(/25 files, [\d.]+ MB, \d+ entities \(PER \d+, LOC \d+, ORG \d+\), 1 skipped, 0 failed, [\d.]+ s, [\d.]+ MB\/s/);
  });
  test('--hidden, --no-ignore, --include, --exclude, quoted globs', () => {
    const all = lines(kiyan(['extract', '-f', 'jsonl', '--hidden', '--no-ignore', '--include', '*.txt,*.md,*.bin', corpus]).out).map((d) => d.source);
    expect(all).toEqual(expect.arrayContaining(['.hidden/h.txt', 'node_modules/n.txt', 'skip.bin']));
    const ex = lines(kiyan(['extract', '-f', 'jsonl', '--exclude', 'c', corpus]).out).map((d) => d.source);
    expect(ex.some((s: string) => s.startsWith('b/c/'))).toBe(false);
    const g = lines(kiyan(['extract', '-f', 'jsonl', 'corpus/b/c/*.txt'], undefined, {}, tmp).out).map((d) => d.source);
    expect(g).toHaveLength(12);
    expect(g[0]).toBe('corpus/b/c/doc-00.txt');
  });
  test('--shard K/N splits the inputs into disjoint parts that together make the whole', () => {
    const whole = lines(kiyan(['extract', '-f', 'jsonl', corpus]).out).map((d) => d.source);
    const parts = [1, 2, 3].map((k) => lines(kiyan(['extract', '-f', 'jsonl', '--shard', `${k}/3`, corpus]).out).map((d) => d.source));
    expect(parts.flat().sort()).toEqual([...whole].sort());
    expect(parts.every((p) => p.length > 0)).toBe(true);
    expect(kiyan(['extract', '--shard', '4/3', corpus]).code).toBe(2);
  });
  test('the summary is a table at the end of --format table', () => {
    const r = kiyan(['extract', corpus]);
    expect(r.out).toMatch(/summary\n.*files.*MB.*PER.*LOC.*ORG.*skipped.*failed/s);
  });
});

describe('big inputs are streamed in chunks with exact offsets', () => {
  test('chunked results equal the whole-text results (file and stdin; json, jsonl and table; with and without --translit)', () => {
    const text = (readFileSync(SEED, 'utf8') + '\n').repeat(12) + ARABIC.trim().repeat(200);
    const f = join(tmp, 'big.txt');
    writeFileSync(f, text);
    const small = { KIYAN_STREAM_BYTES: '20000', KIYAN_CHUNK_CHARS: '8000', KIYAN_CONTEXT_CHARS: '4000' };
    for (const fmt of ['jsonl', 'json', 'table']) {
      for (const extra of [[], ['--translit']]) {
        const whole = kiyan(['extract', '-f', fmt, ...extra, f]);
        const chunked = kiyan(['extract', '-f', fmt, ...extra, f], undefined, small);
        expect(chunked.code).toBe(0);
        expect(chunked.out).toBe(whole.out);
        if (extra.length && fmt !== 'table') expect(chunked.out).toMatch(/"translit"/);
      }
    }
    const viaStdin = kiyan(['extract', '-f', 'json', '--jobs', '2'], text, small);
    const doc = JSON.parse(viaStdin.out);
    expect(doc.entities).toEqual(JSON.parse(kiyan(['extract', '-f', 'json', f]).out).entities);
    const cps = [...text];
    for (const e of doc.entities) expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
  });
  test('chunked results equal the whole-text results where the text holds surrogate pairs (offsets are code points)', () => {
    const seed = readFileSync(SEED, 'utf8');
    // Pairs in the first half only, so that chunks after them start past uncounted units if
    // the count went wrong, then in the last lines again.
    const text = seed.replace(/\n/g, ' 😀 𝒜\n').repeat(3) + seed.repeat(6) + seed.replace(/\./g, '. 🙂').repeat(2);
    const f = join(tmp, 'big-pairs.txt');
    writeFileSync(f, text);
    const small = { KIYAN_STREAM_BYTES: '20000', KIYAN_CHUNK_CHARS: '8000', KIYAN_CONTEXT_CHARS: '4000' };
    for (const fmt of ['jsonl', 'json']) {
      const whole = kiyan(['extract', '-f', fmt, f]);
      const chunked = kiyan(['extract', '-f', fmt, f], undefined, small);
      expect(chunked.code).toBe(0);
      expect(chunked.out).toBe(whole.out);
    }
    const doc = JSON.parse(kiyan(['extract', '-f', 'json', f], undefined, small).out);
    const cps = [...text];
    expect(doc.entities.length).toBeGreaterThan(100);
    for (const e of doc.entities) expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
  });
  test('clusters spilled to temporary files give the same output (file, stdin, --out-dir) and leave no file behind', () => {
    const text = (readFileSync(SEED, 'utf8') + '\n').repeat(6) + ARABIC.trim().repeat(100);
    const f = join(tmp, 'big-spill.txt');
    writeFileSync(f, text);
    const spillTmp = mkdtempSync(join(tmpdir(), 'kiyan-spill-cli-'));
    const small = { KIYAN_STREAM_BYTES: '20000', KIYAN_CHUNK_CHARS: '8000', KIYAN_CONTEXT_CHARS: '4000' };
    const spill = { ...small, KIYAN_SPILL_CLUSTERS: '3', TMPDIR: spillTmp };
    for (const fmt of ['jsonl', 'json']) {
      const kept = kiyan(['extract', '-f', fmt, f], undefined, small);
      const spilled = kiyan(['extract', '-f', fmt, f], undefined, spill);
      expect(spilled.code).toBe(0);
      expect(spilled.out).toBe(kept.out);
      expect(JSON.parse(spilled.out).clusters.length).toBeGreaterThan(10);
      expect(kiyan(['extract', '-f', fmt], text, spill).out).toBe(kiyan(['extract', '-f', fmt], text, small).out);
    }
    const outKept = join(tmp, 'out-spill-kept');
    const outSpilled = join(tmp, 'out-spill');
    expect(kiyan(['extract', '-f', 'json', '--out-dir', outKept, f], undefined, small).code).toBe(0);
    expect(kiyan(['extract', '-f', 'json', '--out-dir', outSpilled, f], undefined, spill).code).toBe(0);
    // --out-dir mirrors the input's path under the folder.
    const result = (out: string): string => join(out, relative('/', f) + '.json');
    expect(readFileSync(result(outSpilled), 'utf8')).toBe(readFileSync(result(outKept), 'utf8'));
    expect(readdirSync(spillTmp)).toEqual([]);
  });
  test('a big input that turns out to be broken fails without leaving a result file', () => {
    const f = join(tmp, 'big-broken.txt');
    writeFileSync(f, Buffer.concat([Buffer.from(ARABIC.repeat(400)), Buffer.from([0xff, 0xfe, 0x41])]));
    const out = join(tmp, 'out-broken');
    const r = kiyan(['extract', '--out-dir', out, f], undefined, { KIYAN_STREAM_BYTES: '20000', KIYAN_CHUNK_CHARS: '8000' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid UTF-8/);
    expect(existsSync(out) ? walkFiles(out) : []).toEqual([]);
  });
  test('on stdout, a big input that breaks part-way ends as valid JSON with an "error" field', () => {
    const f = join(tmp, 'big-broken-late.txt');
    writeFileSync(f, Buffer.concat([Buffer.from(ARABIC.repeat(400)), Buffer.from([0xff, 0xfe, 0x41])]));
    const small = { KIYAN_STREAM_BYTES: '20000', KIYAN_CHUNK_CHARS: '8000', KIYAN_CONTEXT_CHARS: '4000' };
    for (const fmt of ['jsonl', 'json']) {
      const r = kiyan(['extract', '-f', fmt, f], undefined, small);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/invalid UTF-8/);
      const doc = JSON.parse(r.out);
      expect(doc.error).toMatch(/invalid UTF-8/);
      expect(doc.entities.length).toBeGreaterThan(0);
      expect(doc.entities.every((e: { text: string }) => ARABIC.includes(e.text))).toBe(true);
    }
  });
});

describe('record mode', () => {
  test('one result per record, carrying its id; bad records are reported', () => {
    const input = [JSON.stringify({ id: 'r1', body: 'زار بوتين طهران' }), 'not json', JSON.stringify({ id: 7, body: 'التقى خامنئي' }), JSON.stringify({ id: 8 })].join('\n');
    const r = kiyan(['extract', '--input-format', 'jsonl', '--text-field', 'body', '--id-field', 'id'], input);
    expect(r.code).toBe(1);
    const docs = lines(r.out).filter((d) => !d.error);
    expect(docs.map((d) => d.id)).toEqual(['r1', 7]);
    expect(docs[0].entities.map((e: { text: string }) => e.text)).toEqual(['بوتين', 'طهران']);
    expect(r.err).toMatch(/^kiyan: -:2: not a JSON record$/m);
    expect(r.err).toMatch(/^kiyan: -:4: no string field "body"$/m);
  });
});

describe('interrupting a batch', () => {
  test('SIGINT leaves no partial result file and no temporary file', async () => {
    const corpus = join(tmp, 'sigint');
    mkdirSync(corpus);
    const seed = readFileSync(SEED, 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(corpus, `f${String(i).padStart(3, '0')}.txt`), seed.repeat(3));
    const out = join(tmp, 'out-sigint');
    const child = spawn(process.execPath, [BIN, 'extract', '--jobs', '2', '--out-dir', out, corpus], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline && !(existsSync(out) && walkFiles(out).length >= 5)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(err).toMatch(/interrupted/);
    const files = walkFiles(out);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(400);
    for (const f of files) {
      expect(f).toMatch(/^f\d{3}\.txt\.json$/);
      expect(() => JSON.parse(readFileSync(join(out, f), 'utf8'))).not.toThrow();
    }
  });
});

describe('output and summary of failed inputs', () => {
  test('a run whose only input fails prints no CSV header; a run with a result prints it once', () => {
    const bad = kiyan(['extract', '-f', 'csv', join(tmp, 'no-such.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    const mixed = kiyan(['extract', '-f', 'csv', join(tmp, 'no-such.txt'), join(BAD, 'plain.txt'), join(BAD, 'english.txt')]);
    expect(mixed.code).toBe(1);
    expect(mixed.out.split('\r\n').filter((l) => l.startsWith('source,'))).toHaveLength(1);
    expect(mixed.out.startsWith('source,start,end,type,text,canonical,en,id\r\n')).toBe(true);
    // A readable input without entities is a valid CSV with its header.
    expect(kiyan(['extract', '-f', 'tsv', join(BAD, 'english.txt')]).out).toBe('source\tstart\tend\ttype\ttext\tcanonical\ten\tid\n');
  });

  test('the summary counts only the entities of inputs that succeeded (a result file that cannot be written fails its input)', () => {
    const dir = join(tmp, 'summary-src');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), readFileSync(SEED));
    writeFileSync(join(dir, 'b.txt'), ARABIC);
    const out = join(tmp, 'summary-out');
    // A folder in the way of a.txt's result file: its rename fails.
    mkdirSync(join(out, 'a.txt.json'), { recursive: true });
    writeFileSync(join(out, 'a.txt.json', 'x'), 'x');
    const r = kiyan(['extract', '--out-dir', out, '--summary', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/a\.txt: cannot write result/);
    const b = lines(kiyan(['extract', '-f', 'jsonl', join(dir, 'b.txt')]).out)[0];
    const n = b.entities.length;
    expect(n).toBeGreaterThan(0);
    expect(r.err).toMatch(new RegExp(`1 file, [0-9.]+ MB, ${n} entities \\(PER ${b.entities.filter((e: { type: string }) => e.type === 'PER').length}, `));
  });

  test('table counts are singular when one: "1 mention of 1 entity"', () => {
    const r = kiyan(['extract', '--no-color'], 'زار بوتين');
    expect(r.out.split('\n')[0]).toBe('-: 1 mention of 1 entity (PER 1, LOC 0, ORG 0)');
  });
});
