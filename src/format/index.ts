/**
 * Output formats. Each format is a small object; the CLI streams documents through it:
 * begin() once, document() per input as soon as it is ready, end() once (with every
 * document when the format needs them all, e.g. a JSON array or one HTML page).
 */
import type { Document } from '../index.js';
import { formatJson, formatJsonl } from './json.js';
import { formatTable } from './table.js';

export interface FormatContext {
  /** Colours allowed (table on a TTY). */
  color: boolean;
  /** How many inputs the run has (json prints an array when more than one). */
  inputCount: number;
  /** Add romanisations where the lexicon has no English name. */
  translit?: boolean;
}

export interface OutputFormat {
  name: string;
  /** Keep every document (and its text) until end(). */
  needsAll?: boolean;
  begin?(ctx: FormatContext): string;
  document?(doc: Document, text: string, ctx: FormatContext): string;
  end?(docs: Array<{ doc: Document; text: string }>, ctx: FormatContext): string;
}

const table: OutputFormat = {
  name: 'table',
  document: (doc, _text, ctx) => formatTable(doc, { color: ctx.color }),
};

const json: OutputFormat = {
  name: 'json',
  needsAll: true,
  end: (docs, ctx) => (ctx.inputCount === 1 && docs.length === 1 ? formatJson(docs[0].doc) : JSON.stringify(docs.map((d) => d.doc), null, 2) + '\n'),
};

const jsonl: OutputFormat = {
  name: 'jsonl',
  document: (doc) => formatJsonl(doc),
};

/** Registry: add a format here and it is available to `kiyan extract --format`. */
export const OUTPUT_FORMATS: Record<string, OutputFormat> = { table, json, jsonl };

export function outputFormat(name: string): OutputFormat | undefined {
  return Object.prototype.hasOwnProperty.call(OUTPUT_FORMATS, name) ? OUTPUT_FORMATS[name] : undefined;
}
