/**
 * Evidence for person names nobody listed: imported name words (kind `name-word`, from
 * Wikidata) and the name-shape score (letters of a transliterated foreign name: ـوف، ـسكي،
 * ـيتش، ـيني). Neither tags a word alone: a run of name-like words becomes a person only
 * in a context that expects one (after a nationality noun, beside a known person).
 */
import { hasArticle } from '../../text/clitics.js';
import { KIND, type TokenView } from '../features.js';
import { NAME_LIKE, NAME_LIKE_KNOWN, NAME_WORD, NON_NAME_KINDS, NON_NAME_WORD, isGiven, isNonName, push, ruleFacts, type Scan } from './facts.js';

const MAX_RUN = 5;

/**
 * NAME_WORD / NAME_LIKE bits of token i's word (called once per word by ruleFacts). The
 * shape score of a word no list has is left for isNameLike to compute: most new words of a
 * corpus are never asked about, and scoring every one cost about 4% of a run.
 */
export function nameWordFacts(view: TokenView, i: number, facts: number): number {
  const t = view.tokens[i].text;
  if ((facts & NON_NAME_WORD) !== 0 || view.isExact(i, KIND.stop | KIND['name-word-weak']) || t.length < 3) return NAME_LIKE_KNOWN;
  if (view.isExact(i, KIND['name-word'])) return NAME_WORD | NAME_LIKE | NAME_LIKE_KNOWN;
  if (hasArticle(t) || t.length < 4) return NAME_LIKE_KNOWN;
  return 0;
}

/** Token i's word is name-like: a name word, or shaped like a transliterated foreign name (scored once per word, on first need). */
export function isNameLike(view: TokenView, i: number): boolean {
  let f = ruleFacts(view, i);
  if ((f & NAME_LIKE_KNOWN) === 0) {
    f |= NAME_LIKE_KNOWN | (view.index.nameShape(view.tokens[i].text) > 0 ? NAME_LIKE : 0);
    view.setRuleFacts(i, f);
  }
  return (f & NAME_LIKE) !== 0;
}

/** Token k can be a word of a foreign name: name-like, not a common word, not a place or organisation the lexicon knows. */
export function nameLikeAt(s: Scan, k: number): boolean {
  if (k >= s.n || !isNameLike(s.view, k) || s.view.isStop(k)) return false;
  const lex = s.starts.get(k);
  return !lex || lex.type === 'PER' || lex.ambiguous;
}

/**
 * Length of a run of name-like words from token j (particles inside it included), 0 when
 * token j is not name-like. A word starting with و after the first starts another name.
 */
export function nameRunLength(s: Scan, j: number): number {
  const { view, tokens } = s;
  let k = j;
  while (k < s.n && k - j < MAX_RUN) {
    if (k > j && (tokens[k].breakBefore || (tokens[k].text.startsWith('و') && !isGiven(view, k) && (ruleFacts(view, k) & NAME_WORD) === 0))) break;
    if (k > j && view.isExact(k, KIND['name-particle']) && view.joined(k) && nameLikeAt(s, k + 1)) {
      k += 2;
      continue;
    }
    if (!nameLikeAt(s, k) && !(isGiven(view, k) && !isNonName(view, k))) break;
    k++;
  }
  return k - j;
}

/**
 * للكيني كيبلاغات كيبكورير، والتشيكي بافل نيدفيد: a nationality adjective used as a noun
 * (with the article), then two or more name-like words, is a person.
 */
export function nationalityNameRule(s: Scan, i: number): void {
  const { view, tokens } = s;
  const a = view.kindAt(i, KIND.nationality);
  if (!a || !a.form.startsWith('ال') || !view.joined(i)) return;
  const j = i + 1;
  if (hasArticle(tokens[j].text)) return;
  const len = nameRunLength(s, j);
  if (len >= 2) push(s.out, view, j, j + len, 0, 'PER', 'nationality-name');
}

/** The rules of this module over one document (one stage of matchPatterns). */
export function foreignNameRules(s: Scan): void {
  for (let i = 0; i + 1 < s.n; i++) if (s.view.has(i, KIND.nationality)) nationalityNameRule(s, i);
  // Where unambiguous lexicon persons end, marked once (not a scan of them per token).
  const lexEnds = new Uint8Array(s.n + 1);
  for (const c of s.lexCands) if (c.type === 'PER' && !c.ambiguous) lexEnds[c.last] = 1;
  // Only a word that starts with و can be و + the next name (one code-unit test per token).
  for (let i = 1; i < s.n; i++) if (s.tokens[i].text.charCodeAt(0) === 0x0648) coordinatedNameRule(s, i, lexEnds);
}

/** Does a person found so far (a rule's, or an unambiguous lexicon one: lexEnds) end right before token i? */
function personEndsAt(s: Scan, i: number, lexEnds: Uint8Array): boolean {
  if (lexEnds[i]) return true;
  for (let k = s.out.length - 1; k >= 0 && k >= s.out.length - 6; k--) if (s.out[k].type === 'PER' && s.out[k].last === i) return true;
  return false;
}

/**
 * عنان وصبري، كانافارو وإيمرسون: و + a name word or given name right after a known person is
 * the next person of the list (one word, or a run of name-like words).
 */
export function coordinatedNameRule(s: Scan, i: number, lexEnds: Uint8Array): void {
  const { view, tokens } = s;
  // وزير is a title, not و + زير: the whole word must not be a word of the sentence.
  if (i === 0 || tokens[i].breakBefore || !tokens[i].text.startsWith('و') || isNonName(view, i) || !personEndsAt(s, i, lexEnds)) return;
  const w = view.words[i];
  for (let m = 1; m < w.analyses.length; m++) {
    const a = w.analyses[m];
    if (a.clitics !== 'و' || a.form.length < 3 || hasArticle(a.form)) continue;
    const kinds = w.analysisKinds[m];
    if ((kinds & (KIND.stop | KIND['name-word-weak'] | NON_NAME_KINDS)) !== 0) continue;
    // A given name, or a name word of foreign shape (وترك is "and left", ترك also a name).
    if ((kinds & (KIND.male | KIND.female)) === 0 && !((kinds & KIND['name-word']) !== 0 && view.index.nameShape(a.form) > 0)) continue;
    const lex = s.starts.get(i);
    if (lex && !lex.ambiguous && lex.type !== 'PER') return;
    let len = 1;
    while (len < MAX_RUN && i + len < s.n && view.joined(i + len - 1) && !tokens[i + len].text.startsWith('و') && nameLikeAt(s, i + len)) len++;
    push(s.out, view, i, i + len, a.skip, 'PER', 'coordinated-name', a.form);
    return;
  }
}
