/**
 * Per-token facts the matchers share: proclitic analyses and trigger-word kinds, computed
 * once per distinct word (kept in the extractor's word table, by word id) and read per
 * token as plain array and bit reads.
 */
import { WordTable, wordHash } from '../text/intern.js';
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
  /** The whole word ends a multi-word person name of the lexicon (LexiconIndex.isKnownSurname). */
  surname: boolean;
}

/*
 * Most words are in no lexicon phrase and of no kind: their per-analysis arrays are all
 * zeros or all undefined, and share one array per length instead of holding their own
 * (a word's facts live as long as the extractor: on real text that is 100,000s of words).
 * Nothing writes to these arrays.
 */
const ZEROS: number[][] = Array.from({ length: 8 }, (_, n) => new Array<number>(n).fill(0));
const NONES: undefined[][] = Array.from({ length: 8 }, (_, n) => new Array<undefined>(n).fill(undefined));

function shared<T>(values: T[], none: T, pool: T[][]): T[] {
  for (const v of values) if (v !== none) return values;
  return values.length < pool.length ? pool[values.length] : values;
}

function wordInfo(index: LexiconIndex, text: string): WordInfo {
  const analyses = procliticAnalyses(text);
  const facts = analyses.map((a) => index.describe(a.form));
  const analysisKinds = shared(facts.map((f) => f.kinds), 0, ZEROS);
  const phraseMax = shared(facts.map((f) => f.maxTokens), 0, ZEROS);
  let kinds = 0;
  let maxPhrase = 0;
  for (let k = 0; k < analyses.length; k++) {
    kinds |= analysisKinds[k];
    maxPhrase = Math.max(maxPhrase, phraseMax[k]);
  }
  const none = NONES as Array<Array<EntityRef | undefined>>;
  return {
    analyses,
    analysisKinds,
    kinds,
    exact: analysisKinds[0],
    phraseMax,
    maxPhrase,
    // (Analysis 0 is the whole word.)
    innerWord: facts[0].inner,
    nextWords: maxPhrase > 1 ? facts.map((f) => f.next) : (NONES[analyses.length] ?? facts.map((f) => f.next)),
    single: maxPhrase ? analyses.map((a, k) => (phraseMax[k] ? index.bestRef(a.form, false) : undefined)) : shared(analyses.map(() => undefined), undefined, none),
    singleDescriptive: maxPhrase ? analyses.map((a, k) => (phraseMax[k] ? index.bestRef(a.form, true) : undefined)) : shared(analyses.map(() => undefined), undefined, none),
    stopNear: analyses.some((a, k) => a.skip <= 1 && (analysisKinds[k] & KIND.stop) !== 0),
    givenExact: (analysisKinds[0] & (KIND.male | KIND.female)) !== 0,
    surname: facts[0].surname,
  };
}

// The numeric facts of words, as columns by word id (WordStore): the per-token loops read
// these dense arrays, not the words' objects scattered over the heap (on real text, whose
// vocabulary is large, reading the objects at every token cost a cache miss each).
const COL_KINDS = 0;
const COL_EXACT = 1;
/** The longest lexicon phrase starting at the word (WordInfo.maxPhrase, capped at 255). */
const COL_PHRASE = 2;
/** Bits STOP_NEAR, GIVEN_EXACT, INNER_WORD, SURNAME: WordInfo.stopNear, givenExact, innerWord, surname; HAS_SINGLE: some analysis is a lexicon name alone. */
const COL_BITS = 3;
/** The context rules' word facts (rules/facts.ts), -1 until computed. */
const COL_RULES = 4;
/** The last document in which the word could start a known name (see markNameStarts). */
const COL_NAME_DOC = 5;

const STOP_NEAR = 1;
const GIVEN_EXACT = 2;
const INNER_WORD = 4;
const SURNAME = 8;
const HAS_SINGLE = 16;

/** The recogniser's words: ids, each word's facts (computed once per word), and their numeric columns. */
export class WordStore {
  readonly table: WordTable<WordInfo>;

  constructor(capacity?: number) {
    this.table = new WordTable<WordInfo>(capacity);
    this.table.addColumn('i32', 0); // COL_KINDS
    this.table.addColumn('i32', 0); // COL_EXACT
    this.table.addColumn('u8', 0); // COL_PHRASE
    this.table.addColumn('u8', 0); // COL_BITS
    this.table.addColumn('i32', -1); // COL_RULES
    this.table.addColumn('i32', 0); // COL_NAME_DOC
  }
}

