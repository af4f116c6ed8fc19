/**
 * Record mode (--input-format jsonl) through the built binary: one output line per input
 * record, in order, never a lost id; --max-errors; big records; co-process use; row
 * formats carrying the record id; the result-line schema.
 */
import { describe, expect, test, beforeAll } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { schemaErrors } from '../schema-check.js';

const BIN = join(ROOT, 'bin', 'kiyan.js');
let tmp: string;

function kiyan(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd: ROOT, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l));
const sha16 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);
const noStackTrace = (err: string) => expect(err).not.toMatch(/^\s+at |node:internal|Error: worker/m);

const SENTENCE = 'زار الرئيس الروسي فلاديمير بوتين العاصمة الإيرانية طهران يوم الاثنين، والتقى المرشد علي خامنئي. ';
const MIXED = [JSON.stringify({ id: 'r1', body: 'زار بوتين طهران' }), 'not json', JSON.stringify({ id: 7, body: 'التقى خامنئي' }), JSON.stringify({ id: 8 }), '', JSON.stringify({ body: 'وصل بوتين إلى موسكو' })];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kiyan-records-'));
});

describe('one output line per record, never a lost id', () => {
  test('--id-field: given ids keep their JSON type; failed records get an error line in place; a record without the field gets a content id', () => {
    const r = kiyan(['extract', '--input-format', 'jsonl', '--text-field', 'body', '--id-field', 'id'], MIXED.join('\n'));
    expect(r.code).toBe(1);
    const out = lines(r.out);
    expect(out.map((d) => d.id)).toEqual(['r1', sha16('not json'), 7, 8, sha16(MIXED[5])]);
    expect(out[0].entities.map((e: { text: string }) => e.text)).toEqual(['بوتين', 'طهران']);
    expect(out[1]).toEqual({ id: sha16('not json'), error: 'not a JSON record', line: 2, source: '-' });
    expect(out[3]).toEqual({ id: 8, error: 'no string field "body"', line: 4, source: '-' });
    expect(out[4].entities.map((e: { text: string }) => e.text)).toEqual(['بوتين', 'موسكو']);
    // stderr still has one line per failure, for people.
    expect(r.err).toMatch(/^kiyan: -:2: not a JSON record$/m);
    expect(r.err).toMatch(/^kiyan: -:4: no string field "body"$/m);
  });

  test('without --id-field every id is the content hash of the line (CRLF or not), the same however the input is split', () => {
    const recs = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: i % 250, text: `زار بوتين طهران ${i}` }));
    const whole = lines(kiyan(['extract', '--input-format', 'jsonl', '--no-summary'], recs.join('\r\n') + '\r\n').out);
    expect(whole.map((d) => d.id)).toEqual(recs.map(sha16));
    expect(new Set(whole.map((d) => d.id)).size).toBe(1000);
    // Four "partitions", as Spark would feed them: the ids do not depend on the partition.
    const parts = [0, 1, 2, 3].flatMap((k) => lines(kiyan(['extract', '--input-format', 'jsonl', '--no-summary'], recs.slice(k * 250, k * 250 + 250).join('\n')).out));
    expect(parts).toEqual(whole);
  });

  test('exit codes: 1 when a record failed; --allow-errors exits 0 then, but not for a failed input', () => {
    const ok = kiyan(['extract', '--input-format', 'jsonl', '--allow-errors', '--text-field', 'body'], MIXED.join('\n'));
    expect(ok.code).toBe(0);
    expect(lines(ok.out)).toHaveLength(5);
    const f = join(tmp, 'mixed.jsonl');
    writeFileSync(f, MIXED.join('\n'));
    const missing = kiyan(['extract', '--input-format', 'jsonl', '--allow-errors', '--text-field', 'body', f, join(tmp, 'no-such.jsonl')]);
    expect(missing.code).toBe(1);
    expect(lines(missing.out)).toHaveLength(5);
    expect(missing.err).toMatch(/no-such\.jsonl: no such file/);
  });

  test('every result and error line validates against schema/record-result.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'record-result.schema.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema');
    const input = [...MIXED, JSON.stringify({ id: 9, body: SENTENCE.repeat(3) }), JSON.stringify({ id: [1], body: 'x' })].join('\n');
    const out = [...lines(kiyan(['extract', '--input-format', 'jsonl', '--text-field', 'body', '--id-field', 'id'], input).out), ...lines(kiyan(['extract', '--input-format', 'jsonl', '--translit', '--text-field', 'body'], input).out)];
    expect(out).toHaveLength(14);
    expect(out.filter((d) => d.error)).toHaveLength(5);
    expect(out[6]).toEqual({ id: sha16(JSON.stringify({ id: [1], body: 'x' })), error: 'id field "id" is not a string or a number', line: 8, source: '-' });
    for (const d of out) expect(schemaErrors(schema, d)).toEqual([]);
    // The check itself catches a wrong line.
    expect(schemaErrors(schema, { ...out[0], id: true }).length).toBeGreaterThan(0);
    expect(schemaErrors(schema, { id: 'x', error: 'e', line: 0, source: '-' }).length).toBeGreaterThan(0);
  });
});

