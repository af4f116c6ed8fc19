/**
 * What a serve worker does for one request (or one streamed record): pure functions of
 * the job and a loaded lexicon index, so they run the same in a worker thread or inline.
 */
import { extract, type Document, type EntityType } from '../index.js';
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import { formatJson } from '../format/json.js';
import { docSection } from '../format/html.js';
import { recordResultLine } from './record.js';

export interface ExtractSettings {
  types?: EntityType[];
  descriptiveOrgs?: boolean;
}

export type Job =
  /** The JSON document of `kiyan extract --format json` (text read from stdin). */
  | { op: 'json'; text: string; settings: ExtractSettings }
  /** One NDJSON record: its result line. */
  | { op: 'record'; line: string; lineNo: number; settings: ExtractSettings }
  /** The HTML view's section for one text (highlighted text and entity table). */
  | { op: 'view'; text: string; settings: ExtractSettings };

function extractText(text: string, settings: ExtractSettings, index: LexiconIndex): Document {
  return extract(text, { source: '-', index, types: settings.types, descriptiveOrgs: settings.descriptiveOrgs });
}

export function runJob(job: Job, index: LexiconIndex): string {
  switch (job.op) {
    case 'json':
      return formatJson(extractText(job.text, job.settings, index));
    case 'record':
      return recordResultLine(job.line, job.lineNo, (text) => extractText(text, job.settings, index));
    case 'view':
      return docSection(extractText(job.text, job.settings, index), job.text, 0);
  }
}
