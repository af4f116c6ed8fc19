/**
 * The recognition pipeline over one text: normalise (with offset map) -> tokens -> clitic
 * analyses -> lexicon + pattern candidates -> overlaps -> document consistency ->
 * mentions with offsets into the ORIGINAL text.
 */
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import type { EntityType } from '../lexicon/schema.js';
import { normalizeWithMap, toSourceSpan } from '../text/normalize.js';
import { WordTable } from '../text/intern.js';
import { tokenize } from '../text/tokenize.js';
import { makeTokenView } from './features.js';
import { matchLexicon } from './lexicon-match.js';
import { isCommonWord, matchPatterns } from './patterns.js';
import { propagate, surfaceKey } from './propagate.js';
import { confirmAmbiguous, entityId, resolveOverlaps } from './resolve.js';
import type { MentionSource, RecognizeOptions } from './types.js';

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

/** Token texts interned across documents: repeated words cost no new strings (see intern.ts). */
const words = new WordTable();

export function recognize(text: string, index: LexiconIndex, opts: RecognizeOptions = {}): Entity[] {
  const norm = normalizeWithMap(text);
  const tokens = tokenize(norm.text, words);
  // Which tokens end in alef maqsura in the original (على the preposition vs علي the name).
  const maqsura = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => {
    if (text.charCodeAt(norm.toSource16[t.end - 1]) === 0x0649) maqsura[i] = 1;
  });
  const view = makeTokenView(tokens, index, maqsura);
  const lex = matchLexicon(view, opts);
  const pat = matchPatterns(view, lex, opts, norm.text);
  const usable = confirmAmbiguous([...lex, ...pat], (c) => isCommonWord(view, c));
  const chosen = resolveOverlaps(usable, tokens.length);
  const keys = chosen.map((c) => surfaceKey(view, c));
  const ids = chosen.map((c, i) => entityId(c, index, keys[i]));
  const all = propagate(view, chosen, ids);
  const entities: Entity[] = all.map((c, i) => {
    const span = toSourceSpan(norm, text, c.start, c.end);
    const info = c.entry !== undefined ? index.entryBasics(c.entry) : undefined;
    const e: Entity = {
      id: ids[i],
      text: text.slice(span.start16, span.end16),
      type: c.type,
      start: span.startCp,
      end: span.endCp,
      normalized: i < keys.length ? keys[i] : surfaceKey(view, c),
      source: c.source,
      rule: c.rule,
    };
    if (info && info.type === c.type) {
      e.canonical = info.arabic;
      e.en = info.en;
      e.subtype = info.subtype;
    }
    return e;
  });
  return entities.sort((a, b) => a.start - b.start);
}
