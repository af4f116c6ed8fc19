/**
 * Place rules: مدينة X (the head outside the name), نهر X (the head part of it), and place
 * heads that confirm an ambiguous place (مدينة صور).
 */
import { CONNECTOR_WORD, WA_GIVEN, WA_KUNYA, decide, isGiven, isNonName, push, ruleFacts, type Scan } from './facts.js';
import { KIND } from '../features.js';
import { isNameLike } from './foreign-name.js';
import { THIRD_PERSON_SUFFIX, hasArticle } from '../../text/clitics.js';

/**
 * After a place head, words that agree with it or act (مدينة تاريخية، جزيرة صغيرة، منطقة
 * يقطنها) are not names: nisba adjectives in -ية, words with an attached pronoun, imperfect verbs.
 */
function looksLikeAdjectiveOrVerb(t: string): boolean {
  return /يه$/.test(t) || (t.length > 4 && THIRD_PERSON_SUFFIX.test(t)) || (t.startsWith('ي') && !t.startsWith('يو')) || looksLikeCommonWord(t);
}

/**
 * More shapes of the word after a place head that make it a common word, not the place's
 * name (the head then heads a noun phrase: بلدة ومستوطنة، جزيرة صغيرة، قرية عائمة، مدينة
 * مقدسة، سهل تحيط به، محيط جغرافي، مقاطعة المنتجات، قرية المعرفة، قناة للتفاوض):
 * - و + a feminine noun (coordination of two common nouns);
 * - the adjective templates فعيلة، فاعلة، مفعّلة (five letters ending in ة);
 * - a short imperfect verb in ت- (تحيط، تنساب);
 * - a nisba adjective in -ي of five to seven letters (not -اي/-وي/-يي: longer words and those
 *   endings are frequent in foreign names);
 * - the article with a feminine or plural ending (المعرفة، المنتجات) or لل- (to the).
 * Known places never get here (the lexicon reads them first).
 */
function looksLikeCommonWord(t: string): boolean {
  if (/^و.{3,}ه$/.test(t)) return true;
  if (t.length === 5 && /^(..ي.ه|.ا..ه|م...ه)$/.test(t)) return true;
  if (t.startsWith('ت') && t.length >= 4 && t.length <= 5) return true;
  if (t.length >= 5 && t.length <= 7 && /[^اوي]ي$/.test(t)) return true;
  return /^(ال|بال|وال|فال|كال).{2,}(ه|ات)$/.test(t) || t.startsWith('لل');
}

/**
 * A name is definite, so its adjective takes the article (مدينة ستنفجر النرويجية); a
 * nationality adjective without it (قصف إسرائيلي) shows that the word before is a common noun.
 */
function indefiniteAdjectiveAfter(view: Scan['view'], j: number): boolean {
  return view.joined(j) && j + 1 < view.tokens.length && view.kindAt(j + 1, KIND.nationality) !== undefined && !hasArticle(view.tokens[j + 1].text);
}

/**
 * A two-word foreign name after the head (مدينة سان فيسينتي): the next word is shaped like a
 * transliterated name, not a common word, and carries no article or proclitic (those begin
 * the rest of the sentence: جاوا الغربية، بنديرادلي بدعم).
 */
function secondWord(s: Scan, j: number): boolean {
  const { view, starts } = s;
  const k = j + 1;
  if (!view.joined(j) || k >= view.tokens.length || starts.has(k)) return false;
  const t = view.tokens[k].text;
  return !/^[وبلفك]/.test(t) && !hasArticle(t) && !isNonName(view, k) && !looksLikeAdjectiveOrVerb(t) && isNameLike(view, k);
}

/** Place heads (مدينة X: the head outside) and place parts (نهر X: the head inside). */
export function placeHeadRule(s: Scan, i: number): void {
  const { view, tokens, starts, out } = s;
  const locHead = view.kindAt(i, KIND['loc-head']);
  const locPart = view.kindAt(i, KIND['loc-part']);
  const locCtx = view.kindAt(i, KIND['loc-context']);
  if ((locHead || locPart || locCtx) && view.joined(i)) {
    const j = i + 1;
    const lex = starts.get(j);
    if (lex && lex.type === 'LOC') {
      decide(s, lex, { ambiguous: false });
      if (locPart) push(out, view, i, lex.last, locPart.skip, 'LOC', 'loc-part', locPart.form);
    } else if (!lex && !isNonName(view, j) && !isGiven(view, j) && (ruleFacts(view, j) & (CONNECTOR_WORD | WA_GIVEN | WA_KUNYA)) === 0 && !looksLikeAdjectiveOrVerb(tokens[j].text) && !indefiniteAdjectiveAfter(view, j)) {
      if (locPart) push(out, view, i, j + 1, locPart.skip, 'LOC', 'loc-part', locPart.form);
      else if (locHead) push(out, view, j, secondWord(s, j) ? j + 2 : j + 1, 0, 'LOC', 'loc-head');
    }
  }
}