/**
 * The tokens of one document with their words' facts. A class (not per-document closures),
 * so that the rules' calls to it stay monomorphic and inline.
 */
export class TokenView {
  /** Per token: its word's facts. */
  readonly words: WordInfo[];
  /** Per token: its word id. */
  readonly ids: Int32Array;
  private readonly kinds: Int32Array;
  private readonly exact: Int32Array;
  private readonly phrase: Uint8Array;
  private readonly bits: Uint8Array;
  private readonly rules: Int32Array;
  private readonly nameDoc: Int32Array;
  private readonly table: WordTable<WordInfo>;

  constructor(
    /** Tokens made with the store's table (their ids are its word ids), during document `doc`. */
    readonly tokens: Token[],
    readonly index: LexiconIndex,
    store: WordStore,
    /** The document's number in the store's table (WordTable.beginDocument). */
    readonly doc: number,
    /** Which tokens end in alef maqsura in the original (على the preposition vs علي the name). */
    private readonly maqsura?: Uint8Array,
  ) {
    const table = (this.table = store.table);
    const facts = table.facts;
    const cols = table.columns;
    const kinds = (this.kinds = cols[COL_KINDS] as Int32Array);
    const exact = (this.exact = cols[COL_EXACT] as Int32Array);
    const phrase = (this.phrase = cols[COL_PHRASE] as Uint8Array);
    const bits = (this.bits = cols[COL_BITS] as Uint8Array);
    this.rules = cols[COL_RULES] as Int32Array;
    this.nameDoc = cols[COL_NAME_DOC] as Int32Array;
    const n = tokens.length;
    this.words = new Array<WordInfo>(n);
    const ids = (this.ids = new Int32Array(n));
    for (let i = 0; i < n; i++) {
      const id = tokens[i].id;
      ids[i] = id;
      let w = facts[id];
      if (w === undefined) {
        facts[id] = w = wordInfo(index, tokens[i].text);
        kinds[id] = w.kinds;
        exact[id] = w.exact;
        phrase[id] = Math.min(w.maxPhrase, 255);
        bits[id] = (w.stopNear ? STOP_NEAR : 0) | (w.givenExact ? GIVEN_EXACT : 0) | (w.innerWord ? INNER_WORD : 0) | (w.surname ? SURNAME : 0) | (hasSingle(w) ? HAS_SINGLE : 0);
      }
      this.words[i] = w;
    }
  }

  private analysesByToken?: CliticAnalysis[][];

  /**
   * Per token: its word's analyses. Made on first use (the rules read view.words[i].analyses,
   * which costs no per-document array); kept for rule code written against it.
   */
  get analyses(): CliticAnalysis[][] {
    return (this.analysesByToken ??= this.words.map((w) => w.analyses));
  }

  /** Some analysis of token i is a word of one of these kinds (KIND bits). */
  has(i: number, kinds: number): boolean {
    return (this.kinds[this.ids[i]] & kinds) !== 0;
  }

  /** The first analysis of token i whose form is a word of these kinds (KIND bits). */
  kindAt(i: number, kinds: number): CliticAnalysis | undefined {
    if ((this.kinds[this.ids[i]] & kinds) === 0) return undefined;
    const w = this.words[i];
    for (let k = 0; k < w.analyses.length; k++) if ((w.analysisKinds[k] & kinds) !== 0) return w.analyses[k];
    return undefined;
  }

  /**
   * The kinds (KIND bits) of the first analysis of token i whose form is a word of these
   * kinds, as kindAt() finds it; 0 when there is none. (Is the org head a school head?)
   */
  kindsOfAnalysisAt(i: number, kinds: number): number {
    if ((this.kinds[this.ids[i]] & kinds) === 0) return 0;
    const ak = this.words[i].analysisKinds;
    for (let k = 0; k < ak.length; k++) if ((ak[k] & kinds) !== 0) return ak[k];
    return 0;
  }

  /** The full token (no clitic stripping) is a word of one of these kinds (KIND bits). */
  isExact(i: number, kinds: number): boolean {
    return (this.exact[this.ids[i]] & kinds) !== 0;
  }

