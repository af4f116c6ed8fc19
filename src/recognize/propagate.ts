/**
 * Document consistency: a name found once (by the lexicon or a rule) is the same entity
 * wherever else it appears in the document, and a bare family name (سليماني) after or
 * before the full name (قاسم سليماني) is the same person, with the same id.
 */
import { KIND, type TokenView } from './features.js';
import { candidate, copyCandidate, type Candidate } from './types.js';

export interface KnownName {
  id: string;
  type: Candidate['type'];
  entry?: number;
  /** Where (normalised offsets) the name was found. */
  at: number[];
  /** The rule a repeat of this name is credited to. */
  rule: string;
}

/** A bare family name repeating a full person name that a rule (not the lexicon) found. */
export const RULE_SURNAME = 'family name of a found name';
/** A bare given name repeating the first word of a full person name found in the document. */
export const GIVEN_REPEAT = 'given name of a found name';

const MAX_KEY_TOKENS = 4;
/**
 * How far (in characters of normalised text) a name carries: about one news article.
 * Inputs that concatenate many articles must not spread one article's guess to all.
 */
export const PROPAGATION_WINDOW = 3000;

/** Is some position of `at` (ascending) within the window of pos? Binary search: names recur a lot. */
function near(at: number[], pos: number): boolean {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < pos - PROPAGATION_WINDOW) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && at[lo] <= pos + PROPAGATION_WINDOW;
}

export function surfaceKey(view: TokenView, c: Candidate): string {
  const { tokens } = view;
  let key = c.firstForm ?? tokens[c.first].text.slice(c.start - tokens[c.first].start);
  for (let t = c.first + 1; t < c.last; t++) key += ' ' + tokens[t].text;
  return key;
}

/*
 * propagate() is three functions, not one: V8 recompiles a function whole whenever a
 * branch it had never seen runs, and as one function that happened 14 times a run.
 */
/** The mentions after propagation and their entity ids, index for index. */
export interface Propagated {
  /** The chosen candidates (a bare family name as a copy with the full name's entry), then the repeats found. */
  mentions: Candidate[];
  ids: string[];
}

/** Takes the chosen candidates and their ids (index for index); changes neither. */
export function propagate(view: TokenView, chosen: readonly Candidate[], chosenIds: readonly string[]): Propagated {
  const { known, surnames, givens } = collectNames(view, chosen, chosenIds);
  const ids = [...chosenIds];
  const mentions = [...chosen];
  // Bare family names take the full name's identity.
  chosen.forEach((c, i) => {
    if (c.type !== 'PER' || c.last - c.first !== 1) return;
    const full = surnames.get(surfaceKey(view, c));
    if (full && full.type === 'PER' && near(full.at, c.start)) {
      ids[i] = full.id;
      if (c.entry === undefined) {
        const named = copyCandidate(c);
        named.entry = full.entry;
        mentions[i] = named;
      }
    }
  });
  for (const [k, v] of surnames) if (!known.has(k)) known.set(k, v);
  for (const [k, v] of givens) if (!known.has(k)) known.set(k, v);
  const added: Candidate[] = [];
  findRepeats(view, chosen, known, added, ids);
  mentions.push(...added);
  return { mentions, ids };
}

function remember(map: Map<string, KnownName>, key: string, c: Candidate, id: string, rule = 'same document'): void {
  const k = map.get(key);
  if (k) {
    if (k.id === id) k.at.push(c.start);
  } else map.set(key, { id, type: c.type, entry: c.entry, at: [c.start], rule });
}

/** The names found so far, by surface, and the family names of full person names. */
function collectNames(view: TokenView, chosen: readonly Candidate[], ids: readonly string[]): { known: Map<string, KnownName>; surnames: Map<string, KnownName>; givens: Map<string, KnownName> } {
  const { tokens, index } = view;
  const known = new Map<string, KnownName>();
  const surnames = new Map<string, KnownName>();
  const givens = new Map<string, KnownName>();
  chosen.forEach((c, i) => {
    if (c.type === 'PER' && c.last - c.first >= 2 && view.isExact(c.first, GIVEN_NAME) && !view.isStop(c.first) && !view.isExact(c.first, KIND['name-link']) && !tokens[c.first].text.startsWith('ال')) {
      remember(givens, c.firstForm ?? tokens[c.first].text, c, ids[i], `${GIVEN_REPEAT} (${c.source === 'lexicon' ? 'lexicon' : c.rule})`);
    }
    const multi = c.last - c.first >= 2;
    // A single word guessed by a rule is not evidence enough to tag that word everywhere.
    if (multi || c.source === 'lexicon') remember(known, surfaceKey(view, c), c, ids[i]);
    if (c.type === 'PER' && multi) {
      const last = tokens[c.last - 1].text;
      const isGiven = index.isWord('male', last) || index.isWord('female', last);
      // A rule's guess must end in a word shaped like a family name (البرادعي، بوصوفة), not a
      // noun the name rule ran into (عميد الأدب، برنامجا).
      const shaped = c.entry !== undefined || ((!last.startsWith('ال') || last.endsWith('ي')) && !/(ا|ه|ون|ين)$/.test(last));
      // Not an adjective (محمد المصري: المصري elsewhere is "Egyptian") nor the second half of a
      // compound given name (عز الدين، عبد الله).
      const compoundTail = last === 'الدين' || last === 'الله';
      if (last.length >= 3 && !isGiven && shaped && !compoundTail && !index.isWord('nationality', last) && !index.isWord('stop', last)) remember(surnames, last, c, ids[i], c.entry !== undefined || c.rule === 'title' ? 'same document' : `${RULE_SURNAME} (${c.rule})`);
    }
  });
  return { known, surnames, givens };
}

