/**
 * One unit of batch work, the same in a worker thread and in the main thread: a whole
 * file, a whole text (small stdin), a chunk of a big input, or a block of JSONL records.
 * Pure apart from reading the file it is given; results are plain data (structured-clone
 * safe) so that workers can post them back.
 */
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { clusterEntities, type Cluster, type Document, type Entity, type EntityType } from '../model.js';
import type { Extractor } from '../extractor.js';
import { DetectorNotLoaded, detectLanguageIfLoaded, loadLanguageDetector } from '../text/language.js';
import { BinaryInputError, decodeBytes, type Encoding } from '../io/decode.js';
import { InputError } from '../io/errors.js';
import { isFifo, readFifoBytes } from '../io/input.js';
import { inShard, type Shard } from '../io/walk.js';
import { outputFormat, type FormatContext } from '../format/index.js';
import { withTranslit } from '../format/common.js';

export interface TaskConfig {
  types?: EntityType[];
  descriptiveOrgs?: boolean;
  lexicons: string[];
  format: string;
  formatCtx: FormatContext;
  strict: boolean;
  encoding: Encoding;
  inputFormat: 'text' | 'jsonl';
  textField: string;
  /** The record field holding the id; without it (or when a record has no such field) the id is contentId() of the line. */
  idField?: string;
  shard?: Shard;
  /** Each result is a complete file of its own (--out-dir): begin + document + end. */
  standalone: boolean;
}

export type Task =
  | { kind: 'file'; path: string; source: string; explicit: boolean }
  | { kind: 'text'; source: string; text: string; bytes: number }
  | { kind: 'chunk'; source: string; before: string; core: string; after: string; first: boolean; cpBase: number; raw?: boolean }
  | { kind: 'records'; source: string; firstLine: number; lines: string[]; bytes: number };

export interface Counts {
  PER: number;
  LOC: number;
  ORG: number;
}

export interface OkResult {
  ok: true;
  /**
   * Formatted output for this input (or record block). Worker threads send it as UTF-8
   * bytes in a transferred buffer (see worker.ts); in the calling thread it is a string.
   */
  out: string | Uint8Array;
  /** Documents with their text, when the format needs them all at the end. */
  docs?: Array<{ doc: Document; text: string }>;
  bytes: number;
  counts: Counts;
  warnings: string[];
  /** Record mode: one outcome per record, in input order. */
  outcomes?: RecordOutcome[];
  /** Records processed without error. */
  records: number;
  /** Chunk results: the entities serialised (json/jsonl array items, comma-separated; offsets into the whole input), their clusters. */
  entityCount?: number;
  clusters?: Cluster[];
  language?: string;
  /** Chunk results with `raw`: the entities themselves (offsets into the whole text), for the caller to format. */
  entities?: Entity[];
}

/** What became of one record: where its output ends in the result's `out` (in its units: UTF-16 or bytes), its failure line, its entity counts. */
export interface RecordOutcome {
  end: number;
  failure?: string;
  counts: Counts;
}

/**
 * node:crypto is loaded when a record id is first derived, not at start-up: with the
 * streams it pulls in, it was ~5% of a short run's start (most runs have no records).
 */
const lazyRequire = createRequire(import.meta.url);

