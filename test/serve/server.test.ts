/** `kiyan serve` through the built binary: endpoints, bad requests, limits, NDJSON streaming, draining on SIGTERM. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { seedText } from '../helpers.js';
import { cliJson, http, ndjsonStream, postJson, serve, type Served } from './helpers.js';

const SHORT = 'زار الرئيس الروسي فلاديمير بوتين العاصمة الإيرانية طهران والتقى المرشد علي خامنئي.';
const ORGS = 'وقال الجيش السوري إن الحكومة اللبنانية رحبت بالقرار.';
const hash16 = (line: string): string => createHash('sha256').update(line).digest('hex').slice(0, 16);

let s: Served;
beforeAll(async () => {
  s = await serve(['--max-body', '64KB']);
});
afterAll(async () => {
  expect(await s.stop()).toBe(0);
});

describe('GET', () => {
  test('/health', async () => {
    const r = await http(`${s.url}/health`);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ status: 'ok', workers: 2 });
  });

  test('/ is the page: RTL, self-contained, with a restrictive CSP', async () => {
    const r = await http(`${s.url}/`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(r.body).toContain('<textarea');
    expect(r.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('POST /extract, one document', () => {
  test('JSON body: byte-identical to `kiyan extract --format json` on stdin', async () => {
    const r = await postJson(`${s.url}/extract`, { text: seedText() });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.body).toBe(cliJson(seedText()));
    expect(JSON.parse(r.body).entities.length).toBeGreaterThan(20);
  });

  test('text/plain body gives the same document', async () => {
    const r = await http(`${s.url}/extract`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: SHORT });
    expect(r.status).toBe(200);
    expect(r.body).toBe(cliJson(SHORT));
  });

  test('"types" and "descriptiveOrgs" as --types and --descriptive-orgs', async () => {
    const loc = await postJson(`${s.url}/extract`, { text: SHORT, types: ['LOC'] });
    expect(loc.body).toBe(cliJson(SHORT, ['--types', 'LOC']));
    expect(JSON.parse(loc.body).entities.map((e: { type: string }) => e.type)).toEqual(['LOC']);
    const orgs = await postJson(`${s.url}/extract`, { text: ORGS, descriptiveOrgs: true });
    expect(orgs.body).toBe(cliJson(ORGS, ['--descriptive-orgs']));
    expect(orgs.body).not.toBe(cliJson(ORGS));
    const query = await http(`${s.url}/extract?types=PER`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: SHORT });
    expect(query.body).toBe(cliJson(SHORT, ['--types', 'PER']));
  });
});

describe('bad requests get a status and a message, and the server goes on', () => {
  const cases: Array<[string, () => Promise<{ status: number; body: string }>, number, RegExp]> = [
    ['bad JSON', () => postJson(`${s.url}/extract`, '{"text": "زار'), 400, /bad JSON/],
    ['not an object', () => postJson(`${s.url}/extract`, '["text"]'), 422, /JSON object/],
    ['missing text', () => postJson(`${s.url}/extract`, { txt: 'x' }), 422, /missing field "text"/],
    ['text not a string', () => postJson(`${s.url}/extract`, { text: 42 }), 422, /"text" must be a string/],
    ['unknown type', () => postJson(`${s.url}/extract`, { text: 'x', types: ['GPE'] }), 422, /"types"/],
    ['descriptiveOrgs not boolean', () => postJson(`${s.url}/extract`, { text: 'x', descriptiveOrgs: 'yes' }), 422, /descriptiveOrgs/],
    ['form body', () => http(`${s.url}/extract`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=x' }), 415, /content type/],
    ['GET /extract', () => http(`${s.url}/extract`), 405, /POST/],
    ['DELETE /', () => http(`${s.url}/`, { method: 'DELETE' }), 405, /GET/],
    ['unknown path', () => http(`${s.url}/admin`), 404, /no such path/],
  ];
  test.each(cases)('%s', async (_name, send, status, message) => {
    const r = await send();
    expect(r.status).toBe(status);
    expect(JSON.parse(r.body).error).toMatch(message);
    expect((await http(`${s.url}/health`)).status).toBe(200);
  });

  test('405 says which methods are allowed', async () => {
    expect((await http(`${s.url}/extract`)).headers.allow).toBe('POST');
  });

  test('garbage instead of HTTP: 400, connection closed, server still up', async () => {
    const { port } = new URL(s.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const sock = connect(Number(port), '127.0.0.1', () => sock.write('\x00\x01 NOT HTTP\r\n\r\n'));
      let got = '';
      sock.on('data', (d) => (got += d));
      sock.on('end', () => resolve(got));
      sock.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1.1 400/);
    expect((await http(`${s.url}/health`)).status).toBe(200);
  });

  test('a body over --max-body: 413, declared or not', async () => {
    const big = 'ب'.repeat(40_000); // 80 KB over a 64 KB limit
    const declared = await postJson(`${s.url}/extract`, { text: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatch(/over the limit of 65536 bytes/);
    // chunked: no content-length, the limit is found while reading
    const chunked = await http(`${s.url}/extract`, { method: 'POST', headers: { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, body: big });
    expect(chunked.status).toBe(413);
    const after = await postJson(`${s.url}/extract`, { text: SHORT });
    expect(after.status).toBe(200);
  });
});

describe('POST /extract, application/x-ndjson records', () => {
  test('one line per record in input order: ids keep their type, else a content hash; errors carry the line number', async () => {
    const input = [
      JSON.stringify({ id: 7, text: SHORT }),
      'not json',
      '',
      JSON.stringify({ text: ORGS }),
      JSON.stringify({ id: 'x' }),
      '[1,2]',
      JSON.stringify({ id: 'big', text: 'ب'.repeat(40_000) }),
      JSON.stringify({ id: 'last', text: SHORT }),
    ];
    const r = await http(`${s.url}/extract`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: input.join('\r\n') });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const out = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(7);
    const doc = (text: string) => JSON.parse(cliJson(text));
    expect(out[0]).toEqual({ id: 7, ...doc(SHORT) });
    expect(out[1]).toEqual({ id: hash16('not json'), error: 'not a JSON record', line: 2 });
    expect(out[2]).toEqual({ id: hash16(input[3]), ...doc(ORGS) });
    expect(out[3]).toEqual({ id: 'x', error: 'no string field "text"', line: 5 });
    expect(out[4]).toEqual({ id: hash16('[1,2]'), error: 'not a JSON object', line: 6 });
    expect(out[5]).toEqual({ id: hash16(input[6]), error: 'record over the limit of 65536 bytes (--max-body)', line: 7 });
    expect(out[6]).toEqual({ id: 'last', ...doc(SHORT) });
  });

  test('settings from the query string apply to every record', async () => {
    const r = await http(`${s.url}/extract?types=LOC`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: JSON.stringify({ id: 1, text: SHORT }) });
    expect(JSON.parse(r.body)).toEqual({ id: 1, ...JSON.parse(cliJson(SHORT, ['--types', 'LOC'])) });
  });

  test('streamed: a result comes back while the request is still open', async () => {
    const st = ndjsonStream(`${s.url}/extract`);
    st.req.write(JSON.stringify({ id: 'a', text: SHORT }) + '\n');
    const [first] = await st.nextLine(1);
    expect(JSON.parse(first).id).toBe('a');
    st.req.write(JSON.stringify({ id: 'b', text: ORGS }) + '\n');
    expect(JSON.parse((await st.nextLine(2))[1]).id).toBe('b');
    // a record over --max-body sent in pieces: an error line with its content id, and the stream goes on
    const big = JSON.stringify({ id: 'big', text: 'ب'.repeat(40_000) });
    st.req.write(big.slice(0, 35_000)); // over the limit before its line ends
    await new Promise((w) => setTimeout(w, 50));
    st.req.write(big.slice(35_000) + '\n');
    expect(JSON.parse((await st.nextLine(3))[2])).toEqual({ id: hash16(big), error: 'record over the limit of 65536 bytes (--max-body)', line: 3 });
    // the same with a CRLF split between two writes: the id is still that of the line without its break
    st.req.write(big.slice(0, 35_000));
    await new Promise((w) => setTimeout(w, 50));
    st.req.write(big.slice(35_000) + '\r');
    await new Promise((w) => setTimeout(w, 50));
    st.req.write('\n');
    expect(JSON.parse((await st.nextLine(4))[3])).toEqual({ id: hash16(big), error: 'record over the limit of 65536 bytes (--max-body)', line: 4 });
    st.req.write(JSON.stringify({ id: 'c', text: SHORT }));
    st.req.end();
    const done = await st.done;
    expect(done.status).toBe(200);
    expect(done.body.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'b', hash16(big), hash16(big), 'c']);
  });

  test('many records: all answered, in order', async () => {
    const paras = seedText().split('\n').filter((l) => l.trim());
    const input = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: i, text: paras[i % paras.length] }));
    const r = await http(`${s.url}/extract`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: input.join('\n') + '\n' });
    const ids = r.body.trimEnd().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(input.map((_, i) => i));
  });
});

describe('robustness', () => {
  test('a small worker heap lowers the body limit: a text the workers could not hold is refused (413), never run', async () => {
    // 48 MB of heap holds 1.5 MB of text; a 12 MB text would run a worker out of memory,
    // which V8 may answer by aborting the whole process, not just the worker.
    const small = await serve(['--jobs', '1', '--max-body', '64MB'], { KIYAN_SERVE_HEAP_MB: '48' });
    try {
      const huge = seedText().repeat(Math.ceil(12e6 / Buffer.byteLength(seedText())));
      const r = await http(`${small.url}/extract`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: huge });
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body).error).toBe(`request body over the limit of ${(48 * 2 ** 20) / 32} bytes (--max-body)`);
      // the worker still answers
      const ok = await postJson(`${small.url}/extract`, { text: SHORT });
      expect(ok.status).toBe(200);
      expect(ok.body).toBe(cliJson(SHORT));
    } finally {
      expect(await small.stop()).toBe(0);
    }
  });

  test('SIGTERM: a request in flight is finished, new connections are refused, exit 0', async () => {
    const d = await serve();
    const st = ndjsonStream(`${d.url}/extract`);
    st.req.write(JSON.stringify({ id: 1, text: SHORT }) + '\n');
    await st.nextLine(1);
    d.proc.kill('SIGTERM');
    await new Promise((w) => setTimeout(w, 300));
    await expect(http(`${d.url}/health`)).rejects.toThrow(/ECONNREFUSED/);
    // the open request goes on until its client ends it
    st.req.write(JSON.stringify({ id: 2, text: ORGS }) + '\n');
    st.req.end();
    const done = await st.done;
    expect(done.body.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual([1, 2]);
    expect(await d.exited).toBe(0);
    expect(d.stderr()).toMatch(/SIGTERM: finishing the requests in flight/);
    expect(d.stderr()).not.toMatch(/Error|at .*\.js/);
  });

  test('usage errors: exit 2 with one line', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('./helpers.js');
    for (const args of [['--port', 'http'], ['--max-body', 'lots'], ['--jobs', '0']]) {
      const r = spawnSync(process.execPath, [BIN, 'serve', ...args], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^kiyan: --(port|max-body|jobs) must be/);
    }
    const busy = spawnSync(process.execPath, [BIN, 'serve', '--port', new URL(s.url).port], { encoding: 'utf8' });
    expect(busy.status).toBe(2);
    expect(busy.stderr).toMatch(/address is in use/);
  });
});

test('a lexicon file that cannot be read: exit 2 with the same line as extract', async () => {
  const { spawnSync } = await import('node:child_process');
  const { BIN } = await import('./helpers.js');
  const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '-l', '/nonexistent/lexicon.tsv'], { encoding: 'utf8', timeout: 30_000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('kiyan: /nonexistent/lexicon.tsv: cannot read lexicon file (ENOENT)\n');
});

test('SIGINT (Ctrl-C) with keep-alive connections open: stops and exits 0', async () => {
  const { Agent } = await import('node:http');
  const d = await serve();
  const agent = new Agent({ keepAlive: true });
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${d.url}/health`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(200);
  // the connection stays open (keep-alive, idle): it must not hold the server up
  d.proc.kill('SIGINT');
  expect(await d.exited).toBe(0);
  agent.destroy();
});
