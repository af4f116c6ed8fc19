/**
 * Batch runs: many inputs (files, folders, globs, stdin, JSONL records), big inputs in
 * bounded memory, worker threads, deterministic output order, atomic result files, a
 * summary and exit codes. The CLI's `extract` command is a thin layer over runBatch().
 *
 * Order: every input (and every chunk or record block of a big input) gets a sequence
 * number; results are handled strictly in that order, whichever worker finishes first,
 * with at most four units per worker in flight (two for streamed chunks: bounded memory).
 */
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, normalize as normalizePath } from 'node:path';
import type { Cluster, Document, EntityType } from '../index.js';
import { EXIT, InputError, UserError } from '../io/errors.js';
import { AtomicFile, removeLiveTemps, writeFileAtomic } from '../io/atomic.js';
import { describeMakeDirsError, makeDirs } from '../io/make-dirs.js';
import { decodeBytes, type Encoding } from '../io/decode.js';
import { DEFAULT_INCLUDE, DEFAULT_RECORD_INCLUDE, expandInputs, inShard, type InputSpec, type Shard, type WalkOptions } from '../io/walk.js';
import { outputFormat, type FormatContext } from '../format/index.js';
import { tableClass } from '../format/common.js';
import { compileUserFiles } from '../lexicon/load.js';
import { chunkText, decodeStream, fileBytes, lineBlocks, STREAM_WORKER_YOUNG_MB } from './chunk.js';
import { InlineExecutor, WorkerPool, type Executor } from './pool.js';
import { emptyCounts, type Counts, type OkResult, type Result, type Task, type TaskConfig } from './process.js';

export interface BatchOptions {
  /** Files, folders, globs; "-" (or nothing) is stdin. */
  paths: string[];
  walk?: WalkOptions;
  format: string;
  color?: boolean;
  translit?: boolean;
  types?: EntityType[];
  descriptiveOrgs?: boolean;
  lexicons?: string[];
  strict?: boolean;
  encoding?: Encoding;
  /** Worker threads (default: number of cores, at most one per 32 MB of input). 1 runs everything in the calling thread. */
  jobs?: number;
  /** Write one result file per input under this folder (mirrored tree) instead of stdout. */
  outDir?: string;
  /** Stop after this many failed inputs. */
  maxErrors?: number;
  shard?: Shard;
  inputFormat?: 'text' | 'jsonl';
  textField?: string;
  idField?: string;
  /** Show a progress line (the caller decides: TTY, CI, --no-progress). */
  progress?: boolean;
  /** Print the summary (default: when the run has more than one input, a folder or a glob). */
  summary?: boolean;
  /** Inputs larger than this are streamed in chunks (default 2 MB). */
  streamBytes?: number;
  /** Chunk size for streamed inputs, in UTF-16 units (default 256 K). */
  chunkChars?: number;
  /** Context carried on each side of a chunk (default 16 K, well above the propagation window). */
  contextChars?: number;
  /** Remove temporary files and stop workers on SIGINT / SIGTERM (the CLI sets this). */
  handleSignals?: boolean;
}

export interface BatchIO {
  /** Results (stdout). */
  out(s: string): void;
  /** Results as UTF-8 bytes (from worker threads); without it they are decoded and given to out(). */
  outBytes?(b: Uint8Array): void;
  /** One error line (a failed input). */
  error(msg: string): void;
  warn(msg: string): void;
  /** An informational line (the summary). */
  note(msg: string): void;
  /** Redraws the progress line (null clears it). */
  progress?(line: string | null): void;
  /** stdin bytes. */
  stdin(): AsyncIterable<Uint8Array>;
  /** Resolves once every result written so far has reached its destination (or failed). */
  flush?(): Promise<void>;
}

export interface BatchSummary {
  files: number;
  records: number;
  bytes: number;
  counts: Counts;
  skipped: number;
  failed: number;
  seconds: number;
  mbPerSec: number;
  /** --max-errors reached. */
  stopped: boolean;
  exitCode: number;
  /** Worker threads the run used (0: it ran in the calling thread). */
  workers: number;
}

const STREAMABLE = new Set(['jsonl', 'table', 'json']);

/** File extension of result files under --out-dir. */
export function resultExtension(format: string): string {
  return format === 'table' ? '.txt' : `.${format}`;
}

