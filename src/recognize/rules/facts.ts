/**
 * What the context rules share: the word lists that shape names, the per-word facts the
 * rules ask at many tokens (as bits, computed once per word), the lexicon matches indexed
 * by first token, and the few questions every rule family asks (is this a given name, a
 * title, a word that cannot be part of a name).
 */
import type { EntityType } from '../../model.js';
import { PRONOUN_SUFFIX, hasArticle } from '../../text/clitics.js';
import type { Token } from '../../text/tokenize.js';
import { KIND, type TokenView } from '../features.js';
import { candidate, type Candidate, type Change, type LexiconReadings, type RecognizeOptions } from '../types.js';
import { nameWordFacts } from './foreign-name.js';

/*
 * The words inside names (بن، ابو، عبد، ولد ...) are word kinds of lexicons/words/name-parts.tsv:
 * `name-connector`, `kunya`, `compound-first`, `inner-connector` (see CONNECTOR_KINDS).
 */

/** بن X، ابو X، عبد X، آل X: the connector and the next word go together. */
export const CONNECTOR_KINDS = KIND['name-connector'] | KIND.kunya | KIND['compound-first'];

/** Kinds of words that end, or cannot be part of, a name (with common words and exact nationality adjectives). */
export const NON_NAME_KINDS =
  KIND['per-title'] | KIND['title-mod'] | KIND['org-head'] | KIND['org-context'] | KIND['org-label'] | KIND['descriptive-head'] | KIND['misc-head'] | KIND['loc-head'] | KIND['loc-context'] | KIND['speech-verb'];

/** Kinds that start one of the head rules of the main loop (organisation, speech, place). */
export const HEAD_KINDS = KIND['org-head'] | KIND['org-context'] | KIND['org-label'] | KIND['speech-verb'] | KIND['loc-head'] | KIND['loc-part'] | KIND['loc-context'];

export const GIVEN = KIND.male | KIND.female;

/**
 * Facts of a word (not of a token) that the rules below ask at many tokens, as bits of
 * TokenView.ruleFactsAt(), computed on first use: the per-token rules then read bits. None of
 * them may depend on the token's neighbours.
 */
export const NON_NAME_WORD = 1; // a digit, a single letter, a word of NON_NAME_KINDS or an exact nationality adjective

export const KUNYA_WORD = 2; // kind kunya

export const COMPOUND_WORD = 4; // kind compound-first

export const CONNECTOR_WORD = 8; // CONNECTOR_KINDS

export const FAMILY_WORD = 16; // looksLikeFamilyName

export const WA_GIVEN = 32; // و + a given name (ومحمد)

export const TITLE_FIRST = 64; // some analysis starts a multi-word title (آية الله)

export const STARTS_RULE = 128; // a title, a possible given name or kunya, و + a given name or kunya, or a head word: see matchPatterns

export const INNER_CONNECTOR_WORD = 256; // kind inner-connector

export const WA_KUNYA = 512; // و + a kunya (وابو)

export const NAME_WORD = 1024; // the whole word is an imported person-name word (kind name-word), not a common word

export const NAME_LIKE = 2048; // NAME_WORD, or a word without the article shaped like a transliterated foreign name (see foreign-name.ts)

export const NAME_LIKE_KNOWN = 4096; // NAME_LIKE is decided; else the shape score is computed when a rule first asks (isNameLike)

export function ruleFacts(view: TokenView, i: number): number {
  const f = view.ruleFactsAt(i);
  return f === -1 ? computeRuleFacts(view, i) : f;
}

/*
 * The slow path of ruleFacts, apart: a function with closures that capture its arguments
 * allocates a context object on every call, so ruleFacts (asked at most tokens many times)
 * has none, and the loops below are plain loops.
 */
function computeRuleFacts(view: TokenView, i: number): number {
  const w = view.words[i];
  const t = view.tokens[i].text;
  let f = 0;
  if (/^[0-9]/.test(t) || t.length < 2 || (w.kinds & NON_NAME_KINDS) !== 0 || (w.exact & KIND.nationality) !== 0) f |= NON_NAME_WORD;
  if ((w.exact & KIND.kunya) !== 0) f |= KUNYA_WORD;
  if ((w.exact & KIND['compound-first']) !== 0) f |= COMPOUND_WORD;
  if ((w.exact & CONNECTOR_KINDS) !== 0) f |= CONNECTOR_WORD;
  if ((w.exact & KIND['inner-connector']) !== 0) f |= INNER_CONNECTOR_WORD;
  if (looksLikeFamilyName(view, i)) f |= FAMILY_WORD;
  const { analyses, analysisKinds } = w;
  for (let k = 0; k < analyses.length; k++) {
    if (analyses[k].clitics === 'و' && (analysisKinds[k] & GIVEN) !== 0) {
      f |= WA_GIVEN;
      break;
    }
  }
  for (let k = 0; k < analyses.length; k++) {
    if (analyses[k].clitics === 'و' && (analysisKinds[k] & KIND.kunya) !== 0) {
      f |= WA_KUNYA;
      break;
    }
  }
  for (let k = 0; k < analyses.length; k++) {
    if (view.index.startsMultiWord('per-title', analyses[k].form)) {
      f |= TITLE_FIRST;
      break;
    }
  }
  f |= nameWordFacts(view, i, f);
  if ((w.kinds & (KIND['per-title'] | HEAD_KINDS)) !== 0 || (w.exact & GIVEN) !== 0 || (f & (TITLE_FIRST | KUNYA_WORD | COMPOUND_WORD | WA_GIVEN | WA_KUNYA)) !== 0) f |= STARTS_RULE;
  view.setRuleFacts(i, f);
  return f;
}

