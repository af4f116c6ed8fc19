/**
 * kiyan's library API. The CLI uses nothing but what is exported here.
 *
 *   import { extract } from 'kiyan';
 *   const doc = extract('زار الرئيس بوتين طهران');
 */
import { Extractor, type DocumentOptions } from './extractor.js';
import type { LexiconIndex } from './lexicon/lexicon-index.js';
import type { Document } from './model.js';

export type { Entity, Cluster, Document, EntityType, MentionSource } from './model.js';
export { ENTITY_TYPES, clusterEntities } from './model.js';
export { Extractor, createExtractor, type ExtractorOptions, type DocumentOptions } from './extractor.js';
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

export interface ExtractOptions extends DocumentOptions {
  /** Extra lexicon files (same format as lexicons/*.tsv). */
  lexicons?: string[];
  /** A prepared index (overrides `lexicons`). */
  index?: LexiconIndex;
}

/*
 * The extractors behind extract(): the one piece of module state in the library, kept
 * here on purpose so that extract() stays a one-line call. Code that wants to own its
 * state (a server, a worker, several lexicons) holds its own Extractor instead.
 */
const byLexicons = new Map<string, Extractor>();
const byIndex = new WeakMap<LexiconIndex, Extractor>();

/** extract(text) with a default extractor per lexicon set (or per given index). */
export function extract(text: string, options: ExtractOptions = {}): Document {
  return defaultExtractor(options).extract(text, options);
}

function defaultExtractor(options: ExtractOptions): Extractor {
  if (options.index) {
    let ex = byIndex.get(options.index);
    if (!ex) byIndex.set(options.index, (ex = new Extractor({ index: options.index })));
    return ex;
  }
  const lexicons = options.lexicons ?? [];
  const key = lexicons.join('\u0000');
  let ex = byLexicons.get(key);
  if (!ex) byLexicons.set(key, (ex = new Extractor({ lexicons })));
  return ex;
}
