/**
 * One unit of batch work, the same in a worker thread and in the main thread: a whole
 * file, a whole text (small stdin), a chunk of a big input, or a block of JSONL records.
 * Pure apart from reading the file it is given; results are plain data (structured-clone
 * safe) so that workers can post them back.
 */
import { readFileSync, statSync } from 'node:fs';
import { clusterEntities, extract, type Cluster, type Document, type Entity, type EntityType } from '../index.js';
import { recognize } from '../recognize/pipeline.js';
import { DetectorNotLoaded, detectLanguageIfLoaded, loadLanguageDetector } from '../text/language.js';
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import { BinaryInputError, decodeBytes, type Encoding } from '../io/decode.js';
import { InputError } from '../io/errors.js';
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
  idField: string;
  shard?: Shard;
  /** Each result is a complete file of its own (--out-dir): begin + document + end. */
  standalone: boolean;
}

export type Task =
  | { kind: 'file'; path: string; source: string; explicit: boolean }
  | { kind: 'text'; source: string; text: string; bytes: number }
  | { kind: 'chunk'; source: string; before: string; core: string; after: string; first: boolean; cpBase: number }
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
  /** Per-record failures (record mode): one line each. */
  failures: string[];
  records: number;
  /** Chunk results: the entities serialised (json/jsonl array items, comma-separated; offsets into the whole input), their clusters. */
  entityCount?: number;
  clusters?: Cluster[];
  language?: string;
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

export function runTask(task: Task, cfg: TaskConfig, index: LexiconIndex): Result {
  try {
    switch (task.kind) {
      case 'file':
        return processFile(task, cfg, index);
      case 'text':
        return cfg.inputFormat === 'jsonl'
          ? processRecords(task.source, 1, task.text.split('\n'), task.bytes, cfg, index, true)
          : processText(task.source, task.text, task.bytes, cfg, index);
      case 'chunk':
        return processChunk(task, cfg, index);
      case 'records':
        return processRecords(task.source, task.firstLine, task.lines, task.bytes, cfg, index, false);
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
export async function runTaskLoading(task: Task, cfg: TaskConfig, index: LexiconIndex): Promise<Result> {
  try {
    return runTask(task, cfg, index);
  } catch (e) {
    if (!(e instanceof DetectorNotLoaded)) throw e;
    await loadLanguageDetector();
    return runTask(task, cfg, index);
  }
}

function processFile(task: Extract<Task, { kind: 'file' }>, cfg: TaskConfig, index: LexiconIndex): Result {
  let bytes: Buffer;
  try {
    if (statSync(task.path).isDirectory()) throw new InputError(task.source, 'is a directory');
    bytes = readFileSync(task.path);
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
  if (cfg.inputFormat === 'jsonl') return processRecords(task.source, 1, text.split('\n'), bytes.length, cfg, index, true);
  return processText(task.source, text, bytes.length, cfg, index);
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

export function processText(source: string, text: string, bytes: number, cfg: TaskConfig, index: LexiconIndex): Result {
  const warnings: string[] = [];
  const language = languageCheck(source, text, cfg, warnings);
  const doc = extract(text, { source, types: cfg.types, index, language, descriptiveOrgs: cfg.descriptiveOrgs });
  const { out, docs } = render(doc, text, cfg);
  return { ok: true, out, docs, bytes, counts: countEntities(doc.entities), warnings, failures: [], records: 0 };
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
function processChunk(task: Extract<Task, { kind: 'chunk' }>, cfg: TaskConfig, index: LexiconIndex): Result {
  const warnings: string[] = [];
  const text = task.before + task.core + task.after;
  const coreStart = task.before.length;
  let language: string | undefined;
  if (task.first) language = languageCheck(task.source, text.slice(coreStart), cfg, warnings);
  // The recogniser, not extract(): extract would also cluster every entity of the chunk and
  // its context, and only the core's entities are clustered (once, below).
  let found = recognize(text, index, { descriptiveOrgs: cfg.descriptiveOrgs });
  if (cfg.types) {
    const keep = new Set(cfg.types);
    found = found.filter((e) => keep.has(e.type));
  }
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
  const shown = withTranslit({ source: task.source, language: language ?? 'und', entities, clusters: clusterEntities(entities) }, cfg.formatCtx.translit);
  return { ...serialiseChunkEntities(shown.entities, cfg.format), counts: countEntities(entities), warnings, entityCount: entities.length, clusters: shown.clusters, language };
}

/**
 * A chunk's entities as items of the document's JSON array, comma-separated, without the
 * brackets: jsonl compact, json indented as an array inside the document object. One
 * JSON.stringify for the whole array, not one per entity.
 */
function serialiseChunkEntities(entities: object[], format: string): Pick<OkResult, 'ok' | 'out' | 'bytes' | 'failures' | 'records'> {
  let out = '';
  if (entities.length && format === 'jsonl') out = JSON.stringify(entities).slice(1, -1);
  // "[\n  {\n    ...\n  }\n]" indented by two more: items at four spaces; the brackets go.
  else if (entities.length && format === 'json') out = JSON.stringify(entities, null, 2).replace(/\n/g, '\n  ').slice(1, -'\n  ]'.length);
  return { ok: true, out, bytes: 0, failures: [], records: 0 };
}

/**
 * JSONL records: one result per record, carrying its id. `whole`: the lines are a whole
 * input (a standalone result file gets begin/end); else a block of a streamed input.
 */
export function processRecords(source: string, firstLine: number, lines: string[], bytes: number, cfg: TaskConfig, index: LexiconIndex, whole: boolean): Result {
  const standalone = cfg.standalone && whole;
  let out = '';
  const docs: Array<{ doc: Document; text: string }> = [];
  const failures: string[] = [];
  const counts = emptyCounts();
  const format = outputFormat(cfg.format)!;
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const where = `${source}:${firstLine + i}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      failures.push(`${where}: not a JSON record`);
      continue;
    }
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) {
      failures.push(`${where}: not a JSON object`);
      continue;
    }
    const obj = rec as Record<string, unknown>;
    const text = obj[cfg.textField];
    const rawId = obj[cfg.idField];
    const id = rawId === undefined || rawId === null ? `${firstLine + i}` : typeof rawId === 'string' || typeof rawId === 'number' ? rawId : JSON.stringify(rawId);
    if (!inShard(String(id), cfg.shard)) continue;
    if (typeof text !== 'string') {
      failures.push(`${where}: no string field "${cfg.textField}"`);
      continue;
    }
    let language: string;
    try {
      language = languageCheck(where, text, cfg, []);
    } catch (e) {
      if (e instanceof DetectorNotLoaded) throw e;
      failures.push((e as Error).message);
      continue;
    }
    const d = extract(text, { source, types: cfg.types, index, language, descriptiveOrgs: cfg.descriptiveOrgs });
    const doc = { id, ...d } as Document & { id: string | number };
    records++;
    countEntities(doc.entities, counts);
    if (format.document) out += format.document(doc, text, cfg.formatCtx);
    if (format.needsAll) docs.push({ doc, text });
  }
  if (standalone) {
    const ctx = { ...cfg.formatCtx, inputCount: records };
    out = (format.begin ? format.begin(ctx) : '') + out + (format.end ? format.end(docs, ctx) : '');
    return { ok: true, out, bytes, counts, warnings: [], failures, records };
  }
  return { ok: true, out, docs: format.needsAll ? docs : undefined, bytes, counts, warnings: [], failures, records };
}
