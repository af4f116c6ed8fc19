/**
 * Per-token facts the matchers share: proclitic analyses and trigger-word kinds, computed
 * once per distinct word and read per token as plain array and bit reads.
 */
import { ownCopy } from '../text/intern.js';
import { procliticAnalyses, type CliticAnalysis } from '../text/clitics.js';
import type { Token } from '../text/tokenize.js';
import type { EntityRef, LexiconIndex } from '../lexicon/lexicon-index.js';
import { WORD_KINDS, type WordKind } from '../lexicon/schema.js';

/**
 * One bit per word kind, in WORD_KINDS order (as LexiconIndex.kindMask() reports them).
 * The rules ask "is this token a title / an org head / ..." at every token, so kinds are
 * tested with one AND on a precomputed mask, not with map lookups.
 */
export const KIND = Object.fromEntries(WORD_KINDS.map((k, i) => [k, 1 << i])) as Record<WordKind, number>;

/**
 * Facts about one word form that do not depend on where it occurs. Arabic news has a
 * Zipfian vocabulary, so computing this once per distinct word (not per token) removes most
 * of the per-token work and garbage.
 */
export interface WordInfo {
  analyses: CliticAnalysis[];
  /** Per analysis: the kinds (KIND bits) its form is a word of. */
  analysisKinds: number[];
  /** Kinds of some analysis. */
  kinds: number;
  /** Kinds of the whole token (analysis 0). */
  exact: number;
  /** Per analysis: the most words a lexicon phrase starting with its form has (0: none). */
  phraseMax: number[];
  /** The largest of phraseMax: 0 when no lexicon phrase can start at this word. */
  maxPhrase: number;
  /** The word is in second or later position of some lexicon phrase. */
  innerWord: boolean;
  /** Per analysis: the words that can follow its form in a lexicon phrase. */
  nextWords: Array<ReadonlySet<string> | undefined>;
  /** Per analysis: the lexicon ref of its form alone, without / with descriptive organisations. */
  single: Array<EntityRef | undefined>;
  singleDescriptive: Array<EntityRef | undefined>;
  /** The word, or the word without one proclitic, is a common word. */
  stopNear: boolean;
  /** The whole word is a given name (then a common-word reading needs the على spelling). */
  givenExact: boolean;
  /** Word facts the context rules compute on first use (bits owned by recognize/rules/facts.ts); -1 until then. */
  ruleFacts: number;
  /** Per-document memo of propagate.ts: the document it was computed for, and its value. */
  docStamp: number;
  docFact: boolean;
}

// Bounds each worker's memory (a streamed gigabyte runs in workers with a capped heap);
// a Zipfian vocabulary keeps nearly all hits well within this many words.
const MAX_CACHED_WORDS = 20_000;
const wordCaches = new WeakMap<LexiconIndex, Map<string, WordInfo>>();

function wordInfo(index: LexiconIndex, text: string): WordInfo {
  const analyses = procliticAnalyses(text);
  const analysisKinds = analyses.map((a) => index.kindMask(a.form));
  const phraseMax = analyses.map((a) => index.maxPhraseTokens(a.form));
  let kinds = 0;
  for (const k of analysisKinds) kinds |= k;
  return {
    analyses,
    analysisKinds,
    kinds,
    exact: analysisKinds[0],
    phraseMax,
    maxPhrase: Math.max(...phraseMax),
    innerWord: index.isInnerWord(text),
    nextWords: analyses.map((a, k) => (phraseMax[k] > 1 ? index.nextWords(a.form) : undefined)),
    single: analyses.map((a, k) => (phraseMax[k] ? index.bestRef(a.form, false) : undefined)),
    singleDescriptive: analyses.map((a, k) => (phraseMax[k] ? index.bestRef(a.form, true) : undefined)),
    stopNear: analyses.some((a, k) => a.skip <= 1 && (analysisKinds[k] & KIND.stop) !== 0),
    givenExact: (analysisKinds[0] & (KIND.male | KIND.female)) !== 0,
    ruleFacts: -1,
    docStamp: 0,
    docFact: false,
  };
}

/**
 * The tokens of one document with their words' facts. A class (not per-document closures),
 * so that the rules' calls to it stay monomorphic and inline.
 */
export class TokenView {
  /** Per token: its word's facts. */
  readonly words: WordInfo[];
  readonly analyses: CliticAnalysis[][];

  constructor(
    readonly tokens: Token[],
    readonly index: LexiconIndex,
    /** Which tokens end in alef maqsura in the original (على the preposition vs علي the name). */
    private readonly maqsura?: Uint8Array,
  ) {
    let cache = wordCaches.get(index);
    if (!cache) wordCaches.set(index, (cache = new Map()));
    // Cleared between documents only, so every word of a document stays cached while it runs.
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    this.words = new Array<WordInfo>(tokens.length);
    this.analyses = new Array<CliticAnalysis[]>(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const text = tokens[i].text;
      let w = cache.get(text);
      if (!w) {
        const own = ownCopy(text);
        cache.set(own, (w = wordInfo(index, own)));
      }
      this.words[i] = w;
      this.analyses[i] = w.analyses;
    }
  }

  /** Some analysis of token i is a word of one of these kinds (KIND bits). */
  has(i: number, kinds: number): boolean {
    return (this.words[i].kinds & kinds) !== 0;
  }

  /** The first analysis of token i whose form is a word of these kinds (KIND bits). */
  kindAt(i: number, kinds: number): CliticAnalysis | undefined {
    const w = this.words[i];
    if ((w.kinds & kinds) === 0) return undefined;
    for (let k = 0; k < w.analyses.length; k++) if ((w.analysisKinds[k] & kinds) !== 0) return w.analyses[k];
    return undefined;
  }

  /** The full token (no clitic stripping) is a word of one of these kinds (KIND bits). */
  isExact(i: number, kinds: number): boolean {
    return (this.words[i].exact & kinds) !== 0;
  }

  /** The token, or the token without one proclitic (وفي، ولم، بأن), is a common word. */
  isStop(i: number): boolean {
    // علي written على (alef maqsura in the original) is the preposition, not the name.
    const w = this.words[i];
    return w.stopNear && !(w.givenExact && !(this.maqsura && this.maqsura[i]));
  }

  /** Tokens i and i+1 are adjacent (only spaces between). */
  joined(i: number): boolean {
    return i + 1 < this.tokens.length && !this.tokens[i + 1].breakBefore;
  }
}

export function makeTokenView(tokens: Token[], index: LexiconIndex, maqsura?: Uint8Array): TokenView {
  return new TokenView(tokens, index, maqsura);
}