  /** The token, or the token without one proclitic (وفي، ولم، بأن), is a common word. */
  isStop(i: number): boolean {
    // علي written على (alef maqsura in the original) is the preposition, not the name.
    const b = this.bits[this.ids[i]];
    return (b & STOP_NEAR) !== 0 && !((b & GIVEN_EXACT) !== 0 && !(this.maqsura && this.maqsura[i]));
  }

  /** Token i ends in alef maqsura in the original text (اليمنى "right", not اليمني "Yemeni"). */
  endsInMaqsura(i: number): boolean {
    return this.maqsura !== undefined && this.maqsura[i] === 1;
  }

  /** Token i (the whole word) ends a multi-word person name of the lexicon (LexiconIndex.isKnownSurname). */
  isKnownSurname(i: number): boolean {
    return (this.bits[this.ids[i]] & SURNAME) !== 0;
  }

  /** Some analysis of token i is a lexicon name by itself (WordInfo.single or singleDescriptive). */
  hasSingle(i: number): boolean {
    return (this.bits[this.ids[i]] & HAS_SINGLE) !== 0;
  }

  /** Token i's word is in second or later position of some lexicon phrase (WordInfo.innerWord). */
  isInner(i: number): boolean {
    return (this.bits[this.ids[i]] & INNER_WORD) !== 0;
  }

  /** The most words a lexicon phrase starting at token i has (WordInfo.maxPhrase; 0: none starts here). */
  maxPhraseAt(i: number): number {
    return this.phrase[this.ids[i]];
  }

  /** The context rules' facts of token i's word (rules/facts.ts), -1 until set. */
  ruleFactsAt(i: number): number {
    return this.rules[this.ids[i]];
  }

  setRuleFacts(i: number, facts: number): void {
    this.rules[this.ids[i]] = facts;
  }

  /**
   * Marks, for this document, the words some analysis of which has one of these forms
   * (then startsName() is true at their tokens). Words are found from the forms (with
   * each proclitic prefix they can take), not by testing every token of the document.
   */
  markNameStarts(forms: Iterable<string>): void {
    for (const form of forms) {
      const { hash, power } = wordHash(form);
      for (const prefix of PREFIXES) this.markIfAnalysis(prefix, form, hash, power, form);
      if (form.startsWith('ال')) {
        // لل + X is ل + الX.
        const tail = form.slice(2);
        const t = wordHash(tail);
        for (const conj of CONJ_PREFIXES) this.markIfAnalysis(conj + 'لل', tail, t.hash, t.power, form);
      }
    }
  }

  /** Marks the word prefix + rest if one of its analyses has this form. */
  private markIfAnalysis(prefix: string, rest: string, restHash: number, restPower: number, form: string): void {
    const id = this.table.find(prefix, rest, restHash, restPower);
    if (id < 0) return;
    // Words of this document all have their facts; a word without is not in it.
    // A plain loop, not analyses.some(a => a.form === form): that closure captures `form`, so
    // every call (about 15 a known name, mostly for absent words) allocated a context.
    const w = this.table.facts[id];
    if (w === undefined) return;
    const analyses = w.analyses;
    for (let k = 0; k < analyses.length; k++) {
      if (analyses[k].form === form) {
        this.nameDoc[id] = this.doc;
        return;
      }
    }
  }

  /** Some analysis of token i has one of the forms given to markNameStarts() for this document. */
  startsName(i: number): boolean {
    return this.nameDoc[this.ids[i]] === this.doc;
  }

  /** Tokens i and i+1 are adjacent (only spaces between). */
  joined(i: number): boolean {
    return i + 1 < this.tokens.length && !this.tokens[i + 1].breakBefore;
  }
}

function hasSingle(w: WordInfo): boolean {
  for (let k = 0; k < w.analyses.length; k++) if (w.single[k] !== undefined || w.singleDescriptive[k] !== undefined) return true;
  return false;
}

/** The proclitics a word can carry before the form of one of its analyses (see procliticAnalyses). */
const CONJ_PREFIXES = ['', 'و', 'ف'];
const PREFIXES = CONJ_PREFIXES.flatMap((conj) => ['', 'ب', 'ك', 'ل'].map((prep) => conj + prep));

export function makeTokenView(tokens: Token[], index: LexiconIndex, store: WordStore, doc: number, maqsura?: Uint8Array): TokenView {
  return new TokenView(tokens, index, store, doc, maqsura);
}
