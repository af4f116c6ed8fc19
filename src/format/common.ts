/** Helpers shared by the output formats. */
import type { Cluster, Document, Entity } from '../model.js';
import { createRequire } from 'node:module';
import { transliterate } from '../text/translit.js';
import { loadNameWordsEn } from '../lexicon/load.js';

/**
 * A person's name whose every word is an imported name word is romanised with the names'
 * own English spellings (كيني ميلر -> Kenny Miller), not letter by letter.
 */
function romanise(e: Entity): string {
  if (e.type === 'PER') {
    const en = loadNameWordsEn();
    const words = e.normalized.split(' ').map((w) => en.get(w));
    if (words.length && words.every((w) => w !== undefined)) return words.join(' ');
  }
  return transliterate(e.canonical ?? e.text);
}

/** cli-table3 (CommonJS), loaded when a table is printed: commands that print none start faster. */
export function tableClass(): typeof import('cli-table3') {
  return createRequire(import.meta.url)('cli-table3') as typeof import('cli-table3');
}

/** An entity as the formats print it: `translit` is present only with --translit. */
export type OutEntity = Entity & { translit?: string };
export type OutCluster = Cluster & { translit?: string };
export interface OutDocument extends Document {
  entities: OutEntity[];
  clusters: OutCluster[];
  /** Record mode: the record's id. */
  id?: string | number;
}

/** A document's name for people: its source, and in record mode its record id. */
export function docLabel(doc: OutDocument): string {
  return doc.id !== undefined ? `${doc.source} record ${String(doc.id)}` : doc.source;
}

/** What a row names as its origin: the record id in record mode, else the source. */
export function origin(doc: OutDocument): string {
  return doc.id !== undefined ? String(doc.id) : doc.source;
}

/**
 * With --translit, entities and clusters that have no English name get a `translit`
 * field: the readable romanisation of their canonical Arabic name, else of the text as
 * written (the normalised form folds ة into ه and would romanise worse); a person named
 * only with imported name words takes their English spellings.
 * Returns a copy; the input document is not changed.
 */
export function withTranslit(doc: Document, on: boolean | undefined): OutDocument {
  if (!on) return doc;
  const entities: OutEntity[] = doc.entities.map((e) => (e.en ? e : { ...e, translit: romanise(e) }));
  const byId = new Map<string, string>();
  for (const e of entities) if (e.translit && !byId.has(e.id)) byId.set(e.id, e.translit);
  const clusters = doc.clusters.map((c) => (c.en ? c : { ...c, translit: byId.get(c.id) ?? transliterate(c.texts[0] ?? c.canonical) }));
  return { ...doc, entities, clusters };
}

/** "N mentions of M entities", singular where a count is 1. */
export function mentionsOf(mentions: number, entities: number): string {
  return `${mentions} mention${mentions === 1 ? '' : 's'} of ${entities} entit${entities === 1 ? 'y' : 'ies'}`;
}

/** A table's first line: "source: N mentions of M entities (PER a, LOC b, ORG c)". */
export function mentionsLine(source: string, mentions: number, entities: number, counts: { PER: number; LOC: number; ORG: number }): string {
  const per = (['PER', 'LOC', 'ORG'] as const).map((t) => `${t} ${counts[t]}`).join(', ');
  return `${source}: ${mentionsOf(mentions, entities)} (${per})`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Code-point index -> UTF-16 index table for a text (offsets in kiyan are code points). */
export function codePointIndex(text: string): number[] {
  const idx: number[] = [];
  let u = 0;
  for (const ch of text) {
    idx.push(u);
    u += ch.length;
  }
  idx.push(u);
  return idx;
}
