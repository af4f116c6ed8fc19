/**
 * Big inputs in bounded memory: decoded text arrives in pieces and leaves as chunks of
 * about `chunkChars` UTF-16 units. A chunk's core is cut at a line end (or, in an enormous
 * line, at a sentence end, then at a space, and only as a last resort anywhere outside a
 * surrogate pair), and travels with `contextChars` of text on each side, so that rules
 * and document consistency (window 3000 characters) see the same neighbourhood as in the
 * whole text: no entity is lost or changed at a cut.
 */
import { createReadStream } from 'node:fs';
import { bomEncoding, checkForcedEncoding, detectEncoding, StreamDecoder, type ConcreteEncoding, type Encoding } from '../io/decode.js';
import { BinaryInputError } from '../io/decode.js';
import { cpLength, hasSurrogates } from './process.js';

/** The parts travel separately: the worker joins them, so the main thread never copies a chunk. */
export interface Chunk {
  /** Context before the core. */
  before: string;
  core: string;
  /** Context after the core. */
  after: string;
  first: boolean;
  /** Code points of the input before this chunk's core. */
  cpBase: number;
}

export const SNIFF_BYTES = 64 * 1024;

/**
 * The young generation of a worker that runs streamed chunks, in MB. A 256 K-character chunk
 * (with its context) makes tens of MB of short-lived objects; in an 8 MB young generation
 * many of them were promoted, so the old generation's collector did their freeing. On 20 MB
 * of the benchmark's text as one file (2026-12-08, CPU seconds): 15.1 with 8 MB, 14.4 with
 * 16, 12.1 with 24, 12.3 with 32, 12.4 with 64, against 9.6 for the same text as a folder.
 * Peak RSS, 200 MB from stdin: 331 MB with 8, 351 with 16, 333 with 24, 375 with 32 (KB / 1000).
 */
export const STREAM_WORKER_YOUNG_MB = 24;

/**
 * Decodes a byte stream strictly, choosing the encoding from its first 64 KB when `auto`.
 * `live` (records arriving on a pipe): from the first complete line already, so that a
 * co-process that writes one record gets its result without writing 64 KB first.
 */
export async function* decodeStream(bytes: AsyncIterable<Uint8Array>, source: string, encoding: Encoding, explicit: boolean, live = false): AsyncGenerator<string> {
  let head: Uint8Array[] = [];
  let headLen = 0;
  let dec: StreamDecoder | undefined;
  const start = (final: boolean): string => {
    const all = Buffer.concat(head);
    head = [];
    let enc: ConcreteEncoding;
    if (encoding === 'auto') enc = detectEncoding(all, source, !final);
    else {
      enc = encoding;
      checkForcedEncoding(all, enc, source);
    }
    void explicit;
    dec = new StreamDecoder(enc, source);
    const bom = bomEncoding(all);
    return dec.write(bom && bom.encoding === enc ? all.subarray(bom.length) : all);
  };
  for await (const b of bytes) {
    if (!dec) {
      head.push(b);
      headLen += b.length;
      if (headLen < SNIFF_BYTES && !(live && b.indexOf(0x0a) !== -1)) continue;
      yield start(false);
      continue;
    }
    if ((dec.encoding === 'utf8' || dec.encoding === 'windows-1256') && b.indexOf(0) !== -1) throw new BinaryInputError(source);
    yield dec.write(b);
  }
  if (!dec) yield start(true);
  const tail = dec!.end();
  if (tail) yield tail;
}

export function fileBytes(path: string): AsyncIterable<Uint8Array> {
  // 64 KB reads decode to strings small enough for V8's young generation; 1 MB pieces went
  // to the large-object space, which only a full collection frees.
  return createReadStream(path, { highWaterMark: 1 << 16 });
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '۔', '…']);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x2029 || c === 0x2028;
}

