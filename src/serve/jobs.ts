/**
 * What a serve worker does for one request (or one streamed record): pure functions of
 * the job and the worker's extractor, so they run the same in a worker thread or inline.
 */
import type { Document, EntityType } from '../model.js';
import type { Extractor } from '../extractor.js';
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

function extractText(text: string, settings: ExtractSettings, extractor: Extractor): Document {
  return extractor.extract(text, { source: '-', types: settings.types, descriptiveOrgs: settings.descriptiveOrgs });
}

export function runJob(job: Job, extractor: Extractor): string {
  switch (job.op) {
    case 'json':
      return formatJson(extractText(job.text, job.settings, extractor));
    case 'record':
      return recordResultLine(job.line, job.lineNo, (text) => extractText(text, job.settings, extractor));
    case 'view':
      return docSection(extractText(job.text, job.settings, extractor), job.text, 0);
  }
}
