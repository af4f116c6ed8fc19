/**
 * Planning a batch run before anything is read: which inputs, where results go, which
 * format, how big each input is, and from that how many worker threads (with which heap
 * limits) the run uses. Usage errors (no inputs, two inputs for one result file, an
 * --out-dir that cannot be made, a bad user lexicon) are thrown here, before any work.
 */
import { statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, normalize as normalizePath } from 'node:path';
import { UserError } from '../io/errors.js';
import { describeMakeDirsError, makeDirs } from '../io/make-dirs.js';
import type { Encoding } from '../io/decode.js';
import { DEFAULT_INCLUDE, DEFAULT_RECORD_INCLUDE, expandInputs, inShard, type InputSpec, type Shard, type WalkOptions } from '../io/walk.js';
import { outputFormat, type FormatContext, type OutputFormat } from '../format/index.js';
import { compileUserFiles } from '../lexicon/load.js';
import { STREAM_WORKER_YOUNG_MB } from './chunk.js';
import { SPILL_AFTER } from './clusters.js';
import { InlineExecutor, WorkerPool, type Executor } from './pool.js';
import type { TaskConfig } from './process.js';
import type { EntityType } from '../model.js';

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
  /** Stop after this many failed inputs (or records). */
  maxErrors?: number;
  shard?: Shard;
  inputFormat?: 'text' | 'jsonl';
  textField?: string;
  /** The record field holding the id; without it, ids are derived from each record's line (see contentId). */
  idField?: string;
  /** Exit 0 when the only failures are records (each already has its error line in the output). */
  allowErrors?: boolean;
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
  /** Clusters of a streamed input held in memory before they are spilled to temporary files (default 65,536). */
  spillClusters?: number;
  /**
   * Aborting it interrupts the run at once: workers stopped, temporary files removed, no
   * partial result file left. The caller owns signals (the CLI aborts on SIGINT/SIGTERM).
   */
  signal?: AbortSignal;
}

export interface BatchPlan {
  format: OutputFormat;
  ctx: FormatContext;
  records: boolean;
  inputs: InputSpec[];
  /** Byte size of each input (-1: stdin, size unknown). */
  sizes: number[];
  totalBytes: number;
  /** A folder or a glob was given (the summary shows by default). */
  broadArgs: boolean;
  /** Files skipped while walking (binary, loops). */
  skipped: number;
  cfg: TaskConfig;
  streamBytes: number;
  chunkChars: number;
  contextChars: number;
  spillClusters: number;
  /** The format can stream a big text input in chunks. */
  canStream: boolean;
  /** Big inputs are streamed (in capped workers). */
  streaming: boolean;
  /** Worker threads (0: everything runs in the calling thread). */
  workers: number;
  /** Results in flight at most: more keep workers busy, fewer bound memory. */
  window: number;
  makeExecutor(): Executor;
}

/** File extension of result files under --out-dir. */
export function resultExtension(format: string): string {
  return format === 'table' ? '.txt' : `.${format}`;
}

/** Where an input's result goes under --out-dir: the source path made safe, plus the format's extension. */
export function resultPath(outDir: string, source: string, format: string): string {
  const rel = source === '-' ? 'stdin' : normalizePath(source).replace(/\\/g, '/').replace(/^([a-zA-Z]:)?\/+/, '').split('/').filter((p) => p !== '..' && p !== '.' && p !== '').join('/');
  return join(outDir, (rel || 'input') + resultExtension(format));
}

/** Input per worker that pays for the worker's start-up (see the default of jobs below). */
const BYTES_PER_WORKER = 32 * 1024 * 1024;

export async function planBatch(opts: BatchOptions): Promise<BatchPlan> {
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
  const spillClusters = opts.spillClusters ?? SPILL_AFTER;
  const ctx: FormatContext = { color: Boolean(opts.color), inputCount: inputs.length, translit: opts.translit, records };
  await format.load?.(ctx);
  const canStream = format.stream !== undefined && (format.name !== 'json' || Boolean(opts.outDir) || (inputs.length === 1 && !records));
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
    idField: opts.idField,
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
  const pooled = (jobs > 1 && heavy) || streaming;
  return {
    format,
    ctx,
    records,
    inputs,
    sizes,
    totalBytes,
    broadArgs,
    skipped: expansion.skipped,
    cfg,
    streamBytes,
    chunkChars,
    contextChars,
    spillClusters,
    canStream,
    streaming,
    workers: pooled ? workers : 0,
    // A streamed input's chunks are big: two per worker (one running, one queued) keep the
    // workers busy, and fewer results wait in memory.
    window: Math.max(2, workers * (streaming ? 2 : 4)),
    makeExecutor: () => (pooled ? new WorkerPool(workers, cfg, streaming ? limits : undefined) : new InlineExecutor(cfg)),
  };
}