/** Where to cut `s` at or before `target` (never before target/2). */
export function findCut(s: string, target: number): number {
  const low = Math.floor(target / 2);
  const nl = s.lastIndexOf('\n', target - 1);
  if (nl >= low) return nl + 1;
  for (let i = target - 1; i >= low; i--) {
    if (isSpace(s.charCodeAt(i)) && i > 0 && SENTENCE_END.has(s[i - 1])) return i + 1;
  }
  for (let i = target - 1; i >= low; i--) if (isSpace(s.charCodeAt(i))) return i + 1;
  let cut = target;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return cut;
}

/** Context after a cut: up to `n` units, ending at a space when there is one. */
function contextAfter(s: string, from: number, n: number): string {
  if (s.length - from <= n) return s.slice(from);
  let end = from + n;
  for (let i = end; i > from + n / 2; i--) {
    if (isSpace(s.charCodeAt(i))) {
      end = i;
      break;
    }
  }
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(from, end);
}

/** Context before the next core: the last `n` units of `s`, starting after a space when there is one. */
function contextBefore(s: string, n: number): string {
  if (s.length <= n) return s;
  let start = s.length - n;
  for (let i = start; i < s.length - n / 2; i++) {
    if (isSpace(s.charCodeAt(i))) {
      start = i + 1;
      break;
    }
  }
  const c = s.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start++;
  return s.slice(start);
}

/**
 * The main thread's part of a streamed input: cut the decoded text into chunks, and no more.
 * Pieces are gathered and joined once per chunk (a flat string: the cut, the slices and the
 * copy to the worker read it without flattening a chain of concatenations), and code points
 * are counted only while the buffer holds a surrogate (the check is a native scan of each
 * new piece; Arabic text has none, so its chunks are never walked character by character).
 */
export async function* chunkText(pieces: AsyncIterable<string> | Iterable<string>, chunkChars: number, contextChars: number): AsyncGenerator<Chunk> {
  let buf = '';
  let gathered: string[] = [];
  let gatheredChars = 0;
  let surrogates = false;
  let before = '';
  let first = true;
  let cpBase = 0;
  const make = (cut: number): Chunk => {
    const core = buf.slice(0, cut);
    const after = contextAfter(buf, cut, contextChars);
    const chunk = { before, core, after, first, cpBase };
    cpBase += surrogates ? cpLength(core) : core.length;
    first = false;
    before = contextBefore(core, contextChars);
    buf = buf.slice(cut);
    if (surrogates) surrogates = hasSurrogates(buf);
    return chunk;
  };
  const join = (): void => {
    gathered.unshift(buf);
    buf = gathered.join('');
    gathered = [];
    gatheredChars = 0;
  };
  for await (const p of pieces) {
    gathered.push(p);
    gatheredChars += p.length;
    if (!surrogates && hasSurrogates(p)) surrogates = true;
    if (buf.length + gatheredChars < chunkChars + contextChars) continue;
    join();
    while (buf.length >= chunkChars + contextChars) yield make(findCut(buf, chunkChars));
  }
  join();
  while (buf.length > chunkChars) yield make(findCut(buf, chunkChars));
  if (buf.length || first) yield make(buf.length);
}

/**
 * Lines of a decoded stream, in blocks of about `blockChars` (record mode). `live`: every
 * complete line is given as soon as its piece arrives (records on a pipe: no record waits
 * for the next one).
 */
export async function* lineBlocks(pieces: AsyncIterable<string>, blockChars: number, live = false): AsyncGenerator<{ firstLine: number; lines: string[] }> {
  let buf = '';
  let line = 1;
  // The last line end in buf, found in each piece as it arrives: searching the whole buffer
  // again for every piece of a 10 MB line was quadratic.
  let nl = -1;
  for await (const p of pieces) {
    const inPiece = p.lastIndexOf('\n');
    if (inPiece >= 0) nl = buf.length + inPiece;
    buf += p;
    if (buf.length < blockChars && !live) continue;
    if (nl < 0) continue;
    const lines = buf.slice(0, nl).split('\n');
    buf = buf.slice(nl + 1);
    nl = -1;
    yield { firstLine: line, lines };
    line += lines.length;
  }
  if (buf.length) yield { firstLine: line, lines: buf.split('\n') };
}
