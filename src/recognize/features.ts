/**
 * Per-token facts the matchers share: proclitic analyses and trigger-word kinds, computed
 * once per distinct word (kept in the extractor's word table, by word id) and read per
 * token as plain array and bit reads.
 */
import type { WordTable } from '../text/intern.js';
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
  /** Per-document memo of propagate.ts: the document (TokenView.doc) it was computed for, and its value. */
  docStamp: number;
  docFact: boolean;
}

function wordInfo(index: LexiconIndex, text: string): WordInfo {
  const analyses = procliticAnalyses(text);
  const facts = analyses.map((a) => index.describe(a.form));
  const analysisKinds = facts.map((f) => f.kinds);
  const phraseMax = facts.map((f) => f.maxTokens);
  let kinds = 0;
  for (const k of analysisKinds) kinds |= k;
  return {
    analyses,
    analysisKinds,
    kinds,
    exact: analysisKinds[0],
    phraseMax,
    maxPhrase: Math.max(...phraseMax),
    // (Analysis 0 is the whole word.)
    innerWord: facts[0].inner,
    nextWords: facts.map((f) => f.next),
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
    /** Tokens made with `table` (their ids are its word ids), during document `doc`. */
    readonly tokens: Token[],
    readonly index: LexiconIndex,
    table: WordTable<WordInfo>,
    /** The document's number in `table` (WordTable.beginDocument): per-document memos on words compare it. */
    readonly doc: number,
    /** Which tokens end in alef maqsura in the original (على the preposition vs علي the name). */
    private readonly maqsura?: Uint8Array,
  ) {
    const facts = table.facts;
    this.words = new Array<WordInfo>(tokens.length);
    this.analyses = new Array<CliticAnalysis[]>(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const id = tokens[i].id;
      let w = facts[id];
      if (w === undefined) facts[id] = w = wordInfo(index, tokens[i].text);
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

export function makeTokenView(tokens: Token[], index: LexiconIndex, table: WordTable<WordInfo>, doc: number, maqsura?: Uint8Array): TokenView {
  return new TokenView(tokens, index, table, doc, maqsura);
}
