/**
 * Sports results tables. Draws and results list fixtures as
 *   ليل ( فرنسا ) - ميلان ( ايطاليا ) صفر - صفر
 * a name, its country in brackets, a dash, the other name and its country. Both names are
 * then clubs, even when they are cities (ليون، موسكو in سبارتاك موسكو) or unknown words;
 * the bracketed countries stay places, as ANERcorp tags them.
 */
import { KIND } from '../features.js';
import { surfaceKey } from '../propagate.js';
import type { Candidate } from '../types.js';
import { decide, push, type Scan } from './facts.js';

/** Longest club name taken before a bracketed country. */
const MAX_NAME = 4;

function isCountryAt(s: Scan, t: number, byFirst: Map<number, Candidate>): boolean {
  const c = byFirst.get(t);
  if (!c || c.type !== 'LOC' || c.entry === undefined || c.last !== t + 1) return false;
  return s.view.index.entryBasics(c.entry).subtype === 'country';
}

/** The first token of the name that ends right before token end (adjacent words, no punctuation). */
function nameStart(s: Scan, end: number): number {
  const { tokens, view } = s;
  let a = end - 1;
  while (a > 0 && end - a < MAX_NAME && !tokens[a].breakBefore && !/^[0-9]/.test(tokens[a - 1].text) && !view.isStop(a - 1) && !view.has(a - 1, KIND['sport-context'])) a--;
  return a;
}

/** Make the tokens [a, b) one club: retype a lexicon place that covers them, or add a rule mention. */
function makeClub(s: Scan, a: number, b: number, byFirst: Map<number, Candidate>): void {
  const c = byFirst.get(a);
  if (c && c.last === b) {
    if (c.type === 'ORG') {
      decide(s, c, { ambiguous: false });
      return;
    }
    const team = s.view.index.lookup(surfaceKey(s.view, c))?.find((r) => s.view.index.entryType(r.entry) === 'ORG');
    decide(s, c, { type: 'ORG', entry: team?.entry, ambiguous: false, directContextOnly: false, rule: 'sport-results' });
    return;
  }
  push(s.out, s.view, a, b, 0, 'ORG', 'sport-results');
}

export function sportsResultsRule(s: Scan, text: string | undefined): void {
  if (text === undefined) return;
  const { tokens, n } = s;
  const gap = (t: number): string => text.slice(tokens[t - 1].end, tokens[t].start);
  // (The scan's readings by first token: a club decided below is seen by the next fixture.)
  const byFirst = s.starts;
  for (let t = 1; t + 1 < n; t++) {
    // X ( C ) - Y ( C2 ): t is C (most tokens have no punctuation before them: no slice).
    if (!tokens[t].breakBefore || !gap(t).includes('(') || !isCountryAt(s, t, byFirst)) continue;
    const after = gap(t + 1);
    if (!/\)\s*[-–]/.test(after)) continue;
    let c2 = t + 2;
    while (c2 < n && c2 - (t + 1) <= MAX_NAME && !tokens[c2].breakBefore) c2++;
    if (c2 >= n || c2 === t + 1 || !gap(c2).includes('(') || !isCountryAt(s, c2, byFirst)) continue;
    if (c2 + 1 < n && !gap(c2 + 1).includes(')')) continue;
    const x = nameStart(s, t);
    makeClub(s, x, t, byFirst);
    makeClub(s, t + 1, c2, byFirst);
  }
}
