/**
 * `kiyan serve`: a long-lived HTTP server over a pool of worker threads (pool.ts).
 *
 *   GET  /          the page (page.ts)
 *   GET  /health    {"status":"ok","workers":N}
 *   POST /extract   application/json {"text", "types"?, "descriptiveOrgs"?} or text/plain:
 *                   the document of `kiyan extract --format json`; application/x-ndjson:
 *                   one result line per record, in input order, streamed (record.ts)
 *   POST /view      as /extract with JSON: the HTML view's section for the page
 *
 * Errors are JSON {"error": "..."} with 400 (bad JSON), 413 (body over maxBody), 415 (other
 * content type), 422 (no string text, bad types), 404, 405; a job that fails is 500. No
 * signal handlers here: the caller decides when to close() (the CLI does on SIGTERM).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, type Hash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { ENTITY_TYPES, type EntityType } from '../model.js';
import { decodeBytes, parseEncoding } from '../io/decode.js';
import { ServePool } from './pool.js';
import type { ExtractSettings, Job } from './jobs.js';
import { contentId, failedRecordLine, recordIdOf } from './record.js';
import { PAGE_CSP, servePage } from './page.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** Largest request body (bytes); for NDJSON, the largest record line. */
  maxBody: number;
  /** Worker threads. */
  jobs: number;
  /** Extra lexicon files. */
  lexicons: string[];
  /** How long close() waits for requests in flight before it cuts connections (ms). */
  drainTimeoutMs?: number;
  /** Heap limit of each worker (MB); default from maxBody. */
  workerHeapMb?: number;
}

export interface RunningServer {
  /** http://host:port */
  url: string;
  address: AddressInfo;
  /** Stop accepting, finish the requests in flight, stop the workers. */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ROUTES: Record<string, string[]> = { '/': ['GET', 'HEAD'], '/health': ['GET', 'HEAD'], '/extract': ['POST'], '/view': ['POST'] };
const NDJSON_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines']);

function mediaType(req: IncomingMessage): { type: string; charset?: string } {
  const [type, ...params] = (req.headers['content-type'] ?? '').split(';');
  const charset = params.map((p) => p.trim().match(/^charset=("?)([^"]+)\1$/i)?.[2]).find(Boolean);
  return { type: type.trim().toLowerCase(), charset };
}

