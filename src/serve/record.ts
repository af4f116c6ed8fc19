/**
 * One NDJSON record in, one result line out: the shape shared by `kiyan serve`'s streamed
 * /extract and the CLI's record mode. The id is the record's `id` field with its JSON type
 * kept, else derived from the record's content (the first 16 hex digits of the SHA-256 of
 * its line as read, without the line break), so it does not depend on how input is split.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../index.js';

export type RecordId = string | number | boolean | object;

export function contentId(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex').slice(0, 16);
}

/**
 * The result line (without its newline) for the record `line` at line number `lineNo`:
 * `{"id": ..., ...document}`, or `{"id": ..., "error": reason, "line": lineNo}`; `run`
 * extracts one text.
 */
export function recordResultLine(line: string, lineNo: number, run: (text: string) => Document): string {
  const failed = (id: RecordId, error: string): string => failedRecordLine(id, error, lineNo);
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    return failed(contentId(line), 'not a JSON record');
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return failed(contentId(line), 'not a JSON object');
  const obj = rec as Record<string, unknown>;
  const id = obj.id === undefined || obj.id === null ? contentId(line) : (obj.id as RecordId);
  if (typeof obj.text !== 'string') return failed(id, 'no string field "text"');
  return JSON.stringify({ id, ...run(obj.text) });
}

export function failedRecordLine(id: RecordId, error: string, lineNo: number): string {
  return JSON.stringify({ id, error, line: lineNo });
}

/** The id a record line gets when its result is an error found outside recordResultLine. */
export function recordIdOf(line: string): RecordId {
  try {
    const rec = JSON.parse(line) as unknown;
    if (typeof rec === 'object' && rec !== null && !Array.isArray(rec)) {
      const id = (rec as Record<string, unknown>).id;
      if (id !== undefined && id !== null) return id as RecordId;
    }
  } catch {
    // not JSON: the content id
  }
  return contentId(line);
}
