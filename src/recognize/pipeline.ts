/**
 * The recognition pipeline over one text: normalise (with offset map) -> tokens -> clitic
 * analyses -> lexicon + pattern candidates -> overlaps -> document consistency ->
 * mentions with offsets into the ORIGINAL text.
 */
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import type { Entity } from '../model.js';
import { normalizeWithMap, toSourceSpan } from '../text/normalize.js';
import { tokenize, type Token } from '../text/tokenize.js';
import { makeTokenView, WordStore } from './features.js';
import { matchLexicon } from './lexicon-match.js';
import { isCommonWord, matchPatterns } from './patterns.js';
import { propagate, surfaceKey } from './propagate.js';
import { confirmAmbiguous, entityId, resolveOverlaps } from './resolve.js';
import type { RecognizeOptions } from './types.js';


/** Token objects kept for reuse (about 5 MB): a streamed chunk's worth, not a whole book's. */
const MAX_KEPT_TOKENS = 1 << 17;

/**
 * The recogniser of one extractor: its lexicon index and everything it learns while it
 * runs (word ids and word facts, entry ids). Nothing here is shared with another recogniser.
 */
export class Recognizer {
  /** Word ids and, by id, each word's facts (see features.ts). */
  private readonly words: WordStore;
  /** The last document's tokens, overwritten by the next (nothing keeps them past recognize()). */
  private tokens: Token[] = [];
  /** Lexicon entry -> its entity id, made on first use ('' until then). */
  private readonly entryIds: string[];

  constructor(
    readonly index: LexiconIndex,
    /** Distinct words remembered before the least recently used are forgotten. */
    wordCapacity?: number,
  ) {
    this.words = new WordStore(wordCapacity);
    this.entryIds = new Array<string>(index.entryCount).fill('');
  }

  /** Distinct words remembered now, and forgotten so far (eviction). */
  get wordStats(): { words: number; evicted: number } {
    return { words: this.words.table.size, evicted: this.words.table.evicted };
  }

  recognize(text: string, opts: RecognizeOptions = {}): Entity[] {
    const { index, entryIds } = this;
    const doc = this.words.table.beginDocument();
    const norm = normalizeWithMap(text);
    const tokens = tokenize(norm.text, this.words.table, this.tokens);
    // Which tokens end in alef maqsura in the original (على the preposition vs علي the name).
    const maqsura = new Uint8Array(tokens.length);
    tokens.forEach((t, i) => {
      if (text.charCodeAt(norm.toSource16[t.end - 1]) === 0x0649) maqsura[i] = 1;
    });
    const view = makeTokenView(tokens, index, this.words, doc, maqsura);
    // The stages, in order: each takes what the ones before returned and changes none of it.
    const lexicon = matchLexicon(view, opts);
    const { lexicon: read, found } = matchPatterns(view, lexicon, opts, norm.text);
    const usable = confirmAmbiguous([...read, ...found], (c) => isCommonWord(view, c));
    const chosen = resolveOverlaps(usable, tokens.length);
    const keys = chosen.map((c) => surfaceKey(view, c));
    const chosenIds = chosen.map((c, i) => entityId(c, index, keys[i], entryIds));
    const { mentions: all, ids } = propagate(view, chosen, chosenIds);
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
    // Kept for the next document unless that would hold a big text's worth of objects.
    if (tokens.length > MAX_KEPT_TOKENS) this.tokens = [];
    return entities.sort((a, b) => a.start - b.start);
  }
}