/** The whole body, or HttpError 413 as soon as it is known to be over the limit. */
function readBody(req: IncomingMessage, maxBody: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooBig = (): HttpError => new HttpError(413, `request body over the limit of ${maxBody} bytes (--max-body)`);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBody) return reject(tooBig());
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (b: Buffer): void => {
      size += b.length;
      if (size > maxBody) {
        req.off('data', onData);
        parts.length = 0;
        reject(tooBig());
        return;
      }
      parts.push(b);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Settings from the query string (?types=PER,LOC&descriptiveOrgs=true), then the JSON body. */
function parseSettings(query: URLSearchParams, body?: Record<string, unknown>): ExtractSettings {
  const settings: ExtractSettings = {};
  let types: unknown = query.has('types') ? query.get('types')!.split(',').filter(Boolean) : undefined;
  if (body && 'types' in body) types = body.types;
  if (types !== undefined) {
    if (!Array.isArray(types) || !types.every((t) => typeof t === 'string' && (ENTITY_TYPES as readonly string[]).includes(t.toUpperCase()))) {
      throw new HttpError(422, `"types" must be a list of ${ENTITY_TYPES.join(', ')}`);
    }
    settings.types = (types as string[]).map((t) => t.toUpperCase() as EntityType);
  }
  let orgs: unknown = query.has('descriptiveOrgs') ? query.get('descriptiveOrgs') : undefined;
  if (orgs === 'true' || orgs === '1') orgs = true;
  else if (orgs === 'false' || orgs === '0') orgs = false;
  if (body && 'descriptiveOrgs' in body) orgs = body.descriptiveOrgs;
  if (orgs !== undefined) {
    if (typeof orgs !== 'boolean') throw new HttpError(422, '"descriptiveOrgs" must be true or false');
    settings.descriptiveOrgs = orgs;
  }
  return settings;
}

/** The text and settings of a one-document request (JSON or plain text). */
async function readDocumentRequest(req: IncomingMessage, query: URLSearchParams, maxBody: number): Promise<{ text: string; settings: ExtractSettings }> {
  const { type, charset } = mediaType(req);
  if (type === 'text/plain') {
    const body = await readBody(req, maxBody);
    const encoding = charset ? parseEncoding(charset) : 'auto';
    if (!encoding) throw new HttpError(415, `unsupported charset "${charset}" (utf-8, utf-16le, utf-16be, windows-1256)`);
    try {
      return { text: decodeBytes(body, 'request body', encoding).text, settings: parseSettings(query) };
    } catch (e) {
      throw new HttpError(422, (e as Error).message);
    }
  }
  if (type !== 'application/json') {
    throw new HttpError(415, `unsupported content type "${type || '(none)'}": send application/json {"text": ...}, text/plain, or application/x-ndjson records`);
  }
  const body = await readBody(req, maxBody);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new HttpError(400, `bad JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(422, 'the body must be a JSON object with a string field "text"');
  const obj = parsed as Record<string, unknown>;
  if (!('text' in obj)) throw new HttpError(422, 'missing field "text"');
  if (typeof obj.text !== 'string') throw new HttpError(422, 'field "text" must be a string');
  return { text: obj.text, settings: parseSettings(query, obj) };
}

/**
 * Heap bytes a worker needs per byte of text, with room: a 12 MB text peaks at 150-180 MB
 * of heap (measured 2026-12-08). A worker that reaches its heap limit is not a safe thing
 * to rely on: V8 sometimes aborts the whole process instead of ending the worker.
 */
const HEAP_PER_TEXT_BYTE = 32;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  // A 16 MB text needs about 300 MB of heap; give room, and a bigger heap with --max-body.
  const heapMb = options.workerHeapMb ?? Math.max(1024, Math.ceil((64 * options.maxBody) / 2 ** 20));
  // No body a worker cannot hold is accepted: a smaller heap lowers the body limit.
  const opts = { ...options, maxBody: Math.min(options.maxBody, Math.floor((heapMb * 2 ** 20) / HEAP_PER_TEXT_BYTE)) };
  const pool = new ServePool({ jobs: opts.jobs, lexicons: opts.lexicons, maxOldGenerationSizeMb: heapMb });
  try {
    await pool.ready;
  } catch (e) {
    await pool.close();
    throw e;
  }
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  const send = (res: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}): void => {
    if (res.headersSent) {
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra, ...(draining ? { connection: 'close' } : {}) });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown, extra?: Record<string, string>): void => send(res, status, JSON.stringify(value) + '\n', 'application/json; charset=utf-8', extra);

  /** NDJSON in, NDJSON out: each record's result as soon as it and those before it are ready. */
  async function streamRecords(req: IncomingMessage, res: ServerResponse, settings: ExtractSettings): Promise<void> {
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', ...(draining ? { connection: 'close' } : {}) });
    // Results not yet written, in input order; reading pauses while too many are waiting.
    const results: Array<Promise<string>> = [];
    const limit = 8 * opts.jobs + 16;
    let ended = false;
    let wake: (() => void) | undefined;
    const poke = (): void => {
      wake?.();
      wake = undefined;
    };
    const decoder = new StringDecoder('utf8');
    let partial = '';
    let partialBytes = 0;
    let overLong: Hash | undefined;
    // A '\r' at the end of what was hashed so far is held back: it belongs to the line break
    // if the next piece starts with '\n'.
    let heldCR = false;
    const hashMore = (text: string): void => {
      if (heldCR && text) overLong!.update('\r');
      heldCR = text.endsWith('\r');
      overLong!.update(heldCR ? text.slice(0, -1) : text);
    };
    let lineNo = 0;
    const tooLong = `record over the limit of ${opts.maxBody} bytes (--max-body)`;

    const job = (line: string, n: number): Promise<string> =>
      pool.run({ op: 'record', line, lineNo: n, settings } satisfies Job).catch((e: Error) => failedRecordLine(recordIdOf(line), e.message, n));
    const endLine = (piece: string): void => {
      lineNo++;
      if (overLong) {
        hashMore(piece);
        heldCR = false;
        const id = overLong.digest('hex').slice(0, 16);
        overLong = undefined;
        results.push(Promise.resolve(failedRecordLine(id, tooLong, lineNo)));
      } else {
        const line = (partial + piece).replace(/\r$/, '');
        // An over-long record is not parsed (it may be huge): its id is its content's.
        if (Buffer.byteLength(line) > opts.maxBody) results.push(Promise.resolve(failedRecordLine(contentId(line), tooLong, lineNo)));
        else if (line.trim()) results.push(job(line, lineNo));
      }
      partial = '';
      partialBytes = 0;
      poke();
    };
    const take = (s: string): void => {
      let from = 0;
      for (let nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
        endLine(s.slice(from, nl));
        from = nl + 1;
      }
      const rest = s.slice(from);
      if (overLong) hashMore(rest);
      else {
        partial += rest;
        partialBytes += Buffer.byteLength(rest);
        if (partialBytes > opts.maxBody) {
          overLong = createHash('sha256');
          hashMore(partial);
          partial = '';
        }
      }
      if (results.length >= limit) req.pause();
    };
    req.on('data', (b: Buffer) => take(decoder.write(b)));
    req.on('end', () => {
      const tail = decoder.end();
      if (tail) take(tail);
      if (partial || overLong) endLine('');
      ended = true;
      poke();
    });
    const gone = new Promise<void>((resolve) => res.on('close', resolve));
    req.on('error', () => undefined);
    for (;;) {
      if (results.length) {
        const line = await results[0];
        results.shift();
        if (res.destroyed) break;
        if (!res.write(line + '\n')) await Promise.race([new Promise((r) => res.once('drain', r)), gone]);
        if (req.isPaused() && results.length < limit) req.resume();
        continue;
      }
      if (ended || res.destroyed) break;
      await Promise.race([new Promise<void>((r) => (wake = r)), gone]);
    }
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const methods = ROUTES[url.pathname];
    if (!methods) throw new HttpError(404, `no such path: ${url.pathname} (GET /, GET /health, POST /extract, POST /view)`);
    if (!methods.includes(req.method ?? '')) {
      res.setHeader('allow', methods.join(', '));
      throw new HttpError(405, `${req.method} is not allowed on ${url.pathname} (use ${methods.join(' or ')})`);
    }
    switch (url.pathname) {
      case '/health':
        return sendJson(res, 200, { status: draining ? 'draining' : 'ok', workers: opts.jobs });
      case '/':
        return send(res, 200, servePage(), 'text/html; charset=utf-8', { 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff' });
      case '/extract': {
        if (NDJSON_TYPES.has(mediaType(req).type)) return streamRecords(req, res, parseSettings(url.searchParams));
        const { text, settings } = await readDocumentRequest(req, url.searchParams, opts.maxBody);
        return send(res, 200, await pool.run({ op: 'json', text, settings }), 'application/json; charset=utf-8');
      }
      case '/view': {
        const { text, settings } = await readDocumentRequest(req, url.searchParams, opts.maxBody);
        return send(res, 200, await pool.run({ op: 'view', text, settings }), 'text/html; charset=utf-8');
      }
    }
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    inFlight++;
    res.on('close', () => {
      if (--inFlight === 0) idle?.();
    });
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) {
        // A body left unread (413) is not waited for: answer and close the connection.
        const extra: Record<string, string> = e.status === 413 ? { connection: 'close' } : {};
        sendJson(res, e.status, { error: e.message }, extra);
        if (e.status === 413) req.resume();
      } else sendJson(res, 500, { error: `internal error: ${(e as Error).message}` });
    });
  };
  // No limit on how long a request may take to arrive (Node's default is 5 minutes): an
  // NDJSON stream may go on for hours. Headers must still come within headersTimeout.
  const server = createServer({ requestTimeout: 0 }, onRequest);
  // "Expect: 100-continue" (curl with a big body): the body is asked for only if the route
  // and its declared size can be served; otherwise the answer comes before the body is sent.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > opts.maxBody && !NDJSON_TYPES.has(mediaType(req).type)) return onRequest(req, res);
    res.writeContinue();
    onRequest(req, res);
  });
  // Requests with broken HTTP never reach handle(): answer 400 and drop the connection.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    // The workers would keep the process alive.
    await pool.close();
    throw e;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const settled = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
      const timer = setTimeout(() => server.closeAllConnections(), opts.drainTimeoutMs ?? 30_000);
      await settled;
      // Connections kept alive after their last answer are idle now.
      server.closeIdleConnections();
      await closed;
      clearTimeout(timer);
      await pool.close();
    })());

  return { url: `http://${host}:${address.port}`, address, close };
}
