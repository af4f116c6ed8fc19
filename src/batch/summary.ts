/** What a batch run did: counts, the exit code they mean, and the summary line or table. */
import { EXIT } from '../io/errors.js';
import { tableClass } from '../format/common.js';
import { emptyCounts, type Counts } from './process.js';

export interface BatchSummary {
  files: number;
  records: number;
  bytes: number;
  counts: Counts;
  skipped: number;
  /** Failed inputs and failed records. */
  failed: number;
  /** Of which records (record mode). */
  failedRecords: number;
  seconds: number;
  mbPerSec: number;
  /** --max-errors reached. */
  stopped: boolean;
  /** The run was aborted (BatchOptions.signal). */
  interrupted: boolean;
  exitCode: number;
  /** Worker threads the run used (0: it ran in the calling thread). */
  workers: number;
}

export function newSummary(skipped: number, workers: number): BatchSummary {
  return { files: 0, records: 0, bytes: 0, counts: emptyCounts(), skipped, failed: 0, failedRecords: 0, seconds: 0, mbPerSec: 0, stopped: false, interrupted: false, exitCode: 0, workers };
}

export function addCounts(into: Counts, c: Counts): void {
  into.PER += c.PER;
  into.LOC += c.LOC;
  into.ORG += c.ORG;
}

/**
 * The exit code: 0 when nothing failed (or, with allowErrors, only records failed and the
 * run was not stopped); 2 when nothing at all could be read; else 1.
 * Returns a message when the run had nothing readable although nothing failed.
 */
export function settleExitCode(s: BatchSummary, allowErrors: boolean, shard: boolean): string | undefined {
  const ok = s.files;
  const onlyRecords = s.failed === s.failedRecords;
  s.exitCode = s.failed === 0 || (allowErrors && onlyRecords && !s.stopped) ? EXIT.OK : ok === 0 && s.records === 0 ? EXIT.USAGE : EXIT.INPUT_FAILED;
  // Every file found was binary: nothing was readable, as when no file is found at all. Not
  // so for a shard (an empty part of a corpus is normal in a CI matrix).
  if (s.exitCode === EXIT.OK && ok === 0 && s.records === 0 && s.skipped > 0 && !shard) {
    s.exitCode = EXIT.USAGE;
    return `nothing readable: every input file was binary and skipped (${s.skipped} skipped in all)`;
  }
  return undefined;
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
