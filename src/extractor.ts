/**
 * An extractor: one lexicon index and everything recognition learns while it runs (word
 * ids, per-word facts, entity ids), held by the caller. Two extractors share nothing, so
 * a process can hold several (different user lexicons, one per worker or per tenant).
 */
import { loadLexiconIndex } from './lexicon/load.js';
import type { LexiconIndex } from './lexicon/lexicon-index.js';
import { clusterEntities, type Document, type Entity, type EntityType } from './model.js';
import { Recognizer } from './recognize/pipeline.js';
import { detectLanguage } from './text/language.js';

export interface ExtractorOptions {
  /** Extra lexicon files (same format as lexicons/*.tsv), on top of the shipped lexicon; later files take precedence. */
  lexicons?: string[];
  /** A prepared index (overrides `lexicons`). */
  index?: LexiconIndex;
  /** Also tag descriptive organisations (الجيش السوري، الحكومة اللبنانية); off by default. */
  descriptiveOrgs?: boolean;
  /** Keep only these types. */
  types?: EntityType[];
  /**
   * Distinct words whose facts are remembered before the least recently used are
   * forgotten (default 262,144, about 100 MB at most). Lower bounds memory; results do not depend on it.
   */
  wordCapacity?: number;
}

/** Options of one call; `descriptiveOrgs` and `types` override the extractor's. */
export interface DocumentOptions {
  /** Name of the input, copied into the result ('-' for stdin). */
  source?: string;
  /** Keep only these types. */
  types?: EntityType[];
  /** Also tag descriptive organisations. */
  descriptiveOrgs?: boolean;
  /** Skip language detection (batch callers that already know). */
  language?: string;
}

export class Extractor {
  readonly index: LexiconIndex;
  private readonly recognizer: Recognizer;
  private readonly descriptiveOrgs: boolean;
  private readonly types?: EntityType[];

  constructor(options: ExtractorOptions = {}) {
    this.index = options.index ?? loadLexiconIndex(options.lexicons ?? []);
    this.recognizer = new Recognizer(this.index, options.wordCapacity);
    this.descriptiveOrgs = Boolean(options.descriptiveOrgs);
    this.types = options.types;
  }

  /** The entities of one text (offsets into it), without clusters or language: what a chunk of a big input needs. */
  entities(text: string, options: Pick<DocumentOptions, 'types' | 'descriptiveOrgs'> = {}): Entity[] {
    const entities = this.recognizer.recognize(text, { descriptiveOrgs: options.descriptiveOrgs ?? this.descriptiveOrgs });
    const types = options.types ?? this.types;
    if (!types) return entities;
    const keep = new Set(types);
    return entities.filter((e) => keep.has(e.type));
  }

  /** The entities of one text, with offsets into it, and their clusters. */
  extract(text: string, options: DocumentOptions = {}): Document {
    const entities = this.entities(text, options);
    return {
      source: options.source ?? '-',
      language: options.language ?? detectLanguage(text).code,
      entities,
      clusters: clusterEntities(entities),
    };
  }

  /** Distinct words remembered now, and forgotten so far. */
  get wordStats(): { words: number; evicted: number } {
    return this.recognizer.wordStats;
  }
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  return new Extractor(options);
}
