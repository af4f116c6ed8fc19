/**
 * CSV (RFC 4180) and TSV: one row per mention, a header row first.
 * Columns: source, start, end, type, text, canonical, en, id (+ translit with --translit).
 * CSV quotes a field when it holds a comma, a quote, CR or LF (quotes doubled) and ends
 * rows with CRLF as the RFC says. TSV has no quoting: backslash, TAB, CR and LF inside a
 * field are written as \\, \t, \r and \n (the convention of PostgreSQL COPY and others).
 */
import { origin, type OutDocument } from './common.js';

export const DELIMITED_COLUMNS = ['source', 'start', 'end', 'type', 'text', 'canonical', 'en', 'id'] as const;

export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tsvField(s: string): string {
  return s.replace(/[\\\t\r\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[c]!);
}

/** Record mode: the first column is the record id (`record`), since offsets are relative to each record. */
function columns(translit: boolean, records = false): string[] {
  const cols: string[] = [...DELIMITED_COLUMNS];
  if (records) cols[0] = 'record';
  return translit ? [...cols, 'translit'] : cols;
}

function rows(doc: OutDocument, translit: boolean): string[][] {
  return doc.entities.map((e) => {
    const row = [origin(doc), String(e.start), String(e.end), e.type, e.text, e.canonical ?? '', e.en ?? '', e.id];
    if (translit) row.push(e.translit ?? '');
    return row;
  });
}

export function csvHeader(translit: boolean, records = false): string {
  return columns(translit, records).join(',') + '\r\n';
}

export function formatCsvRows(doc: OutDocument, translit: boolean): string {
  return rows(doc, translit)
    .map((r) => r.map(csvField).join(',') + '\r\n')
    .join('');
}

export function tsvHeader(translit: boolean, records = false): string {
  return columns(translit, records).join('\t') + '\n';
}

export function formatTsvRows(doc: OutDocument, translit: boolean): string {
  return rows(doc, translit)
    .map((r) => r.map(tsvField).join('\t') + '\n')
    .join('');
}
