/**
 * kiyan's library API. The CLI uses nothing but what is exported here.
 *
 *   import { extract } from 'kiyan';
 *   const doc = extract('زار الرئيس بوتين طهران');
 */
import { loadLexiconIndex } from './lexicon/load.js';
import type { LexiconIndex } from './lexicon/lexicon-index.js';
import type { EntityType } from './lexicon/schema.js';
import { recognize, type Entity } from './recognize/pipeline.js';
import { detectLanguage } from './text/language.js';

export type { Entity } from './recognize/pipeline.js';
export type { EntityType } from './lexicon/schema.js';
export { ENTITY_TYPES } from './lexicon/schema.js';
export { normalize, normalizeWithMap, ALL_STEPS, STEP_DESCRIPTIONS, parseSteps, type NormalizeStep } from './text/normalize.js';
export { tokenize, type Token } from './text/tokenize.js';
export { procliticAnalyses } from './text/clitics.js';
export { detectLanguage, loadLanguageDetector, type LanguageInfo } from './text/language.js';
export { loadLexiconIndex, LexiconError } from './lexicon/load.js';
export { LexiconIndex } from './lexicon/lexicon-index.js';
export { runBatch, resultPath, resultExtension, summaryLine, summaryTable, type BatchIO, type BatchOptions, type BatchSummary } from './batch/run.js';
export { contentId, type RecordId } from './batch/process.js';
export { checkLexicons, lookupLexicon, exportSurfaces, WORD_KIND_RULES, type LexiconCheck, type LookupResult, type LookupMatch, type ExportOptions } from './lexicon/tools.js';
export { compileUserFiles, packageRoot } from './lexicon/load.js';
export { OUTPUT_FORMATS, outputFormat, type OutputFormat, type FormatContext, type RecordError } from './format/index.js';
export { ENCODINGS, parseEncoding, type Encoding } from './io/decode.js';
export { EXIT, UserError, InputError } from './io/errors.js';
export { DEFAULT_INCLUDE, parseShard, type Shard } from './io/walk.js';
export { readTextInput, type TextInput } from './io/input.js';
export { conllToText, entitiesToTags, errorReport, parseConll, scoreSpans, spansFromBio, EVAL_TYPES, type Scores, type Span, type ErrorExample } from './eval/conll.js';

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

export interface ExtractOptions {
  /** Name of the input, copied into the result ('-' for stdin). */
  source?: string;
  /** Keep only these types. */
  types?: EntityType[];
  /** Extra lexicon files (same format as lexicons/*.tsv). */
  lexicons?: string[];
  /** A prepared index (overrides `lexicons`). */
  index?: LexiconIndex;
  /** Also tag descriptive organisations (الجيش السوري، الحكومة اللبنانية); off by default. */
  descriptiveOrgs?: boolean;
  /** Skip language detection (batch callers that already know). */
  language?: string;
}

export function extract(text: string, options: ExtractOptions = {}): Document {
  const index = options.index ?? loadLexiconIndex(options.lexicons ?? []);
  let entities = recognize(text, index, { descriptiveOrgs: options.descriptiveOrgs });
  if (options.types) {
    const keep = new Set(options.types);
    entities = entities.filter((e) => keep.has(e.type));
  }
  return {
    source: options.source ?? '-',
    language: options.language ?? detectLanguage(text).code,
    entities,
    clusters: clusterEntities(entities),
  };
}

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
