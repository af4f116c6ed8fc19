/**
 * Readings of lexicon matches that their neighbours change before the rules run: an
 * adjective (سورية after a noun), an event or prize name (جائزة نوبل), quotes (« نيسان »),
 * a sports word or a passage about a match (a city is its club).
 */
import { KIND, type TokenView } from '../features.js';
import { surfaceKey } from '../propagate.js';
import type { Candidate, Decision } from '../types.js';
import { isCommonWord } from './facts.js';
import { orgReading } from './organisation.js';

/** Tokens either side in which sports words make a passage about sport. */
export const SPORT_WINDOW = 100;

/*
 * Each function below is one stage: it reads the lexicon matches and returns its decisions
 * about them (Decision: a candidate and its change), which matchPatterns applies before the
 * next stage. Within a stage no decision depends on another one of the same stage.
 */

/** سورية is Syria, and also the adjective "Syrian" (f.): after a noun it is the adjective. */
export function adjectiveReadings(view: TokenView, lexCands: readonly Candidate[]): Decision[] {
  const { tokens } = view;
  const out: Decision[] = [];
  for (const c of lexCands) {
    if (c.type !== 'LOC' || c.last - c.first !== 1 || !view.isExact(c.first, KIND.nationality)) continue;
    const p = c.first - 1;
    if (p < 0 || tokens[c.first].breakBefore) continue;
    const afterNoun = !view.isStop(p) || view.has(p, KIND['org-head'] | KIND['descriptive-head']);
    if (afterNoun && !view.has(p, KIND['loc-context'] | KIND['loc-head'])) {
      out.push({ target: c, change: { ambiguous: true, directContextOnly: true } });
    }
  }
  return out;
}

/** Names inside an event or prize name, and honorifics before a title: not names by themselves. */
export function eventReadings(view: TokenView, lexCands: readonly Candidate[]): Decision[] {
  const out: Decision[] = [];
  for (const c of lexCands) {
    // اتفاق الطائف، جائزة نوبل: a place or person inside an event or prize name is not tagged.
    // سعادة الدكتور، سمو الأمير: a one-word name right before a title is an honorific.
    if (c.type === 'PER' && c.last - c.first === 1 && c.ambiguous && view.joined(c.first) && view.has(c.last, KIND['per-title'])) {
      out.push({ target: c, change: { directContextOnly: true } });
    }
    if ((c.type === 'LOC' || (c.type === 'PER' && c.last - c.first === 1)) && c.first > 0 && view.joined(c.first - 1) && view.kindAt(c.first - 1, KIND['misc-head'])) {
      out.push({ target: c, change: { ambiguous: true, directContextOnly: true } });
    }
  }
  return out;
}

/** « نيسان », « الشرق الأوسط »: a quoted name with an organisation reading is that organisation. */
export function quotedReadings(view: TokenView, lexCands: readonly Candidate[]): Decision[] {
  const { tokens } = view;
  const out: Decision[] = [];
  for (const c of lexCands) {
    // (Not a quoted adjective: " العربية " is emphasis, not the channel.)
    if (tokens[c.first].quoteBefore && tokens[c.last - 1].quoteAfter && !(c.last - c.first === 1 && view.isExact(c.first, KIND.nationality))) {
      const change = orgReading(view, c);
      if (change) out.push({ target: c, change });
    }
  }
  return out;
}

/** حارس مرمى مانشستر، أمام ليفربول: after a sports word a city is its club. */
export function sportClubReadings(view: TokenView, lexCands: readonly Candidate[]): Decision[] {
  const out: Decision[] = [];
  for (const c of lexCands) {
    if (c.type !== 'LOC' || c.first === 0 || c.entry === undefined) continue;
    const sub = view.index.entryBasics(c.entry).subtype;
    if ((sub === 'city' || sub === 'capital') && view.kindAt(c.first - 1, KIND['sport-context']) && view.joined(c.first - 1)) {
      out.push({ target: c, change: { type: 'ORG', entry: undefined, rule: 'sport-club' } });
    }
  }
  return out;
}

/**
 * اقترب برشلونة من اللقب، مباراة العنابي: in a passage about a match, a name that is also a
 * club or a national team (a city, or an ambiguous nickname) is the team.
 */
export function sportPassages(view: TokenView, lexCands: readonly Candidate[], sportAt: readonly number[]): Decision[] {
  const out: Decision[] = [];
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
        out.push({ target: c, change: { type: 'ORG', entry: team.entry, ambiguous: false, directContextOnly: false, rule: 'sport-passage' } });
      }
    }
  }
  return out;
}

/**
 * Token positions of match words, in order. Kind match-word: sports words that only sports
 * reporting uses (not امام، مواجهة، هزم, which war reporting shares) make a passage about sport.
 */
export function matchWordsAt(view: TokenView): number[] {
  const at: number[] = [];
  for (let t = 0; t < view.tokens.length; t++) {
    if (!view.has(t, KIND['sport-context'])) continue;
    if ((view.kindsOfAnalysisAt(t, KIND['sport-context']) & KIND['match-word']) !== 0) at.push(t);
  }
  return at;
}
