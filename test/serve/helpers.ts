/** A `kiyan serve` process for tests (the built binary, port 0), and a small HTTP client. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request, type IncomingHttpHeaders, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export const BIN = join(ROOT, 'bin', 'kiyan.js');

export interface Served {
  url: string;
  proc: ChildProcess;
  stderr: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export function serve(args: string[] = [], env: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--jobs', '2', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    proc.stderr!.on('data', (d: string) => {
      err += d;
      const m = /serving on (http:\/\/\S+)/.exec(err);
      if (m) resolve({ url: m[1], proc, stderr: () => err, exited, stop: () => (proc.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => reject(new Error(`kiyan serve exited (${code}) before listening: ${err}`)));
  });
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function http(url: string, opts: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export const postJson = (url: string, value: unknown): Promise<Answer> =>
  http(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof value === 'string' ? value : JSON.stringify(value) });

/** An NDJSON request left open: write lines, read result lines as they come. */
export function ndjsonStream(url: string): { req: ClientRequest; lines: () => string[]; nextLine: (n: number) => Promise<string[]>; done: Promise<Answer> } {
  let buf = '';
  const got: string[] = [];
  const waiters: Array<() => void> = [];
  let status = 0;
  let headers: IncomingHttpHeaders = {};
  let finish!: (a: Answer) => void;
  let fail!: (e: Error) => void;
  const done = new Promise<Answer>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const req = request(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, agent: false }, (res) => {
    status = res.statusCode!;
    headers = res.headers;
    res.setEncoding('utf8');
    res.on('data', (d: string) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        got.push(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
      for (const w of waiters.splice(0)) w();
    });
    res.on('end', () => finish({ status, headers, body: got.join('\n') + (got.length ? '\n' : '') + buf }));
  });
  req.on('error', fail);
  req.flushHeaders();
  const nextLine = async (n: number): Promise<string[]> => {
    while (got.length < n) await new Promise<void>((r) => waiters.push(r));
    return got.slice(0, n);
  };
  return { req, lines: () => got, nextLine, done };
}

/** `kiyan extract --format json` on stdin, as the CLI prints it. */
export function cliJson(text: string, args: string[] = []): string {
  const r = spawnSync(process.execPath, [BIN, 'extract', '--format', 'json', ...args], { input: text, cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`kiyan extract failed: ${r.stderr}`);
  return r.stdout;
}
