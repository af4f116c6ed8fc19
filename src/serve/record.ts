/**
 * One NDJSON record in, one result line out, for `kiyan serve`'s streamed /extract: the
 * record rules of the CLI's record mode (batch/process.ts parseRecord), with the fields
 * fixed to `text` and `id`. The id is the record's `id` field (a string or a number, type
 * kept), else derived from the record's content (contentId), so it does not depend on how
 * input is split.
 */
import type { Document } from '../model.js';
import { contentId, parseRecord, type RecordId } from '../batch/process.js';

export { contentId };

/**
 * The result line (without its newline) for the record `line` at line number `lineNo`:
 * `{"id": ..., ...document}`, or `{"id": ..., "error": reason, "line": lineNo}`; `run`
 * extracts one text.
 */
export function recordResultLine(line: string, lineNo: number, run: (text: string) => Document): string {
  const rec = parseRecord(line, 'text', 'id') ?? { id: contentId(line), error: 'blank line' };
  if ('error' in rec) return failedRecordLine(rec.id, rec.error, lineNo);
  return JSON.stringify({ id: rec.id, ...run(rec.text) });
}

export function failedRecordLine(id: RecordId, error: string, lineNo: number): string {
  return JSON.stringify({ id, error, line: lineNo });
}

/** The id a record line gets when its result is an error found outside recordResultLine. */
export function recordIdOf(line: string): RecordId {
  return parseRecord(line, 'text', 'id')?.id ?? contentId(line);
}