/** A record id as kiyan derives it from the record's line (without its line terminator): the first 16 hex digits of its SHA-256, the same however the input is split. */
export function contentId(line: string): string {
  return (lazyRequire('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(line, 'utf8').digest('hex').slice(0, 16);
}

export type RecordId = string | number;

/** A record parsed, or why it cannot be processed. */
export type ParsedRecord = { id: RecordId; text: string } | { id: RecordId; error: string };

/** Parses one record line (its terminator removed); null for a blank line. */
export function parseRecord(line: string, textField: string, idField: string | undefined): ParsedRecord | null {
  if (!line.trim()) return null;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    return { id: contentId(line), error: 'not a JSON record' };
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return { id: contentId(line), error: 'not a JSON object' };
  const obj = rec as Record<string, unknown>;
  const given = idField === undefined ? undefined : obj[idField];
  let id: RecordId;
  if (given === undefined || given === null) id = contentId(line);
  else if (typeof given === 'string' || (typeof given === 'number' && Number.isFinite(given))) id = given;
  else return { id: contentId(line), error: `id field "${idField}" is not a string or a number` };
  const text = obj[textField];
  if (typeof text !== 'string') return { id, error: `no string field "${textField}"` };
  return { id, text };
}

export interface FailResult {
  ok: false;
  error: string;
  /** A binary file met while walking: skipped, not failed. */
  skipped?: boolean;
  bytes: number;
}

export type Result = OkResult | FailResult;

export function emptyCounts(): Counts {
  return { PER: 0, LOC: 0, ORG: 0 };
}

export function countEntities(entities: Entity[], into: Counts = emptyCounts()): Counts {
  for (const e of entities) into[e.type]++;
  return into;
}

function fail(e: unknown, bytes = 0): FailResult {
  if (e instanceof BinaryInputError) return { ok: false, error: e.message, bytes };
  if (e instanceof InputError) return { ok: false, error: e.message, bytes };
  return { ok: false, error: `internal error: ${(e as Error).message} (please report it)`, bytes };
}

/** `fifoBytes`: a FIFO's content, read beforehand by runTaskLoading (see readFifoBytes). */
export function runTask(task: Task, cfg: TaskConfig, extractor: Extractor, fifoBytes?: Buffer): Result {
  try {
    switch (task.kind) {
      case 'file':
        return processFile(task, cfg, extractor, fifoBytes);
      case 'text':
        return cfg.inputFormat === 'jsonl'
          ? processRecords(task.source, 1, task.text.split('\n'), task.bytes, cfg, extractor, true)
          : processText(task.source, task.text, task.bytes, cfg, extractor);
      case 'chunk':
        return processChunk(task, cfg, extractor);
      case 'records':
        return processRecords(task.source, task.firstLine, task.lines, task.bytes, cfg, extractor, false);
    }
  } catch (e) {
    if (e instanceof DetectorNotLoaded) throw e;
    return fail(e);
  }
}

/**
 * runTask, loading the language detector the first time a text needs it (most runs never
 * do). Tasks are pure apart from reading their input, so running one again is safe.
 */
export async function runTaskLoading(task: Task, cfg: TaskConfig, extractor: Extractor): Promise<Result> {
  // A FIFO is read asynchronously: a synchronous read would block until a writer comes, deaf
  // to SIGTERM and SIGINT. It is read once, so a second runTask gets the same bytes.
  let fifoBytes: Buffer | undefined;
  if (task.kind === 'file' && isFifo(task.path)) {
    try {
      fifoBytes = await readFifoBytes(task.path, task.source);
    } catch (e) {
      return fail(e);
    }
  }
  try {
    return runTask(task, cfg, extractor, fifoBytes);
  } catch (e) {
    if (!(e instanceof DetectorNotLoaded)) throw e;
    await loadLanguageDetector();
    return runTask(task, cfg, extractor, fifoBytes);
  }
}

function processFile(task: Extract<Task, { kind: 'file' }>, cfg: TaskConfig, extractor: Extractor, fifoBytes?: Buffer): Result {
  let bytes: Buffer;
  try {
    if (fifoBytes) bytes = fifoBytes;
    else {
      if (statSync(task.path).isDirectory()) throw new InputError(task.source, 'is a directory');
      bytes = readFileSync(task.path);
    }
  } catch (e) {
    if (e instanceof InputError) return fail(e);
    const code = (e as NodeJS.ErrnoException).code;
    return fail(new InputError(task.source, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code})`));
  }
  let text: string;
  try {
    text = decodeBytes(bytes, task.source, cfg.encoding).text;
  } catch (e) {
    if (e instanceof BinaryInputError && !task.explicit) return { ok: false, error: e.message, skipped: true, bytes: bytes.length };
    return fail(e, bytes.length);
  }
  if (cfg.inputFormat === 'jsonl') return processRecords(task.source, 1, text.split('\n'), bytes.length, cfg, extractor, true);
  return processText(task.source, text, bytes.length, cfg, extractor);
}

/** Formats one document the way the run wants it (streamed piece, or a standalone file). */
function render(doc: Document, text: string, cfg: TaskConfig): { out: string; docs?: Array<{ doc: Document; text: string }> } {
  const format = outputFormat(cfg.format)!;
  if (cfg.standalone) {
    const ctx = { ...cfg.formatCtx, inputCount: 1 };
    let out = format.begin ? format.begin(ctx) : '';
    if (format.document) out += format.document(doc, text, ctx);
    if (format.end) out += format.end([{ doc, text }], ctx);
    return { out };
  }
  return { out: format.document ? format.document(doc, text, cfg.formatCtx) : '', docs: format.needsAll ? [{ doc, text }] : undefined };
}

function languageCheck(source: string, text: string, cfg: TaskConfig, warnings: string[]): string {
  const lang = detectLanguageIfLoaded(text);
  if (text.trim() && !lang.isArabic) {
    const why = `text does not look like Arabic (detected ${lang.code}, ${Math.round(lang.arabicShare * 100)}% Arabic letters)`;
    if (cfg.strict) throw new InputError(source, `${why}; --strict makes this an error`);
    warnings.push(`${source}: ${why}`);
  }
  return lang.code;
}

export function processText(source: string, text: string, bytes: number, cfg: TaskConfig, extractor: Extractor): Result {
  const warnings: string[] = [];
  const language = languageCheck(source, text, cfg, warnings);
  const doc = extractor.extract(text, { source, types: cfg.types, language, descriptiveOrgs: cfg.descriptiveOrgs });
  const { out, docs } = render(doc, text, cfg);
  return { ok: true, out, docs, bytes, counts: countEntities(doc.entities), warnings, records: 0 };
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** Whether s may hold a surrogate pair (a native scan: most Arabic text has none). */
export function hasSurrogates(s: string): boolean {
  return HIGH_SURROGATE.test(s);
}

/** Code points in s[from, to). */
export function cpLength(s: string, from = 0, to = s.length): number {
  let n = to - from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * A chunk of a big input: the core [coreStart, coreEnd) with context on both sides, so
 * that rules and document consistency see the same neighbourhood as in the whole text.
 * Only entities that start in the core are kept; offsets are made relative to the core.
 */
function processChunk(task: Extract<Task, { kind: 'chunk' }>, cfg: TaskConfig, extractor: Extractor): Result {
  const warnings: string[] = [];
  const text = task.before + task.core + task.after;
  const coreStart = task.before.length;
  let language: string | undefined;
  if (task.first) language = languageCheck(task.source, text.slice(coreStart), cfg, warnings);
  // The entities only, not a document: extract() would also cluster every entity of the
  // chunk and its context, and only the core's entities are clustered (once, below).
  const found = extractor.entities(text, { types: cfg.types, descriptiveOrgs: cfg.descriptiveOrgs });
  const pairs = hasSurrogates(text);
  const base = pairs ? cpLength(text, 0, coreStart) : coreStart;
  const coreCp = pairs ? cpLength(text, coreStart, coreStart + task.core.length) : task.core.length;
  const entities: Entity[] = [];
  for (const e of found) {
    const s = e.start - base;
    if (s < 0 || s >= coreCp) continue;
    e.start = s + task.cpBase;
    e.end += task.cpBase - base;
    entities.push(e);
  }
  // --translit as the formats apply it to a whole document (the merged clusters keep the
  // first chunk's field, which is the whole document's: the same first mention).
  if (task.raw) return { ok: true, out: '', bytes: 0, counts: countEntities(entities), warnings, records: 0, entityCount: entities.length, entities, language };
  const shown = withTranslit({ source: task.source, language: language ?? 'und', entities, clusters: clusterEntities(entities) }, cfg.formatCtx.translit);
  const out = outputFormat(cfg.format)!.stream?.entities(shown.entities, cfg.formatCtx) ?? '';
  return { ok: true, out, bytes: 0, counts: countEntities(entities), warnings, records: 0, entityCount: entities.length, clusters: shown.clusters, language };
}

/**
 * JSONL records: one outcome per record, in order: its result, or (jsonl) an error line
 * carrying its id, so that no record is ever lost. `whole`: the lines are a whole input (a
 * standalone result file gets begin/end); else a block of a streamed input.
 */
export function processRecords(source: string, firstLine: number, lines: string[], bytes: number, cfg: TaskConfig, extractor: Extractor, whole: boolean): Result {
  const standalone = cfg.standalone && whole;
  const format = outputFormat(cfg.format)!;
  const ctx = { ...cfg.formatCtx, records: true };
  let out = '';
  const docs: Array<{ doc: Document; text: string }> = [];
  const outcomes: RecordOutcome[] = [];
  const counts = emptyCounts();
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = firstLine + i;
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    const rec = parseRecord(line, cfg.textField, cfg.idField);
    if (!rec || !inShard(String(rec.id), cfg.shard)) continue;
    const where = `${source}:${lineNo}`;
    let failure: string | undefined;
    if ('text' in rec) {
      try {
        const language = languageCheck(where, rec.text, cfg, []);
        const d = extractor.extract(rec.text, { source, types: cfg.types, language, descriptiveOrgs: cfg.descriptiveOrgs });
        const doc = { id: rec.id, ...d } as Document & { id: RecordId };
        const c = countEntities(doc.entities);
        for (const k of ['PER', 'LOC', 'ORG'] as const) counts[k] += c[k];
        records++;
        if (format.document) out += format.document(doc, rec.text, ctx);
        if (format.needsAll) docs.push({ doc, text: rec.text });
        outcomes.push({ end: out.length, counts: c });
        continue;
      } catch (e) {
        if (e instanceof DetectorNotLoaded || !(e instanceof InputError)) throw e;
        failure = e.message;
      }
    } else failure = `${where}: ${rec.error}`;
    const reason = failure.startsWith(`${where}: `) ? failure.slice(where.length + 2) : failure;
    if (format.recordError) out += format.recordError({ id: rec.id, error: reason, line: lineNo, source }, ctx);
    outcomes.push({ end: out.length, failure, counts: emptyCounts() });
  }
  if (standalone) {
    const c = { ...ctx, inputCount: records };
    const head = format.begin ? format.begin(c) : '';
    out = head + out + (format.end ? format.end(docs, c) : '');
    for (const o of outcomes) o.end += head.length;
    return { ok: true, out, bytes, counts, warnings: [], outcomes, records };
  }
  return { ok: true, out, docs: format.needsAll ? docs : undefined, bytes, counts, warnings: [], outcomes, records };
}
