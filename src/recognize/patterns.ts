/**
 * Context rules for names no lexicon has. Every trigger word lives in lexicons/words/;
 * the rules here only say how triggers, given names and lexicon matches combine.
 *
 *  - title:      a person title (الرئيس، الجنرال، الشيخ ...), optional modifiers and
 *                nationality adjectives (الرئيس الروسي، وزير الخارجية الامريكي), then a name.
 *  - given-name: a given name followed by more given names / connectors (بن، ابو، عبد)
 *                and a family name (قاسم سليماني).
 *  - org-head:   an organisation head noun in construct with a name (فيلق القدس، جامعة دمشق,
 *                قوات + a known ORG), with a nationality adjective (الجيش السوري), or
 *                followed by a quoted name (شبكة "نهرين نت": the quoted name alone).
 *  - loc-head:   مدينة، محافظة ... + a name (the head stays outside the span);
 *                loc-part: نهر، جبل، بحيرة ... + a name (the head is part of it).
 * They also give context that confirms ambiguous lexicon matches (مدينة صور).
 * The rules live in rules/, one module per family; this module runs them over a document.
 */
import { KIND, type TokenView } from './features.js';
import { LexiconReadings, type Candidate, type RecognizeOptions } from './types.js';
import { HEAD_KINDS, STARTS_RULE, ruleFacts, triggerAt, type Scan } from './rules/facts.js';
import { givenNameRule, speechVerbRule, titleRule } from './rules/person.js';
import { orgContextRule, orgHeadRule, orgDatelineRule, orgLabelRule, orgNationalityRule } from './rules/organisation.js';
import { placeHeadRule } from './rules/place.js';
import { foreignNameRules } from './rules/foreign-name.js';
import { personContextRules } from './rules/person-context.js';
import { latinNameRules } from './rules/latin-names.js';
import { sportsResultsRule } from './rules/sports.js';
import { adjectiveReadings, eventReadings, matchWordsAt, quotedReadings, sportClubReadings, sportPassages } from './rules/readings.js';
import { sportNationalityRule } from './rules/sport-nationality.js';
import { bracketOrgReading, clubAdjectiveOutside } from './rules/org-readings.js';

export { isCommonWord } from './rules/facts.js';

/** What the rules give: the lexicon matches as they read them, and the names they found. */
export interface PatternResult {
  /** Copies of the lexicon matches, with the rules' decisions applied (another reading, context found). */
  lexicon: Candidate[];
  /** New candidates, in the order the rules found them. */
  found: Candidate[];
}

/*
 * Each rule is its own function, called from one loop: V8 optimises and, when a rarely
 * taken branch is first met, deoptimises and recompiles a rule on its own. As one 250-line
 * function every such event recompiled all of it (about 200 ms of compiler time each, ten
 * times in a 20 MB run), which kept a second core busy and halved --jobs 2's gain.
 */
/**
 * The rules, in the order they run. text: the normalised text the tokens index into (the
 * Latin rules read brackets between tokens). The lexicon matches given are not changed: the
 * rules decide about copies of them.
 */
export function matchPatterns(view: TokenView, lexicon: readonly Candidate[], opts: RecognizeOptions = {}, text?: string): PatternResult {
  const readings = new LexiconReadings(lexicon);
  const lexCands = readings.cands;
  // 1. Readings of lexicon matches that their neighbours change, one stage after another:
  // each returns its decisions, applied before the next one reads the matches.
  readings.apply(clubAdjectiveOutside(view, lexCands));
  readings.apply(adjectiveReadings(view, lexCands));
  readings.apply(eventReadings(view, lexCands));
  readings.apply(quotedReadings(view, lexCands));
  readings.apply(sportClubReadings(view, lexCands));
  readings.apply(bracketOrgReading(view, lexCands, text));
  // Match words make a passage about sport (found once: two stages read them).
  const sportAt = matchWordsAt(view);
  readings.apply(sportPassages(view, lexCands, sportAt));
  // 2. Rules at trigger words, token by token. They add candidates (s.out) and decide about
  // lexicon matches as they go (decide(), facts.ts): a later rule, or the same rule at a later
  // token, sees what an earlier one decided (a title confirms the name a given-name rule then extends).
  const s: Scan = { view, tokens: view.tokens, n: view.tokens.length, starts: readings.starts, lexCands, out: [], opts, readings };
  for (let i = 0; i < s.n; i++) {
    // Most words start none of the rules below (nor does anything below happen at them).
    const facts = ruleFacts(view, i);
    if ((facts & STARTS_RULE) === 0) continue;
    const tl = triggerAt(view, i);
    if (tl) titleRule(s, i, tl);
    givenNameRule(s, i, facts);
    // Organisation, speech and place heads: most words are none of them.
    if (!view.has(i, HEAD_KINDS)) continue;
    orgHeadRule(s, i);
    orgContextRule(s, i);
    orgLabelRule(s, i);
    orgNationalityRule(s, i);
    if (view.kindAt(i, KIND['speech-verb']) && view.joined(i)) speechVerbRule(s, i);
    placeHeadRule(s, i);
  }
  // 3. Rules over the whole document, each after the one before.
  foreignNameRules(s);
  personContextRules(s);
  latinNameRules(s, text);
  sportsResultsRule(s, text);
  sportNationalityRule(s, sportAt);
  orgDatelineRule(s, text);
  return { lexicon: lexCands, found: s.out };
}
