/**
 * Per-token facts the matchers share: proclitic analyses and trigger-word kinds,
 * computed once per token.
 */
import { procliticAnalyses, type CliticAnalysis } from '../text/clitics.js';
import type { Token } from '../text/tokenize.js';
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import { WORD_KINDS, type WordKind } from '../lexicon/schema.js';

export interface TokenView {
  tokens: Token[];
  analyses: CliticAnalysis[][];
  index: LexiconIndex;
  /** Kind -> analysis (of this token) whose form, or form without article, is a word of that kind. */
  kindAt(i: number, kind: WordKind): CliticAnalysis | undefined;
  /** The full token (no clitic stripping) is a word of that kind. */
  isExact(i: number, kind: WordKind): boolean;
  /** The token, or the token without one proclitic (وفي، ولم، بأن), is a common word. */
  isStop(i: number): boolean;
  /** Tokens i and i+1 are adjacent (only spaces between). */
  joined(i: number): boolean;
  /** Per analysis of token i: the longest lexicon phrase starting with its form. */
  phraseMax(i: number): number[];
  /** Memo for per-token rule results (e.g. trigger lengths), keyed by a small slot number. */
  memo(slot: number): Int8Array;
}

/**
 * Facts about one word form that do not depend on where it occurs: its proclitic analyses,
 * and for every word kind the first analysis that is a word of that kind. Arabic news has a
 * Zipfian vocabulary, so computing this once per distinct word (not per token) removes most
 * of the per-token work and garbage.
 */
interface WordInfo {
  analyses: CliticAnalysis[];
  /** Per kind (index in KIND_IDS): index of the first matching analysis + 1, or 0. */
  kindAt: Uint8Array;
  /** Per analysis: the most words a lexicon phrase starting with its form has (0: none). */
  phraseMax: number[];
}

const KIND_IDS = new Map<WordKind, number>(WORD_KINDS.map((k, i) => [k, i]));
// Bounds each worker's memory (a streamed gigabyte runs in workers with a capped heap);
// a Zipfian vocabulary keeps nearly all hits well within this many words.
const MAX_CACHED_WORDS = 20_000;
const MALE = KIND_IDS.get('male')!;
const FEMALE = KIND_IDS.get('female')!;
const wordCaches = new WeakMap<LexiconIndex, Map<string, WordInfo>>();

/**
 * A token's text is a slice of the whole normalised text, and V8 keeps that whole text
 * alive as long as the slice lives: a cached word (and the analyses made from it) gets its
 * own copy, or the cache would hold every chunk that brought a new long word (tens of MB
 * per worker on a long streamed input). Strings under 13 units are copies already.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function wordInfo(cache: Map<string, WordInfo>, index: LexiconIndex, token: string): WordInfo {
  let info = cache.get(token);
  if (info) return info;
  const text = ownCopy(token);
  const analyses = procliticAnalyses(text);
  const kindAt = new Uint8Array(WORD_KINDS.length);
  for (let k = analyses.length - 1; k >= 0; k--) for (const kind of index.kindsOf(analyses[k].form)) kindAt[KIND_IDS.get(kind)!] = k + 1;
  info = { analyses, kindAt, phraseMax: analyses.map((a) => index.maxPhraseTokens(a.form)) };
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  cache.set(text, info);
  return info;
}

export function makeTokenView(tokens: Token[], index: LexiconIndex, maqsura?: Uint8Array): TokenView {
  let cache = wordCaches.get(index);
  if (!cache) wordCaches.set(index, (cache = new Map()));
  const infos = tokens.map((t) => wordInfo(cache!, index, t.text));
  const analyses = infos.map((w) => w.analyses);
  const memos: Int8Array[] = [];
  const stopCache = new Int8Array(tokens.length).fill(-1);
  return {
    tokens,
    analyses,
    index,
    kindAt(i, kind) {
      const k = infos[i].kindAt[KIND_IDS.get(kind)!];
      return k === 0 ? undefined : infos[i].analyses[k - 1];
    },
    isStop(i) {
      if (stopCache[i] === -1) {
        // علي written على (alef maqsura in the original) is the preposition, not the name.
        const stop = analyses[i].some((a) => a.skip <= 1 && index.isWord('stop', a.form));
        const givenSpelling = (infos[i].kindAt[MALE] === 1 || infos[i].kindAt[FEMALE] === 1) && !(maqsura && maqsura[i]);
        stopCache[i] = stop && !givenSpelling ? 1 : 0;
      }
      return stopCache[i] === 1;
    },
    isExact(i, kind) {
      // Analysis 0 is the whole token, and kindAt records the first matching analysis.
      return infos[i].kindAt[KIND_IDS.get(kind)!] === 1;
    },
    phraseMax(i) {
      return infos[i].phraseMax;
    },
    memo(slot) {
      let m = memos[slot];
      if (!m) m = memos[slot] = new Int8Array(tokens.length).fill(-1);
      return m;
    },
    joined(i) {
      return i + 1 < tokens.length && !tokens[i + 1].breakBefore;
    },
  };
}