/** Other mentions of known names in the uncovered tokens: appended to added, their ids to ids. */
function findRepeats(view: TokenView, chosen: readonly Candidate[], known: Map<string, KnownName>, added: Candidate[], ids: string[]): void {
  const { tokens, words, index } = view;
  // A common word, or a name inside an event or prize name (جائزة نوبل), is not another mention.
  const breaksName = (t: number): boolean =>
    index.isWord('stop', tokens[t].text) || (t > 0 && !tokens[t].breakBefore && view.has(t - 1, KIND['misc-head']));

  // First words of known multi-word names: only those start a multi-word key (saves building
  // strings at every token).
  const firstWords = new Set<string>();
  // First words of all known names: a token none of whose analyses is one cannot start a hit.
  const anyFirst = new Set<string>();
  for (const k of known.keys()) {
    const sp = k.indexOf(' ');
    if (sp > 0) firstWords.add(k.slice(0, sp));
    anyFirst.add(sp > 0 ? k.slice(0, sp) : k);
  }
  // Which words can start a hit is asked per word (of the few first words), not per token.
  view.markNameStarts(anyFirst);
  const covered = new Uint8Array(tokens.length);
  for (const c of chosen) for (let t = c.first; t < c.last; t++) covered[t] = 1;
  const addedIds: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    if (!view.startsName(i)) continue;
    let hit: { len: number; skip: number; name: KnownName } | undefined;
    for (const a of words[i].analyses) {
      let key = a.form;
      const maxLen = firstWords.has(key) ? MAX_KEY_TOKENS : 1;
      for (let len = 1; len <= maxLen && i + len <= tokens.length; len++) {
        if (len > 1) {
          if (tokens[i + len - 1].breakBefore || covered[i + len - 1]) break;
          key += ' ' + tokens[i + len - 1].text;
        }
        const name = known.get(key);
        if (name && (!hit || len > hit.len) && near(name.at, tokens[i].start) && !(len === 1 && (breaksName(i) || index.isWord('stop', a.form)))) hit = { len, skip: a.skip, name };
      }
    }
    if (!hit) continue;
    // One word right after a connector, kunya or given name (أبي وقاص، آدم غادان) is the tail of
    // a longer name the rules did not read, not another mention of the known one-word name.
    if (hit.len === 1 && hit.name.type === 'PER' && tailOfLongerName(view, i, covered)) continue;
    // A word that is also a nationality adjective, right after a definite noun (الوطن العربي،
    // العائلة المالكة السعودية), agrees with that noun: it is the adjective, not the name.
    if (hit.len === 1 && hit.name.type !== 'PER' && i > 0 && !tokens[i].breakBefore && view.isExact(i, KIND.nationality) && tokens[i - 1].text.startsWith('ال') && tokens[i - 1].text.length > 3) continue;
    if ((hit.name.rule.startsWith(RULE_SURNAME) || hit.name.rule.startsWith(GIVEN_REPEAT)) && !ruleSurnameStands(view, i, covered)) continue;
    added.push(candidate(i, i + hit.len, tokens[i].start + hit.skip, tokens[i + hit.len - 1].end, hit.name.type, 'propagated', hit.name.entry, false, hit.name.rule, undefined));
    addedIds.push(hit.name.id);
    for (let t = i; t < i + hit.len; t++) covered[t] = 1;
    i += hit.len - 1;
  }
  ids.push(...addedIds);
}

const GIVEN_NAME = KIND.male | KIND.female | KIND['foreign-given'];
/**
 * The kinds that say what a word of the sentence is (a title, a head, a common word ...): a
 * word of one of them is not a bare family name. The name-part and rule-list kinds
 * (name-connector ... match-word) are left out, as they were when this was measured.
 */
const OTHER_KINDS =
  KIND.nationality | KIND['per-title'] | KIND['title-mod'] | KIND['org-head'] | KIND['org-context'] | KIND['org-label'] | KIND['descriptive-head'] |
  KIND['loc-head'] | KIND['loc-part'] | KIND['loc-context'] | KIND['misc-head'] | KIND['sport-context'] | KIND['speech-verb'] | KIND.stop;
const GIVEN_KINDS = KIND.male | KIND.female | KIND['foreign-given'] | KIND['name-word'];

/** Token i follows, in the same run of words, an uncovered word that only begins or links names. */
function tailOfLongerName(view: TokenView, i: number, covered: Uint8Array): boolean {
  return i > 0 && !view.tokens[i].breakBefore && !covered[i - 1] && view.isExact(i - 1, TAIL_BEFORE_KINDS) && !view.isStop(i - 1);
}
const TAIL_BEFORE_KINDS = GIVEN_NAME | KIND['name-connector'] | KIND.kunya | KIND['compound-first'] | KIND['name-link'];

/**
 * A family name taken from a rule's guess is weaker evidence than one from the lexicon: at
 * token i it stands alone only if the word is of no kind but a name's (not شمال، not a
 * common word) and the words around it do not make it part of another, longer name
 * (بن X، عبد الله X، X حسن).
 */
function ruleSurnameStands(view: TokenView, i: number, covered: Uint8Array): boolean {
  const { tokens } = view;
  if (view.isStop(i) || view.isExact(i, OTHER_KINDS)) return false;
  if (i > 0 && !tokens[i].breakBefore && (view.isExact(i - 1, KIND['name-link']) || (!covered[i - 1] && view.isExact(i - 1, GIVEN_KINDS)))) return false;
  if (i + 1 < tokens.length && !tokens[i + 1].breakBefore && !covered[i + 1] && view.isExact(i + 1, GIVEN_KINDS)) return false;
  return true;
}