describe('--max-errors with worker threads', () => {
  test('a folder with --jobs 2: no stack trace, exit 2 when nothing succeeded, no overshoot', () => {
    const dir = join(tmp, 'bad-folder');
    mkdirSync(dir);
    for (let i = 1; i <= 4; i++) writeFileSync(join(dir, `u${i}.txt`), Buffer.from('abc\xffdef', 'latin1'));
    // Good files still running in a worker when the run stops: their results must not crash it.
    for (let i = 1; i <= 4; i++) writeFileSync(join(dir, `v${i}.txt`), SENTENCE.repeat(3000));
    const r = kiyan(['extract', '-f', 'jsonl', '--jobs', '2', '--max-errors', '2', dir]);
    noStackTrace(r.err);
    expect(r.code).toBe(2);
    expect(r.err.match(/invalid UTF-8/g)).toHaveLength(2);
    expect(r.err).toMatch(/^kiyan: stopped after 2 failed inputs \(--max-errors 2\)$/m);
    expect(r.out).toBe('');
  });

  test('records in worker blocks (stdin, and a streamed file): stops at exactly the N-th failed record, nothing written after its error line', () => {
    const recs = Array.from({ length: 3000 }, (_, i) => (i % 3 === 2 ? `bad ${i}` : JSON.stringify({ id: i, text: 'زار بوتين طهران' })));
    const f = join(tmp, 'many.jsonl');
    writeFileSync(f, recs.join('\n') + '\n');
    const small = { KIYAN_STREAM_BYTES: '20000', KIYAN_CHUNK_CHARS: '8000' };
    for (const r of [kiyan(['extract', '--input-format', 'jsonl', '--id-field', 'id', '--max-errors', '2'], recs.join('\n')), kiyan(['extract', '--input-format', 'jsonl', '--id-field', 'id', '--jobs', '2', '--max-errors', '2', f], undefined, small)]) {
      noStackTrace(r.err);
      expect(r.code).toBe(1);
      expect(r.err.match(/not a JSON record/g)).toHaveLength(2);
      expect(r.err).toMatch(/stopped after 2 failed records \(--max-errors 2\)/);
      const out = lines(r.out);
      expect(out.map((d) => d.id)).toEqual([0, 1, sha16('bad 2'), 3, 4, sha16('bad 5')]);
    }
    // Stopped before any record succeeded: nothing succeeded, exit 2 (as for inputs).
    const none = kiyan(['extract', '--input-format', 'jsonl', '--max-errors', '2', '--allow-errors'], 'bad1\nbad2\n' + JSON.stringify({ text: 'زار بوتين' }) + '\n');
    expect(none.code).toBe(2);
    expect(lines(none.out).map((d) => d.error)).toEqual(['not a JSON record', 'not a JSON record']);
  });
});

describe('a big record is a big document', () => {
  test('a 10 MB record is processed in chunks like a big file, the records around it too; a big broken line fails alone', () => {
    const reps = Math.ceil(10e6 / Buffer.byteLength(SENTENCE));
    const input = [JSON.stringify({ id: 'a', text: SENTENCE }), JSON.stringify({ id: 'big', text: SENTENCE.repeat(reps) }), `{"id": "broken", "text": "${SENTENCE.repeat(20000)}`, JSON.stringify({ id: 'c', text: SENTENCE })].join('\n') + '\n';
    const f = join(tmp, 'big-record.jsonl');
    writeFileSync(f, input);
    const r = kiyan(['extract', '--input-format', 'jsonl', '--id-field', 'id', f]);
    noStackTrace(r.err);
    expect(r.code).toBe(1);
    const out = lines(r.out);
    expect(out.map((d) => d.id)).toEqual(['a', 'big', sha16(input.split('\n')[2]), 'c']);
    expect(out[2]).toMatchObject({ error: 'not a JSON record', line: 3 });
    const perSentence = out[0].entities.length;
    expect(perSentence).toBe(3);
    expect(out[1].entities).toHaveLength(perSentence * reps);
    const ps = [...SENTENCE].length;
    // Offsets stay relative to the record's text, across chunk cuts.
    expect(out[1].entities.slice(-3).map((e: { start: number }) => e.start)).toEqual(out[0].entities.map((e: { start: number }) => e.start + ps * (reps - 1)));
    expect(out[1].clusters.map((c: { mentions: number }) => c.mentions)).toEqual([reps, reps, reps]);
    expect(out[3].entities).toEqual(out[0].entities);
  }, 120_000);
});

