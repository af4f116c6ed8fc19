/**
 * Batch runs: many inputs (files, folders, globs, stdin, JSONL records), big inputs in
 * bounded memory, worker threads, deterministic output order, atomic result files, a
 * summary and exit codes. The CLI's `extract` command is a thin layer over runBatch().
 *
 * The run is planned (plan.ts), its inputs become units of work (units.ts) that an executor
 * runs (pool.ts, process.ts), and this module puts the results out: strictly in input
 * order, whichever worker finishes first, with a bounded number of units in flight, each
 * result written as soon as it is the oldest one (so a co-process gets its answer at once).
 */
import type { Document, Entity } from '../model.js';
import { clusterEntities } from '../model.js';
import { StreamClusters } from './clusters.js';
import { AtomicFile, removeLiveTemps, writeFileAtomic } from '../io/atomic.js';
import { planBatch, resultPath, type BatchOptions } from './plan.js';
import { ProgressLine } from './progress.js';
import { addCounts, newSummary, settleExitCode, summaryLine, summaryTable, type BatchSummary } from './summary.js';
import { unitsOf, type Unit } from './units.js';
import { emptyCounts, parseRecord, type Counts, type OkResult, type RecordId, type Result } from './process.js';
import { inShard, type InputSpec } from '../io/walk.js';

export type { BatchOptions } from './plan.js';
export type { BatchSummary } from './summary.js';
export { resultExtension, resultPath } from './plan.js';
export { summaryLine, summaryTable } from './summary.js';

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

/** A big text input being written while its chunks come back. */
interface StreamState {
  input: InputSpec;
  records: boolean;
  file?: AtomicFile;
  opened: boolean;
  entityCount: number;
  counts: Counts;
  clusters: StreamClusters;
  language: string;
}

/** A record too big for one task, put together from its chunks. */
interface BigRecord {
  id: RecordId;
  line: number;
  text: string;
  entities: Entity[];
  language?: string;
  failure?: string;
}

