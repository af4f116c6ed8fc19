/**
 * Place rules: مدينة X (the head outside the name), نهر X (the head part of it), and place
 * heads that confirm an ambiguous place (مدينة صور).
 */
import { decide, isGiven, isNonName, push, type Scan } from './facts.js';
import { KIND } from '../features.js';
import { THIRD_PERSON_SUFFIX } from '../../text/clitics.js';

/**
 * After a place head, words that agree with it or act (مدينة تاريخية، جزيرة صغيرة، منطقة
 * يقطنها) are not names: nisba adjectives in -ية, words with an attached pronoun, imperfect verbs.
 */
function looksLikeAdjectiveOrVerb(t: string): boolean {
  return /يه$/.test(t) || (t.length > 4 && THIRD_PERSON_SUFFIX.test(t)) || (t.startsWith('ي') && !t.startsWith('يو'));
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
    } else if (!lex && !isNonName(view, j) && !isGiven(view, j) && !looksLikeAdjectiveOrVerb(tokens[j].text)) {
      if (locPart) push(out, view, i, j + 1, locPart.skip, 'LOC', 'loc-part', locPart.form);
      else if (locHead) push(out, view, j, j + 1, 0, 'LOC', 'loc-head');
    }
  }
}