/** Where an input's result goes under --out-dir: the source path made safe, plus the format's extension. */
export function resultPath(outDir: string, source: string, format: string): string {
  const rel = source === '-' ? 'stdin' : normalizePath(source).replace(/\\/g, '/').replace(/^([a-zA-Z]:)?\/+/, '').split('/').filter((p) => p !== '..' && p !== '.' && p !== '').join('/');
  return join(outDir, (rel || 'input') + resultExtension(format));
}

type Item =
  | { kind: 'task'; task: Task | undefined; input: InputSpec; unit: 'whole' | 'chunk' | 'block' }
  | { kind: 'begin'; input: InputSpec; records: boolean }
  | { kind: 'end'; input: InputSpec; bytes: number }
  | { kind: 'fail'; input: InputSpec; error: string; skipped?: boolean };

interface StreamState {
  input: InputSpec;
  records: boolean;
  file?: AtomicFile;
  headerDone: boolean;
  entityCount: number;
  counts: Counts;
  clusters: Map<string, Cluster>;
  language: string;
}

/** Input per worker that pays for the worker's start-up (see the default of jobs in runBatch). */
const BYTES_PER_WORKER = 32 * 1024 * 1024;

export async function runBatch(opts: BatchOptions, io: BatchIO): Promise<BatchSummary> {
  const t0 = process.hrtime.bigint();
  const format = outputFormat(opts.format);
  if (!format) throw new UserError(`unknown format "${opts.format}"`);
  const records = opts.inputFormat === 'jsonl';
  const walk: WalkOptions = { ...opts.walk };
  if (records && !(walk.include && walk.include.length)) walk.include = DEFAULT_RECORD_INCLUDE;
  const args = opts.paths.length ? opts.paths : ['-'];
  const expansion = expandInputs(args, walk);
  let inputs = expansion.inputs;
  if (opts.shard && !records) inputs = inputs.filter((i) => inShard(i.source, opts.shard));
  const broadArgs = expansion.inputs.some((i) => !i.explicit);
  if (!expansion.inputs.length) throw new UserError(`no input files found in ${args.join(', ')} (include globs: ${(walk.include?.length ? walk.include : DEFAULT_INCLUDE).join(' ')}; see --include, --hidden, --no-ignore)`);
  if (inputs.filter((i) => i.path === '-').length > 1) throw new UserError('stdin ("-") can be read only once');
  if (opts.outDir) {
    const seen = new Map<string, string>();
    for (const i of inputs) {
      const dest = resultPath(opts.outDir, i.source, format.name);
      const other = seen.get(dest);
      if (other !== undefined) throw new UserError(`two inputs would write the same result file ${dest} (${other} and ${i.source}); run kiyan once per folder`);
      seen.set(dest, i.source);
    }
    // A folder that cannot be made is a usage error before anything runs, not one failure per input.
    try {
      makeDirs(opts.outDir);
    } catch (e) {
      throw new UserError(`cannot create --out-dir ${opts.outDir}: ${describeMakeDirsError(e)}`);
    }
  }
  const lexicons = opts.lexicons ?? [];
  const streamBytes = opts.streamBytes ?? 2 * 1024 * 1024;
  const chunkChars = opts.chunkChars ?? 1 << 18;
  const contextChars = opts.contextChars ?? 16 * 1024;
  const ctx: FormatContext = { color: Boolean(opts.color), inputCount: inputs.length, translit: opts.translit };
  await format.load?.(ctx);
  const canStream = STREAMABLE.has(format.name) && (format.name !== 'json' || Boolean(opts.outDir) || (inputs.length === 1 && !records));
  const cfg: TaskConfig = {
    types: opts.types,
    descriptiveOrgs: opts.descriptiveOrgs,
    lexicons,
    format: format.name,
    formatCtx: ctx,
    strict: Boolean(opts.strict),
    encoding: opts.encoding ?? 'auto',
    inputFormat: records ? 'jsonl' : 'text',
    textField: opts.textField ?? 'text',
    idField: opts.idField ?? 'id',
    shard: records ? opts.shard : undefined,
    standalone: Boolean(opts.outDir),
  };
  const sizes = inputs.map((i) => {
    if (i.path === '-' || i.error) return i.path === '-' ? -1 : 0;
    try {
      return statSync(i.path).size;
    } catch {
      return 0;
    }
  });
  const totalBytes = sizes.reduce((a, b) => a + Math.max(0, b), 0);
  // Default: the number of cores, but no more workers than the input keeps busy. Each worker
  // loads its own index and warms up its own JIT (about two seconds of CPU), so a second worker
  // made small runs slower (2026-11-25, 2 cores: 10 MB 0.66x, 30 MB 0.9-1.1x, 50 MB 1.3x,
  // 200 MB 1.4-1.7x). Stdin counts as big.
  const enough = sizes.some((s) => s < 0) ? Infinity : Math.ceil(totalBytes / BYTES_PER_WORKER);
  // stdin, or a file big enough to be streamed in chunks.
  const bigInput = sizes.some((s) => s < 0 || s > streamBytes);
  // Never more workers than units of work: each costs a V8 instance (--jobs 50 on three small
  // files started 50 workers and took 725 MB). Streamed inputs and record files split into many units.
  const units = records || bigInput ? Infinity : inputs.length;
  const jobs = Math.max(1, Math.min(units, opts.jobs ?? Math.min(cpus().length, enough)));
  const heavy = inputs.length > 1 || bigInput;
  // A user lexicon with errors is a usage error before anything runs (workers compile their own copy).
  if (jobs > 1 && heavy && lexicons.length) compileUserFiles(lexicons);
  // Streamed inputs run in workers (even with one job) whose heap is capped, so that V8's
  // lazy collection cannot let a gigabyte input grow the process: only workers hold the index.
  const streaming = (canStream || records) && bigInput;
  // The young generation is capped too (V8 lets it grow to ~34 MB per thread): with two
  // workers that alone kept a gigabyte run above 300 MB.
  const limits = { maxOldGenerationSizeMb: Math.max(128, Math.ceil(streamBytes / 1e6) * 48), maxYoungGenerationSizeMb: STREAM_WORKER_YOUNG_MB };
  // A lone streamed text (one big file, or stdin) runs in one worker unless --jobs is given:
  // each worker holds its own index and caches (~80 MB of RSS), and a second one made a
  // streamed input only 3-12% faster on two cores (2026-11-25), so by default a gigabyte
  // stays under 300 MB whatever the number of cores.
  const workers = streaming && !records && inputs.length === 1 && opts.jobs === undefined ? 1 : jobs;
  const exec: Executor = (jobs > 1 && heavy) || streaming ? new WorkerPool(workers, cfg, streaming ? limits : undefined) : new InlineExecutor(cfg);

  const summary: BatchSummary = { files: 0, records: 0, bytes: 0, counts: emptyCounts(), skipped: expansion.skipped, failed: 0, seconds: 0, mbPerSec: 0, stopped: false, exitCode: 0, workers: exec instanceof WorkerPool ? workers : 0 };
  let done = 0;
  const allDocs: Array<{ doc: Document; text: string }> = [];
  let stream: StreamState | undefined;
  let interrupted = false;

  const onSignal = (): void => {
    interrupted = true;
    exec.kill();
    stream?.file?.abort();
    removeLiveTemps();
    if (opts.progress) io.progress?.(null);
    io.error('interrupted; no partial result files left');
    process.exit(130);
  };
  if (opts.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  // Progress line.
  let lastDraw = 0;
  const drawProgress = (force = false): void => {
    if (!opts.progress || !io.progress) return;
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const mb = summary.bytes / 1e6;
    const rate = secs > 0 ? mb / secs : 0;
    const frac = totalBytes > 0 ? Math.min(1, summary.bytes / totalBytes) : inputs.length ? done / inputs.length : 0;
    const width = 24;
    const filled = Math.round(frac * width);
    const eta = rate > 0 && totalBytes > 0 ? Math.max(0, (totalBytes / 1e6 - mb) / rate) : NaN;
    io.progress(
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${inputs.length} files  ${mb.toFixed(1)}/${(totalBytes / 1e6).toFixed(1)} MB  ${rate.toFixed(1)} MB/s  ETA ${Number.isFinite(eta) ? `${Math.round(eta)}s` : '?'}`,
    );
  };

  const decoder = new TextDecoder();
  const emit = (s: string | Uint8Array): void => {
    if (typeof s === 'string') io.out(s);
    else if (io.outBytes) io.outBytes(s);
    else io.out(decoder.decode(s));
  };
  const write = (s: string | Uint8Array): void => {
    if (!s.length) return;
    if (stream?.file) stream.file.write(s);
    else emit(s);
  };

  const failInput = (input: InputSpec, error: string, skipped?: boolean): void => {
    done++;
    if (skipped) {
      summary.skipped++;
      return;
    }
    summary.failed++;
    io.error(error.startsWith(`${input.source}: `) ? error : `${input.source}: ${error}`);
  };

  const addCounts = (c: Counts): void => {
    summary.counts.PER += c.PER;
    summary.counts.LOC += c.LOC;
    summary.counts.ORG += c.ORG;
  };

  const okResult = (r: OkResult): void => {
    for (const w of r.warnings) io.warn(w);
    for (const f of r.failures) {
      summary.failed++;
      io.error(f);
    }
    addCounts(r.counts);
    summary.records += r.records;
  };

  // --- streamed inputs: header, entities, footer -------------------------------------------
  const header = (s: StreamState): void => {
    s.headerDone = true;
    if (s.records) return;
    if (format.name === 'jsonl') write(`{"source":${JSON.stringify(s.input.source)},"language":${JSON.stringify(s.language)},"entities":[`);
    else if (format.name === 'json') write(`{\n  "source": ${JSON.stringify(s.input.source)},\n  "language": ${JSON.stringify(s.language)},\n  "entities": [`);
  };
  const addChunk = (s: StreamState, r: OkResult): void => {
    if (r.out.length) {
      if (s.entityCount && r.entityCount) write(',');
      write(r.out);
    }
    s.entityCount += r.entityCount ?? 0;
    for (const k of ['PER', 'LOC', 'ORG'] as const) s.counts[k] += r.counts[k];
    for (const part of r.clusters ?? []) {
      const c = s.clusters.get(part.id);
      if (!c) {
        s.clusters.set(part.id, part);
        continue;
      }
      c.mentions += part.mentions;
      if (!c.en && part.en) c.en = part.en;
      for (const t of part.texts) if (c.texts.length < 50 && !c.texts.includes(t)) c.texts.push(t);
    }
  };
  // `error`: the input failed part-way (a broken byte found late) after its start was
  // written to stdout: the document is closed, valid, with the entities found before and
  // an "error" field, rather than left as a truncated line.
  const footer = (s: StreamState, error?: string): void => {
    if (s.records) return;
    const clusters = [...s.clusters.values()].sort((a, b) => b.mentions - a.mentions || a.first - b.first);
    if (format.name === 'jsonl') write(`],"clusters":${JSON.stringify(clusters)}${error ? `,"error":${JSON.stringify(error)}` : ''}}\n`);
    else if (format.name === 'json') write(`${s.entityCount ? '\n  ' : ''}],\n  "clusters": ${JSON.stringify(clusters, null, 2).replace(/\n/g, '\n  ')}${error ? `,\n  "error": ${JSON.stringify(error)}` : ''}\n}\n`);
    else if (error) write('\n');
    else if (format.name === 'table') {
      const doc: Document = { source: s.input.source, language: s.language, entities: [], clusters };
      const body = format.document!(doc, '', ctx);
      const counts = (['PER', 'LOC', 'ORG'] as const).map((t) => `${t} ${s.counts[t]}`).join(', ');
      const head = `${s.input.source}: ${s.entityCount} mentions of ${clusters.length} entities (${counts})`;
      write(body.replace(/^[^\n]*/, head));
    }
  };

  // --- the units of work, in input order -----------------------------------------------------
  const countBytes = async function* (src: AsyncIterable<Uint8Array>, into: { n: number }): AsyncGenerator<Uint8Array> {
    for await (const b of src) {
      into.n += b.length;
      yield b;
    }
  };

  async function* items(): AsyncGenerator<Item> {
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      if (input.error) {
        yield { kind: 'fail', input, error: input.error };
        continue;
      }
      const size = sizes[i];
      if (input.path !== '-' && (size <= streamBytes || (!canStream && !records))) {
        yield { kind: 'task', task: { kind: 'file', path: input.path, source: input.source, explicit: input.explicit }, input, unit: 'whole' };
        continue;
      }
      // stdin, or a big file: read in pieces.
      const raw: AsyncIterable<Uint8Array> = input.path === '-' ? io.stdin() : fileBytes(input.path);
      const counted = { n: 0 };
      const it = countBytes(raw, counted)[Symbol.asyncIterator]();
      try {
        // Small stdin: read whole, handled like a file.
        const head: Uint8Array[] = [];
        let headLen = 0;
        let eof = false;
        while (headLen <= streamBytes) {
          const r = await it.next();
          if (r.done) {
            eof = true;
            break;
          }
          head.push(r.value);
          headLen += r.value.length;
        }
        if (eof || (!canStream && !records)) {
          if (!eof) for (let r = await it.next(); !r.done; r = await it.next()) head.push(r.value);
          const bytes = Buffer.concat(head);
          const text = decodeBytes(bytes, input.source, cfg.encoding).text;
          yield { kind: 'task', task: { kind: 'text', source: input.source, text, bytes: bytes.length }, input, unit: 'whole' };
          continue;
        }
        const rest: AsyncIterable<Uint8Array> = {
          [Symbol.asyncIterator]: async function* () {
            yield* head;
            for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
          },
        };
        const pieces = decodeStream(rest, input.source, cfg.encoding, input.explicit);
        yield { kind: 'begin', input, records };
        if (records) {
          for await (const block of lineBlocks(pieces, chunkChars)) {
            yield { kind: 'task', task: { kind: 'records', source: input.source, firstLine: block.firstLine, lines: block.lines, bytes: 0 }, input, unit: 'block' };
          }
        } else {
          for await (const c of chunkText(pieces, chunkChars, contextChars)) {
            yield { kind: 'task', task: { kind: 'chunk', source: input.source, ...c }, input, unit: 'chunk' };
          }
        }
        yield { kind: 'end', input, bytes: counted.n };
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const skipped = !input.explicit && e.message.includes('binary file');
        yield { kind: 'fail', input, error: e.message, skipped };
      }
    }
  }

  const handle = (item: Item, r: Result | undefined): void => {
    switch (item.kind) {
      case 'fail':
        if (stream && stream.input === item.input) {
          if (stream.file) stream.file.abort();
          else if (stream.headerDone) footer(stream, item.error);
          stream = undefined;
        }
        failInput(item.input, item.error, item.skipped);
        return;
      case 'begin':
        stream = {
          input: item.input,
          records: item.records,
          file: opts.outDir ? new AtomicFile(resultPath(opts.outDir, item.input.source, format.name)) : undefined,
          headerDone: false,
          entityCount: 0,
          counts: emptyCounts(),
          clusters: new Map(),
          language: 'und',
        };
        if (stream.file && stream.records && format.begin) stream.file.write(format.begin({ ...ctx, inputCount: 1 }));
        return;
      case 'end': {
        const s = stream!;
        if (!s.headerDone) header(s);
        footer(s);
        if (s.file) {
          if (s.records && format.end) s.file.write(format.end(allDocs.splice(0), { ...ctx, inputCount: 1 }));
          s.file.commit();
        }
        if (!s.records) addCounts(s.counts);
        stream = undefined;
        summary.files++;
        summary.bytes += item.bytes;
        done++;
        return;
      }
      case 'task': {
        if (!r) return;
        if (item.unit === 'whole') {
          done++;
          if (!r.ok) return failInput(item.input, r.error, r.skipped);
          okResult(r);
          summary.files++;
          summary.bytes += r.bytes;
          if (opts.outDir) {
            try {
              writeFileAtomic(resultPath(opts.outDir, item.input.source, format.name), r.out);
            } catch (e) {
              summary.files--;
              done--;
              return failInput(item.input, `cannot write result (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
            }
          } else emit(r.out);
          if (r.docs) allDocs.push(...r.docs);
          return;
        }
        const s = stream;
        if (!s || s.input !== item.input) return;
        if (!r.ok) {
          // A worker failure inside a big input fails that input.
          handle({ kind: 'fail', input: item.input, error: r.error }, undefined);
          return;
        }
        for (const w of r.warnings) io.warn(w);
        if (item.unit === 'chunk') {
          if (!s.headerDone) {
            s.language = r.language ?? 'und';
            header(s);
          }
          addChunk(s, r);
        } else {
          okResult(r);
          write(r.out);
          if (r.docs) allDocs.push(...r.docs);
        }
        return;
      }
    }
  };

  if (!opts.outDir && format.begin) io.out(format.begin(ctx));
  // A streamed input's chunks are big: two per worker (one running, one queued) keep the
  // workers busy, and fewer results wait in memory.
  const window = Math.max(2, workers * (streaming ? 2 : 4));
  const pending: Array<{ item: Item; p: Promise<Result> | undefined }> = [];
  const settle = async (): Promise<void> => {
    const { item, p } = pending.shift()!;
    let r: Result | undefined;
    if (p) {
      try {
        r = await p;
      } catch (e) {
        r = { ok: false, error: `${item.input.source}: worker failed (${(e as Error).message})`, bytes: 0 };
      }
    }
    if (interrupted) return;
    handle(item, r);
    drawProgress();
    if (opts.maxErrors !== undefined && summary.failed >= opts.maxErrors && !summary.stopped) summary.stopped = true;
  };
  try {
    for await (const item of items()) {
      const p = item.kind === 'task' && item.task ? exec.run(item.task) : undefined;
      // A posted task (a chunk's text) is the executor's now; waiting for its result needs only the rest.
      pending.push({ item: item.kind === 'task' ? { ...item, task: undefined } : item, p });
      while (pending.length >= window || (pending.length && pending[0].item.kind !== 'task')) {
        await settle();
        if (summary.stopped) break;
      }
      if (summary.stopped) break;
    }
    while (pending.length && !summary.stopped) await settle();
  } finally {
    if (stream?.file) stream.file.abort();
    stream = undefined;
    await exec.close();
    if (opts.handleSignals) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  }
  if (opts.progress) io.progress?.(null);
  if (summary.stopped) io.error(`stopped after ${summary.failed} failed input${summary.failed === 1 ? '' : 's'} (--max-errors ${opts.maxErrors})`);
  if (!opts.outDir && format.end && (allDocs.length || !format.needsAll)) io.out(format.end(allDocs, ctx));

  // A reader that went away (kiyan ... | head) shows as a failed write only once the write
  // completes: let it, so that the caller's handling (a quiet exit) comes before the summary.
  await io.flush?.();
  summary.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  summary.mbPerSec = summary.seconds > 0 ? summary.bytes / 1e6 / summary.seconds : 0;
  const ok = summary.files;
  summary.exitCode = summary.failed === 0 ? EXIT.OK : ok === 0 && summary.records === 0 ? EXIT.USAGE : EXIT.INPUT_FAILED;
  // Every file found was binary: nothing was readable, as when no file is found at all. Not
  // so for a shard (an empty part of a corpus is normal in a CI matrix).
  if (summary.exitCode === EXIT.OK && ok === 0 && summary.records === 0 && summary.skipped > 0 && !opts.shard) {
    summary.exitCode = EXIT.USAGE;
    io.error(`nothing readable: every input file was binary and skipped (${summary.skipped} skipped in all)`);
  }
  const show = opts.summary ?? (inputs.length > 1 || broadArgs || records);
  if (show) {
    if (format.name === 'table' && !opts.outDir) io.out(summaryTable(summary));
    else io.note(summaryLine(summary));
  }
  return summary;
}

export function summaryLine(s: BatchSummary): string {
  const ents = s.counts.PER + s.counts.LOC + s.counts.ORG;
  return (
    `${s.files} file${s.files === 1 ? '' : 's'}${s.records ? `, ${s.records} records` : ''}, ${(s.bytes / 1e6).toFixed(2)} MB, ` +
    `${ents} entities (PER ${s.counts.PER}, LOC ${s.counts.LOC}, ORG ${s.counts.ORG}), ${s.skipped} skipped, ${s.failed} failed, ` +
    `${s.seconds.toFixed(2)} s, ${s.mbPerSec.toFixed(2)} MB/s`
  );
}

export function summaryTable(s: BatchSummary): string {
  const Table = tableClass();
  const t = new Table({ head: ['files', 'MB', 'PER', 'LOC', 'ORG', 'skipped', 'failed', 'seconds', 'MB/s'], style: { head: [], border: [] } });
  t.push([String(s.files), (s.bytes / 1e6).toFixed(2), String(s.counts.PER), String(s.counts.LOC), String(s.counts.ORG), String(s.skipped), String(s.failed), s.seconds.toFixed(2), s.mbPerSec.toFixed(2)]);
  return `summary\n${t.toString()}\n`;
}