describe('a record block whose worker dies', () => {
  test('each of its records gets an error line, and the run goes on with the next input', () => {
    // Blocks made big enough (a testing knob) that a 12 MB record goes to a worker whole and runs it out of memory.
    const f = join(tmp, 'oom-block.jsonl');
    writeFileSync(f, [JSON.stringify({ id: 'a', text: SENTENCE }), JSON.stringify({ id: 'big', text: SENTENCE.repeat(Math.ceil(12e6 / Buffer.byteLength(SENTENCE))) }), JSON.stringify({ id: 'c', text: SENTENCE })].join('\n') + '\n');
    const g = join(tmp, 'after-oom.jsonl');
    writeFileSync(g, JSON.stringify({ id: 'd', text: SENTENCE }) + '\n');
    const r = kiyan(['extract', '--input-format', 'jsonl', '--id-field', 'id', '--no-summary', f, g], undefined, { KIYAN_CHUNK_CHARS: String(40e6) });
    noStackTrace(r.err);
    expect(r.code).toBe(1);
    const out = lines(r.out);
    expect(out.map((d) => d.id)).toEqual(['a', 'big', 'c', 'd']);
    for (const d of out.slice(0, 3)) expect(d.error).toMatch(/^worker failed \(.*memory/);
    expect(out.slice(0, 3).map((d) => d.line)).toEqual([1, 2, 3]);
    expect(out[3].entities).toHaveLength(3);
  }, 120_000);
});

describe('co-process use', () => {
  test('with stdin open, each record is answered as soon as it is written', async () => {
    const child = spawn(process.execPath, [BIN, 'extract', '--input-format', 'jsonl', '--id-field', 'id', '--no-summary'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const waiters: Array<() => void> = [];
    child.stdout.on('data', (d) => {
      buf += d;
      waiters.splice(0).forEach((w) => w());
    });
    const nextLine = async (): Promise<Record<string, unknown>> => {
      const deadline = Date.now() + 30_000;
      while (!buf.includes('\n')) {
        if (Date.now() > deadline) throw new Error(`no result line within 30 s (stderr: ${err})`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
      const nl = buf.indexOf('\n');
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      return JSON.parse(line);
    };
    try {
      child.stdin.write(JSON.stringify({ id: 1, text: 'زار بوتين طهران' }) + '\n');
      const first = await nextLine();
      expect(first.id).toBe(1);
      expect((first.entities as Array<{ text: string }>).map((e) => e.text)).toEqual(['بوتين', 'طهران']);
      child.stdin.write(JSON.stringify({ id: 2, text: 'التقى خامنئي' }) + '\n');
      const second = await nextLine();
      expect(second.id).toBe(2);
    } catch (e) {
      child.kill();
      throw e;
    }
    child.stdin.end();
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(0);
    expect(buf).toBe('');
  }, 60_000);
});

describe('row formats carry the record id', () => {
  const input = [JSON.stringify({ id: 'r1', text: 'زار بوتين طهران' }), JSON.stringify({ id: 7, text: 'التقى خامنئي في طهران' })].join('\n');
  const args = ['extract', '--input-format', 'jsonl', '--id-field', 'id', '--no-summary', '-f'];
  test('csv and tsv: a "record" column with the id on every row', () => {
    const csv = kiyan([...args, 'csv'], input).out.split('\r\n').filter(Boolean);
    expect(csv[0]).toBe('record,start,end,type,text,canonical,en,id');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(['r1', 'r1', '7', '7']);
    const tsv = kiyan([...args, 'tsv'], input).out.split('\n').filter(Boolean);
    expect(tsv[0].split('\t')[0]).toBe('record');
    expect(tsv.slice(1).map((l) => l.split('\t')[0])).toEqual(['r1', 'r1', '7', '7']);
  });
  test('table and html name each record by its id too', () => {
    const table = kiyan([...args, 'table', '--no-color'], input).out;
    expect(table.split('\n').filter((l) => l.startsWith('-'))).toEqual(['- record r1: 2 mentions of 2 entities (PER 1, LOC 1, ORG 0)', '- record 7: 2 mentions of 2 entities (PER 1, LOC 1, ORG 0)']);
    const html = kiyan([...args, 'html'], input).out;
    expect(html).toContain('- record r1</h2>');
    expect(html).toContain('- record 7</h2>');
  });
  test('conll: a "# id = ..." line before each record (kiyan eval reads it back); geojson: mentions per record id', () => {
    const conll = kiyan([...args, 'conll'], input).out;
    expect(conll.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# id = r1', '# id = 7']);
    const gold = join(tmp, 'records.conll');
    writeFileSync(gold, conll);
    const ev = kiyan(['eval', gold, '--format', 'json']);
    expect(ev.code).toBe(0);
    const geo = JSON.parse(kiyan([...args, 'geojson'], input).out);
    const tehran = geo.features.find((f: { properties: { name: string } }) => f.properties.name === 'طهران');
    expect(tehran.properties.sources).toEqual({ r1: 1, '7': 1 });
  });
});

describe('pipeline recipes', () => {
  test('runs with an empty environment when node and kiyan are named by absolute paths (PySpark pipe, Hadoop mapper)', () => {
    const r = spawnSync(process.execPath, [BIN, 'extract', '--input-format', 'jsonl', '--jobs', '1', '--no-summary', '--allow-errors'], { input: JSON.stringify({ id: 1, text: 'زار بوتين طهران' }) + '\nnot json\n', env: {}, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.status).toBe(0);
    expect(lines(r.stdout).map((d) => d.error ?? d.entities.length)).toEqual([2, 'not a JSON record']);
  });
});
