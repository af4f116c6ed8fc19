/**
 * What kiyan finds, as every layer sees it: entity types, mentions, clusters and the
 * document they belong to. The recogniser produces these, the formats print them, the
 * library returns them.
 */

export const ENTITY_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** How a mention was found: a lexicon entry, a context rule, or another mention in the document. */
export type MentionSource = 'lexicon' | 'pattern' | 'propagated';

export interface Entity {
  /** Shared by every mention of the same entity in the document. */
  id: string;
  /** The mention exactly as in the input. */
  text: string;
  type: EntityType;
  /** Code-point offsets into the input, end exclusive. */
  start: number;
  end: number;
  /** The mention normalised (proclitics removed, article restored after لل). */
  normalized: string;
  /** Canonical Arabic name, when the lexicon knows the entity. */
  canonical?: string;
  /** English name, when the lexicon knows the entity. */
  en?: string;
  subtype?: string;
  source: MentionSource;
  /** The rule or lexicon path that found it. */
  rule: string;
}

export interface Cluster {
  id: string;
  type: EntityType;
  /** Canonical Arabic name if known, else the first mention's normalised form. */
  canonical: string;
  en?: string;
  mentions: number;
  /** Code-point offset of the first mention. */
  first: number;
  /** The distinct surface forms seen. */
  texts: string[];
}

export interface Document {
  source: string;
  /** ISO 639-3 code of the detected language ('arb' for Arabic). */
  language: string;
  entities: Entity[];
  clusters: Cluster[];
}

/** The mentions of a document grouped by entity id, most mentioned first. */
export function clusterEntities(entities: Entity[]): Cluster[] {
  const byId = new Map<string, Cluster>();
  for (const e of entities) {
    let c = byId.get(e.id);
    if (!c) {
      c = { id: e.id, type: e.type, canonical: e.canonical ?? e.normalized, mentions: 0, first: e.start, texts: [] };
      if (e.en) c.en = e.en;
      byId.set(e.id, c);
    }
    c.mentions++;
    if (!c.en && e.en) c.en = e.en;
    if (!c.texts.includes(e.text)) c.texts.push(e.text);
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.first - b.first);
}
