/** JSON output: the Document as one pretty object (json) or one compact line (jsonl). */
import type { Document } from '../model.js';

export function formatJson(doc: Document): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

export function formatJsonl(doc: Document): string {
  return JSON.stringify(doc) + '\n';
}