/** A one-word candidate that is a common word (كان، حقوق): context words do not make it a name. */
export function isCommonWord(view: TokenView, c: Candidate): boolean {
  return c.last - c.first === 1 && view.isStop(c.first);
}

/** Index of lexicon candidates by first token, for rules that build on them. */
export type LexiconStarts = Map<number, Candidate>;

export function lexiconStarts(cands: Candidate[]): LexiconStarts {
  const m: LexiconStarts = new Map();
  for (const c of cands) m.set(c.first, c);
  return m;
}

/** The lexicon candidate at token j, unless it is a clitic reading of a given name (ك+ريم in كريم). */
export function knownAt(view: TokenView, starts: LexiconStarts, j: number): Candidate | undefined {
  const c = starts.get(j);
  if (c && c.start > view.tokens[j].start && (view.isExact(j, GIVEN))) return undefined;
  return c;
}

/** True when token i is a word that ends or cannot be part of a name. */
export function isNonName(view: TokenView, i: number): boolean {
  return (ruleFacts(view, i) & NON_NAME_WORD) !== 0 || view.isStop(i);
}

/**
 * After a given name, is this word a family name rather than the next word of the sentence
 * (فارس تزايد، حمدان بالتحدث)? Known family names, nisba forms (-ي) and definite words
 * without other proclitics (البرادعي، القباج) are; words with a proclitic + article
 * (بالتحدث، والانتشار) or an attached pronoun (اراضيها) are not.
 */
export function looksLikeFamilyName(view: TokenView, k: number): boolean {
  const t = view.tokens[k].text;
  if (view.isKnownSurname(k)) return true;
  // ومصطفى after جمال حمزة starts the next name of a list.
  const w = view.words[k];
  if (w.analyses.some((a, m) => a.clitics === 'و' && (w.analysisKinds[m] & GIVEN) !== 0)) return false;
  if (PRONOUN_SUFFIX.test(t) && t.length > 4) return false;
  if (view.words[k].analyses.some((a) => a.skip > 0 && a.form.startsWith('ال'))) return false;
  if (hasArticle(t)) return t.endsWith('ي') || view.isExact(k, KIND.male);
  // فايزة أبوالنجا، أشرف أبوالهول: a family name that is a kunya written as one word.
  if (t.startsWith('ابو') && t.length >= 6 && view.maxPhraseAt(k) === 0) return true;
  return t.endsWith('ي') && t.length >= 4;
}

export function isGiven(view: TokenView, i: number): boolean {
  const f = ruleFacts(view, i);
  if (f & KUNYA_WORD) return view.joined(i) && isGiven(view, i + 1);
  if (view.isStop(i)) return false;
  return view.isExact(i, GIVEN) || ((f & COMPOUND_WORD) !== 0 && i + 1 < view.tokens.length);
}

export function push(out: Candidate[], view: TokenView, first: number, last: number, skip: number, type: EntityType, rule: string, firstForm?: string): void {
  const { tokens } = view;
  out.push(candidate(first, last, tokens[first].start + skip, tokens[last - 1].end, type, 'pattern', undefined, false, rule, firstForm));
}

/** Length in tokens of a (possibly two-token) title at token i, 0 when there is none. */
export function triggerAt(view: TokenView, i: number): number {
  const { tokens, index } = view;
  if ((ruleFacts(view, i) & TITLE_FIRST) !== 0 && view.joined(i)) {
    for (const a of view.words[i].analyses) if (index.startsMultiWord('per-title', a.form) && index.isWord('per-title', a.form + ' ' + tokens[i + 1].text)) return 2;
  }
  return view.has(i, KIND['per-title']) ? 1 : 0;
}

/**
 * What the rules share while they scan one document: their inputs (view, tokens, opts) and
 * their two outputs, the candidates they find (out) and the lexicon matches as they read
 * them (readings: lexCands, by first token in starts), which a rule changes only with decide().
 */
export interface Scan {
  view: TokenView;
  tokens: Token[];
  n: number;
  starts: LexiconStarts;
  lexCands: Candidate[];
  out: Candidate[];
  opts: RecognizeOptions;
  readings: LexiconReadings;
}

/** A rule's decision about a lexicon match (another reading, context found): later rules see it. */
export function decide(s: Scan, c: Candidate, change: Change): void {
  s.readings.decide(c, change);
}