export async function runBatch(opts: BatchOptions, io: BatchIO): Promise<BatchSummary> {
  const t0 = process.hrtime.bigint();
  const plan = await planBatch(opts);
  const { format, ctx, inputs } = plan;
  const streamFormat = format.stream;
  const exec = plan.makeExecutor();
  const summary = newSummary(plan.skipped, plan.workers);
  const progress = new ProgressLine(opts.progress ? io.progress : undefined, plan.totalBytes, inputs.length);
  let done = 0;
  const allDocs: Array<{ doc: Document; text: string }> = [];
  let stream: StreamState | undefined;
  let bigRec: BigRecord | undefined;
  const recordCtx = { ...ctx, records: true };

  // An abort (the CLI's SIGINT/SIGTERM) stops at once and leaves no partial result file.
  const onAbort = (): void => {
    summary.interrupted = true;
    exec.kill();
    stream?.file?.abort();
    stream?.clusters.dispose();
    removeLiveTemps();
    progress.clear();
  };
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  // --- writing -------------------------------------------------------------------------------
  // The format's opening (a CSV header) goes out with the first result, so that a run in
  // which every input failed prints nothing on stdout.
  let opened = Boolean(opts.outDir) || !format.begin;
  const open = (): void => {
    if (opened) return;
    opened = true;
    io.out(format.begin!(ctx));
  };
  const decoder = new TextDecoder();
  const emit = (s: string | Uint8Array): void => {
    open();
    if (typeof s === 'string') io.out(s);
    else if (io.outBytes) io.outBytes(s);
    else io.out(decoder.decode(s));
  };
  const write = (s: string | Uint8Array): void => {
    if (!s.length) return;
    if (stream?.file) stream.file.write(s);
    else emit(s);
  };

  // --- failures and counts -------------------------------------------------------------------
  const failInput = (input: InputSpec, error: string, skipped?: boolean): void => {
    done++;
    if (skipped) {
      summary.skipped++;
      return;
    }
    summary.failed++;
    io.error(error.startsWith(`${input.source}: `) ? error : `${input.source}: ${error}`);
  };
  const stopNow = (): boolean => opts.maxErrors !== undefined && summary.failed >= opts.maxErrors;

  /**
   * Record results, one outcome per record: each failure is counted and reported as it
   * comes, and --max-errors stops at exactly the N-th failed record, with nothing written
   * after its error line. `whole`: a standalone result file (never cut).
   * Returns how many records succeeded (their documents come first in r.docs).
   */
  const recordResults = (r: OkResult, whole: boolean): number => {
    for (const w of r.warnings) io.warn(w);
    const outcomes = r.outcomes ?? [];
    let ok = 0;
    for (const o of outcomes) {
      if (o.failure !== undefined) {
        summary.failed++;
        summary.failedRecords++;
        io.error(o.failure);
      } else {
        ok++;
        summary.records++;
        addCounts(summary.counts, o.counts);
      }
      if (!whole && stopNow() && !summary.stopped) {
        summary.stopped = true;
        write(r.out.slice(0, o.end));
        return ok;
      }
    }
    if (!whole) write(r.out);
    return ok;
  };

  /** One record finished in this thread (a big record, or a big line that is not a record). */
  const oneRecord = (input: InputSpec, id: RecordId, line: number, res: { doc: Document; text: string } | { error: string }): void => {
    const where = `${input.source}:${line}`;
    if ('error' in res) {
      const reason = res.error.startsWith(`${where}: `) ? res.error.slice(where.length + 2) : res.error;
      const out = format.recordError ? format.recordError({ id, error: reason, line, source: input.source }, recordCtx) : '';
      recordResults({ ok: true, out, bytes: 0, counts: emptyCounts(), warnings: [], records: 0, outcomes: [{ end: out.length, failure: `${where}: ${reason}`, counts: emptyCounts() }] }, false);
      return;
    }
    const out = format.document ? format.document(res.doc, res.text, recordCtx) : '';
    const counts = emptyCounts();
    for (const e of res.doc.entities) counts[e.type]++;
    if (recordResults({ ok: true, out, bytes: 0, counts, warnings: [], records: 1, outcomes: [{ end: out.length, counts }] }, false) && format.needsAll) allDocs.push(res);
  };

  // --- a streamed text input: the format's open, entities per chunk, close ------------------
  const openStream = (s: StreamState): void => {
    s.opened = true;
    if (!s.records && streamFormat) write(streamFormat.open(s.input.source, s.language, ctx));
  };
  const addChunk = (s: StreamState, r: OkResult): void => {
    if (r.out.length) {
      if (s.entityCount && r.entityCount && streamFormat) write(streamFormat.between);
      write(r.out);
    }
    s.entityCount += r.entityCount ?? 0;
    addCounts(s.counts, r.counts);
    for (const part of r.clusters ?? []) s.clusters.add(part);
  };
  // `error`: the input failed part-way (a broken byte found late) after its start was
  // written to stdout: the format closes the document validly, with the entities found
  // before and the error, rather than leaving a truncated line.
  const closeStream = (s: StreamState, error?: string): void => {
    if (s.records || !streamFormat) return;
    const doc = { source: s.input.source, language: s.language, entityCount: s.entityCount, clusters: s.clusters.sorted(), clusterCount: s.clusters.size, counts: s.counts };
    for (const piece of streamFormat.close(doc, error, ctx)) write(piece);
  };

  // --- results, in input order ---------------------------------------------------------------
  const handle = (item: Unit, r: Result | undefined): void => {
    switch (item.kind) {
      case 'record-fail':
        oneRecord(item.input, item.id, item.line, { error: item.error });
        return;
      case 'record-begin':
        bigRec = { id: item.id, line: item.line, text: item.text, entities: [] };
        return;
      case 'record-end': {
        const b = bigRec!;
        bigRec = undefined;
        if (b.failure !== undefined) return oneRecord(item.input, b.id, b.line, { error: b.failure });
        const doc = { id: b.id, source: item.input.source, language: b.language ?? 'und', entities: b.entities, clusters: clusterEntities(b.entities) } as Document;
        oneRecord(item.input, b.id, b.line, { doc, text: b.text });
        return;
      }
      case 'fail':
        bigRec = undefined;
        if (stream && stream.input === item.input) {
          if (stream.file) stream.file.abort();
          else if (stream.opened) closeStream(stream, item.error);
          stream.clusters.dispose();
          stream = undefined;
        }
        failInput(item.input, item.error, item.skipped);
        return;
      case 'begin':
        stream = {
          input: item.input,
          records: item.records,
          file: opts.outDir ? new AtomicFile(resultPath(opts.outDir, item.input.source, format.name)) : undefined,
          opened: false,
          entityCount: 0,
          counts: emptyCounts(),
          clusters: new StreamClusters(plan.spillClusters),
          language: 'und',
        };
        if (stream.file && stream.records && format.begin) stream.file.write(format.begin({ ...ctx, inputCount: 1 }));
        return;
      case 'end': {
        const s = stream!;
        if (!s.opened) openStream(s);
        closeStream(s);
        s.clusters.dispose();
        if (s.file) {
          if (s.records && format.end) s.file.write(format.end(allDocs.splice(0), { ...ctx, inputCount: 1 }));
          s.file.commit();
        }
        if (!s.records) addCounts(summary.counts, s.counts);
        stream = undefined;
        summary.files++;
        summary.bytes += item.bytes;
        done++;
        return;
      }
      case 'task':
        if (r) taskResult(item, r);
        return;
    }
  };

  const taskResult = (item: Extract<Unit, { kind: 'task' }>, r: Result): void => {
    if (item.unit === 'whole') {
      if (!r.ok) return failInput(item.input, r.error, r.skipped);
      if (opts.outDir) {
        try {
          writeFileAtomic(resultPath(opts.outDir, item.input.source, format.name), r.out);
        } catch (e) {
          return failInput(item.input, `cannot write result (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
      }
      done++;
      summary.files++;
      summary.bytes += r.bytes;
      let docs = r.docs;
      if (r.outcomes) {
        const ok = recordResults(r, Boolean(opts.outDir));
        docs = docs?.slice(0, ok);
      } else {
        for (const w of r.warnings) io.warn(w);
        addCounts(summary.counts, r.counts);
        if (!opts.outDir) emit(r.out);
      }
      if (docs) allDocs.push(...docs);
      return;
    }
    if (item.unit === 'record-chunk') {
      const b = bigRec;
      if (!b || b.failure !== undefined) return;
      if (!r.ok) b.failure = r.error;
      else {
        for (const w of r.warnings) io.warn(w);
        b.language ??= r.language;
        for (const e of r.entities ?? []) b.entities.push(e);
      }
      return;
    }
    const s = stream;
    if (!s || s.input !== item.input) return;
    if (!r.ok && item.unit === 'block' && item.task?.kind === 'records') {
      // A block whose worker died: each of its records gets its error line, and the input goes on.
      const { firstLine, lines } = item.task;
      const reason = r.error.startsWith(`${item.input.source}: `) ? r.error.slice(item.input.source.length + 2) : r.error;
      lines.forEach((raw, i) => {
        const rec = parseRecord(raw.endsWith('\r') ? raw.slice(0, -1) : raw, plan.cfg.textField, plan.cfg.idField);
        if (rec && inShard(String(rec.id), plan.cfg.shard) && !summary.stopped) oneRecord(item.input, rec.id, firstLine + i, { error: reason });
      });
      return;
    }
    if (!r.ok) {
      // A worker failure inside a big text input fails that input.
      handle({ kind: 'fail', input: item.input, error: r.error }, undefined);
      return;
    }
    if (item.unit === 'chunk') {
      for (const w of r.warnings) io.warn(w);
      if (!s.opened) {
        s.language = r.language ?? 'und';
        openStream(s);
      }
      addChunk(s, r);
    } else {
      const ok = recordResults(r, false);
      if (r.docs) allDocs.push(...r.docs.slice(0, ok));
    }
  };

  // --- orchestration: units in, results out in order ------------------------------------------
  const pending: Array<{ item: Unit; p: Promise<Result> | undefined }> = [];
  const settle = async (): Promise<void> => {
    const { item, p } = pending.shift()!;
    let r: Result | undefined;
    if (p) {
      try {
        r = await p;
      } catch (e) {
        const why = `worker failed (${(e as Error).message})`;
        r = { ok: false, error: item.kind === 'task' && item.unit === 'record-chunk' ? why : `${item.input.source}: ${why}`, bytes: 0 };
      }
    }
    if (summary.interrupted) return;
    handle(item, r);
    progress.draw(summary.bytes, done);
    if (stopNow() && !summary.stopped) summary.stopped = true;
  };
  // Is the oldest result ready before the next unit of input? (co-process: a record's
  // result must not wait for the next record to arrive).
  const headFirst = (next: Promise<unknown>): Promise<boolean> => {
    const head = pending[0];
    if (head.item.kind !== 'task' || !head.p) return Promise.resolve(true);
    return Promise.race([head.p.then(() => true, () => true), next.then(() => false, () => false)]);
  };
  const units = unitsOf(plan, () => io.stdin())[Symbol.asyncIterator]();
  let next: Promise<IteratorResult<Unit>> | undefined = units.next();
  try {
    while (!summary.stopped && !summary.interrupted && (next || pending.length)) {
      if (pending.length && (!next || pending.length >= plan.window || (await headFirst(next)))) {
        await settle();
        continue;
      }
      const got: IteratorResult<Unit> = await next!;
      if (got.done) {
        next = undefined;
        continue;
      }
      const item = got.value;
      const p = item.kind === 'task' && item.task ? exec.run(item.task) : undefined;
      // A result nobody waits for any more (after --max-errors, or an interrupt) must not become an unhandled rejection.
      p?.catch(() => {});
      // A posted task (a chunk's text) is the executor's now; waiting for its result needs only the rest.
      // (A record block keeps its lines: should its worker die, each record still gets its error line.)
      pending.push({ item: item.kind === 'task' && item.unit !== 'block' ? { ...item, task: undefined } : item, p });
      next = units.next();
    }
  } finally {
    // Input still being read when the run stops (--max-errors): nobody waits for it.
    next?.catch(() => {});
    if (stream?.file) stream.file.abort();
    stream?.clusters.dispose();
    stream = undefined;
    await exec.close();
    opts.signal?.removeEventListener('abort', onAbort);
  }
  if (summary.interrupted) return summary;
  if (opts.progress) progress.clear();
  if (summary.stopped) {
    const what = summary.failedRecords === summary.failed ? 'record' : summary.failedRecords ? 'input or record' : 'input';
    io.error(`stopped after ${summary.failed} failed ${what}${summary.failed === 1 ? '' : 's'} (--max-errors ${opts.maxErrors})`);
  }
  if (summary.files || summary.records) open();
  if (!opts.outDir && format.end && (allDocs.length || !format.needsAll)) io.out(format.end(allDocs, ctx));

  // A reader that went away (kiyan ... | head) shows as a failed write only once the write
  // completes: let it, so that the caller's handling (a quiet exit) comes before the summary.
  await io.flush?.();
  summary.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  summary.mbPerSec = summary.seconds > 0 ? summary.bytes / 1e6 / summary.seconds : 0;
  const nothing = settleExitCode(summary, Boolean(opts.allowErrors), Boolean(opts.shard));
  if (nothing) io.error(nothing);
  const show = opts.summary ?? (inputs.length > 1 || plan.broadArgs || plan.records);
  if (show) {
    if (format.name === 'table' && !opts.outDir) io.out(summaryTable(summary));
    else io.note(summaryLine(summary));
  }
  return summary;
}
