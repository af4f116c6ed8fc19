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
import type { Candidate, RecognizeOptions } from './types.js';
import { HEAD_KINDS, STARTS_RULE, lexiconStarts, ruleFacts, triggerAt, type Scan } from './rules/facts.js';
import { givenNameRule, speechVerbRule, titleRule } from './rules/person.js';
import { orgContextRule, orgHeadRule, orgDatelineRule, orgLabelRule, orgNationalityRule } from './rules/organisation.js';
import { placeHeadRule } from './rules/place.js';
import { foreignNameRules } from './rules/foreign-name.js';
import { latinNameRules } from './rules/latin-names.js';
import { sportsResultsRule } from './rules/sports.js';
import { adjustReadings, sportPassages } from './rules/readings.js';
import { sportNationalityRule } from './rules/sport-nationality.js';
import { bracketOrgReading, clubAdjectiveOutside } from './rules/org-readings.js';

export { isCommonWord } from './rules/facts.js';

/*
 * Each rule is its own function, called from one loop: V8 optimises and, when a rarely
 * taken branch is first met, deoptimises and recompiles a rule on its own. As one 250-line
 * function every such event recompiled all of it (about 200 ms of compiler time each, ten
 * times in a 20 MB run), which kept a second core busy and halved --jobs 2's gain.
 */
/** text: the normalised text the tokens index into (the Latin rules read brackets between tokens). */
export function matchPatterns(view: TokenView, lexCands: Candidate[], opts: RecognizeOptions = {}, text?: string): Candidate[] {
  const s: Scan = { view, tokens: view.tokens, n: view.tokens.length, starts: lexiconStarts(lexCands), lexCands, out: [], opts };
  clubAdjectiveOutside(view, lexCands);
  adjustReadings(view, lexCands);
  bracketOrgReading(view, lexCands, text);
  sportPassages(view, lexCands);
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
  foreignNameRules(s);
  latinNameRules(s, text);
  sportsResultsRule(s, text);
  sportNationalityRule(s);
  orgDatelineRule(s, text);
  return s.out;
}
