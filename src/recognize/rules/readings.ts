/**
 * Readings of lexicon matches that their neighbours change before the rules run: an
 * adjective (سورية after a noun), an event or prize name (جائزة نوبل), quotes (« نيسان »),
 * a sports word or a passage about a match (a city is its club).
 */
import { KIND, type TokenView } from '../features.js';
import { surfaceKey } from '../propagate.js';
import type { Candidate } from '../types.js';
import { isCommonWord } from './facts.js';
import { takeOrgReading } from './organisation.js';

/** Tokens either side in which sports words make a passage about sport. */
const SPORT_WINDOW = 100;

/**
 * Sports words that only sports reporting uses (not امام، مواجهة، هزم, which war reporting
 * shares): they make a passage about sport.
 */
export const MATCH_WORDS = new Set(['مباراه', 'المباراه', 'فريق', 'الفريق', 'لاعب', 'اللاعب', 'مدرب', 'المدرب', 'حارس', 'مرمي', 'مهاجم', 'ناديه', 'مضيفه', 'ضيفه', 'منافسه', 'تعادل']);

/** Readings of lexicon matches that their neighbours change (an adjective, an event name, quotes, a sports word). */
export function adjustReadings(view: TokenView, lexCands: Candidate[]): void {
  const { tokens } = view;
  // سورية is Syria, and also the adjective "Syrian" (f.): after a noun it is the adjective.
  for (const c of lexCands) {
    if (c.type !== 'LOC' || c.last - c.first !== 1 || !view.isExact(c.first, KIND.nationality)) continue;
    const p = c.first - 1;
    if (p < 0 || tokens[c.first].breakBefore) continue;
    const afterNoun = !view.isStop(p) || view.has(p, KIND['org-head'] | KIND['descriptive-head']);
    if (afterNoun && !view.has(p, KIND['loc-context'] | KIND['loc-head'])) {
      c.ambiguous = true;
      c.directContextOnly = true;
    }
  }
  for (const c of lexCands) {
    // اتفاق الطائف، جائزة نوبل: a place or person inside an event or prize name is not tagged.
    // سعادة الدكتور، سمو الأمير: a one-word name right before a title is an honorific.
    if (c.type === 'PER' && c.last - c.first === 1 && c.ambiguous && view.joined(c.first) && view.has(c.last, KIND['per-title'])) {
      c.directContextOnly = true;
    }
    if ((c.type === 'LOC' || (c.type === 'PER' && c.last - c.first === 1)) && c.first > 0 && view.joined(c.first - 1) && view.kindAt(c.first - 1, KIND['misc-head'])) {
      c.ambiguous = true;
      c.directContextOnly = true;
    }
  }
  // « نيسان », « الشرق الأوسط »: a quoted name with an organisation reading is that organisation.
  for (const c of lexCands) {
    // (Not a quoted adjective: " العربية " is emphasis, not the channel.)
    if (tokens[c.first].quoteBefore && tokens[c.last - 1].quoteAfter && !(c.last - c.first === 1 && view.isExact(c.first, KIND.nationality))) takeOrgReading(view, c);
  }
  // حارس مرمى مانشستر، أمام ليفربول: after a sports word a city is its club.
  for (const c of lexCands) {
    if (c.type !== 'LOC' || c.first === 0 || c.entry === undefined) continue;
    const sub = view.index.entryBasics(c.entry).subtype;
    if ((sub === 'city' || sub === 'capital') && view.kindAt(c.first - 1, KIND['sport-context']) && view.joined(c.first - 1)) {
      c.type = 'ORG';
      c.entry = undefined;
      c.rule = 'sport-club';
    }
  }
}

/**
 * اقترب برشلونة من اللقب، مباراة العنابي: in a passage about a match, a name that is also a
 * club or a national team (a city, or an ambiguous nickname) is the team.
 */
export function sportPassages(view: TokenView, lexCands: Candidate[]): void {
  const n = view.tokens.length;
  const sportAt: number[] = [];
  for (let t = 0; t < n; t++) {
    if (!view.has(t, KIND['sport-context'])) continue;
    const a = view.kindAt(t, KIND['sport-context']);
    if (a && MATCH_WORDS.has(a.form)) sportAt.push(t);
  }
  const sportsNear = (t: number): number => {
    let count = 0;
    for (const s of sportAt) if (s >= t - SPORT_WINDOW && s <= t + SPORT_WINDOW) count++;
    return count;
  };
  if (sportAt.length >= 1) {
    for (const c of lexCands) {
      if (c.type === 'ORG' && !c.ambiguous) continue;
      if (c.type !== 'ORG' && !(c.type === 'LOC' && c.entry !== undefined && view.index.entryBasics(c.entry).subtype === 'city')) continue;
      const team = view.index.lookup(surfaceKey(view, c))?.find((r) => {
        const b = view.index.entryBasics(r.entry);
        return b.type === 'ORG' && (b.subtype === 'club' || b.subtype === 'national-team');
      });
      // تشرين the month, الاتحاد the union: a common word needs the sports word right before it.
      const common = isCommonWord(view, c);
      const close = c.first > 0 && view.joined(c.first - 1) && view.kindAt(c.first - 1, KIND['sport-context']) !== undefined;
      if (team && sportsNear(c.first) >= 1 && (!common || close)) {
        c.type = 'ORG';
        c.entry = team.entry;
        c.ambiguous = false;
        c.directContextOnly = false;
        c.rule = 'sport-passage';
      }
    }
  }
}
