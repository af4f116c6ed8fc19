/**
 * A club with its country: ليون الفرنسي، قطر القطري، بيهورا الروماني. Sports reporting names a
 * club and follows it with a masculine nationality adjective (نادٍ and فريق are masculine; a
 * city or country would take the feminine: ليون الفرنسية). In a passage about a match, a place
 * or an unknown name right before such an adjective is the club.
 */
import { hasArticle } from '../../text/clitics.js';
import { KIND, type TokenView } from '../features.js';
import { surfaceKey } from '../propagate.js';
import type { Candidate } from '../types.js';
import { decide, isCommonWord, isGiven, isNonName, push, type Scan } from './facts.js';
import { isNameLike } from './foreign-name.js';
import { SPORT_WINDOW } from './readings.js';

/** Longest unknown club name taken before the adjective. */
const MAX_NAME = 2;

/** Heads after which a place + adjective is a place with its country (مطار عمان الأردني، سوق دبي المالي). */
const HEADS = KIND['org-head'] | KIND['org-context'] | KIND['loc-head'] | KIND['loc-context'] | KIND['descriptive-head'] | KIND['misc-head'] | KIND['per-title'];

/** A masculine singular nationality adjective with the article (الفرنسي، الإسباني): not الفرنسية. */
function clubAdjective(view: TokenView, t: number): boolean {
  if (!view.isExact(t, KIND.nationality)) return false;
  const w = view.tokens[t].text;
  return hasArticle(w) && w.endsWith('ي') && !view.endsInMaqsura(t);
}

/** sportAt: the token positions of match words (matchWordsAt), in order. */
export function sportNationalityRule(s: Scan, sportAt: readonly number[]): void {
  const { view, tokens, n } = s;
  if (sportAt.length === 0) return;
  // Most passages about sport have no club adjective: find those first, looking only inside
  // the passages (within SPORT_WINDOW tokens of a match word), in token order.
  const adjectives: number[] = [];
  let from = 1;
  for (const m of sportAt) {
    const end = Math.min(n, m + SPORT_WINDOW + 1);
    for (let t = Math.max(from, m - SPORT_WINDOW); t < end; t++) if (!tokens[t].breakBefore && clubAdjective(view, t)) adjectives.push(t);
    from = Math.max(from, end);
  }
  if (adjectives.length === 0) return;
  // Lexicon matches by their last token (the adjective follows the name).
  const byLast = new Map<number, Candidate>();
  const covered = new Uint8Array(n);
  for (const c of s.lexCands) {
    const prev = byLast.get(c.last);
    if (!prev || prev.last - prev.first < c.last - c.first) byLast.set(c.last, c);
    for (let t = c.first; t < c.last; t++) covered[t] = 1;
  }
  for (const t of adjectives) {
    const c = byLast.get(t);
    if (c && covered[t] === 0) {
      if (c.first > 0 && !tokens[c.first].breakBefore && view.has(c.first - 1, HEADS)) continue;
      if (isCommonWord(view, c)) continue;
      const team = view.index.lookup(surfaceKey(view, c))?.find((r) => {
        const b = view.index.entryBasics(r.entry);
        return b.type === 'ORG' && (b.subtype === 'club' || b.subtype === 'national-team');
      });
      // كرة القدم الفرنسي: a place that needs context and is no club is the word it also is.
      if (c.type === 'ORG' ? !team || !c.ambiguous : c.type !== 'LOC' || (c.ambiguous && !team)) continue;
      decide(s, c, { type: 'ORG', entry: team?.entry, ambiguous: false, directContextOnly: false, rule: 'sport-nationality' });
      continue;
    }
    if (covered[t - 1] || covered[t]) continue;
    // فاز الروسي نيكولاي دافيدنكو: an adjective before a name is a nationality noun, the name a person.
    if (t + 1 < n && !tokens[t + 1].breakBefore && (isGiven(view, t + 1) || isNameLike(view, t + 1) || covered[t + 1])) continue;
    // An unknown name: one or two plain words (no article, not a common word, a given name or a trigger).
    let a = t;
    while (a > 0 && t - a < MAX_NAME && !tokens[a].breakBefore && !covered[a - 1] && plainWord(view, a - 1)) a--;
    if (a === t) continue;
    // The words look like a foreign name, or a score follows (تعادل مع بيهورا الروماني 1 - 1).
    const score = t + 1 < n && /^[0-9]/.test(tokens[t + 1].text);
    let named = true;
    for (let k = a; k < t; k++) if (!isNameLike(view, k)) named = false;
    if (!named && !score) continue;
    if (a > 0 && !tokens[a].breakBefore && view.has(a - 1, HEADS)) continue;
    // وفنربغشة التركي: a list of clubs joins them with و, which is not part of the name.
    const wa = view.words[a].analyses.find((x) => x.clitics === 'و');
    push(s.out, view, a, t, wa ? wa.skip : 0, 'ORG', 'sport-nationality', wa?.form);
  }
}

function plainWord(view: TokenView, k: number): boolean {
  const t = view.tokens[k].text;
  return !hasArticle(t) && !/^[0-9]/.test(t) && !isNonName(view, k) && !isGiven(view, k) && !view.has(k, KIND['sport-context']);
}
