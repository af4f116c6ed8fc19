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
 */
import type { EntityType } from '../lexicon/schema.js';
import { hasArticle } from '../text/clitics.js';
import type { Token } from '../text/tokenize.js';
import { KIND, type TokenView } from './features.js';
import { surfaceKey } from './propagate.js';
import { candidate, type Candidate, type RecognizeOptions } from './types.js';

const NAME_CONNECTORS = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ابا', 'ام', 'ال']);
/** Connectors only inside a name: ولد (Mauritanian "son of") is also the verb "was born". */
const INNER_CONNECTORS = new Set(['ولد']);
const COMPOUND_FIRST = new Set(['عبد', 'عبدال']);
/** ابو / ام + a given name is a kunya: it starts a name like a given name does. */
const KUNYA = new Set(['ابو', 'ابي', 'ابا', 'ام']);
const MAX_NAME_TOKENS = 5;
/** Regnal numbers (جيمس الأول، الفونسو الثالث عشر, إيزابيلا الثانية) end a ruler's name. */
const ORDINALS = new Set(['الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع', 'العاشر', 'الحادي', 'الاولي', 'الثانيه', 'الثالثه', 'الرابعه', 'الخامسه', 'السادسه', 'السابعه', 'الثامنه', 'التاسعه', 'العاشره']);
/** Tokens either side in which sports words make a passage about sport. */
const SPORT_WINDOW = 100;
/**
 * Sports words that only sports reporting uses (not امام، مواجهة، هزم, which war reporting
 * shares): they make a passage about sport.
 */
const MATCH_WORDS = new Set(['مباراه', 'المباراه', 'فريق', 'الفريق', 'لاعب', 'اللاعب', 'مدرب', 'المدرب', 'حارس', 'مرمي', 'مهاجم', 'ناديه', 'مضيفه', 'ضيفه', 'منافسه', 'تعادل']);
/**
 * Endings of nouns and adverbs, not of names, after a speech verb: attached pronouns (رغبته،
 * لكم), the accusative ـاً (شيئا، شرعياً). Not -ون/-ين: foreign family names end so (بوتين، نيلسون).
 */
const NOUN_ENDING = /(ه|كم|هم|ها|ا)$/;
const SCHOOL_HEADS = new Set(['جامعه', 'معهد', 'كليه']);

/** Kinds of words that end, or cannot be part of, a name (with common words and exact nationality adjectives). */
const NON_NAME_KINDS =
  KIND['per-title'] | KIND['title-mod'] | KIND['org-head'] | KIND['org-context'] | KIND['org-label'] | KIND['descriptive-head'] | KIND['misc-head'] | KIND['loc-head'] | KIND['loc-context'] | KIND['speech-verb'];
/** Kinds that start one of the head rules of the main loop (organisation, speech, place). */
const HEAD_KINDS = KIND['org-head'] | KIND['org-context'] | KIND['org-label'] | KIND['speech-verb'] | KIND['loc-head'] | KIND['loc-part'] | KIND['loc-context'];
const GIVEN = KIND.male | KIND.female;

/**
 * Facts of a word (not of a token) that the rules below ask at many tokens, as bits of
 * WordInfo.ruleFacts, computed on first use: the per-token rules then read bits. None of
 * them may depend on the token's neighbours.
 */
const NON_NAME_WORD = 1; // a digit, a single letter, a word of NON_NAME_KINDS or an exact nationality adjective
const KUNYA_WORD = 2;
const COMPOUND_WORD = 4; // COMPOUND_FIRST
const CONNECTOR_WORD = 8; // NAME_CONNECTORS or COMPOUND_FIRST
const FAMILY_WORD = 16; // looksLikeFamilyName
const WA_GIVEN = 32; // و + a given name (ومحمد)
const TITLE_FIRST = 64; // some analysis starts a multi-word title (آية الله)
const STARTS_RULE = 128; // a title, a possible given name or kunya, و + a given name or kunya, or a head word: see matchPatterns
const INNER_CONNECTOR_WORD = 256; // INNER_CONNECTORS
const WA_KUNYA = 512; // و + a kunya (وابو)

function ruleFacts(view: TokenView, i: number): number {
  const w = view.words[i];
  if (w.ruleFacts === -1) {
    const t = view.tokens[i].text;
    let f = 0;
    if (/^[0-9]/.test(t) || t.length < 2 || (w.kinds & NON_NAME_KINDS) !== 0 || (w.exact & KIND.nationality) !== 0) f |= NON_NAME_WORD;
    if (KUNYA.has(t)) f |= KUNYA_WORD;
    if (COMPOUND_FIRST.has(t)) f |= COMPOUND_WORD;
    if (NAME_CONNECTORS.has(t) || COMPOUND_FIRST.has(t)) f |= CONNECTOR_WORD;
    if (INNER_CONNECTORS.has(t)) f |= INNER_CONNECTOR_WORD;
    if (looksLikeFamilyName(view, i)) f |= FAMILY_WORD;
    if (w.analyses.some((a, k) => a.clitics === 'و' && (w.analysisKinds[k] & GIVEN) !== 0)) f |= WA_GIVEN;
    if (w.analyses.some((a) => a.clitics === 'و' && KUNYA.has(a.form))) f |= WA_KUNYA;
    if (w.analyses.some((a) => view.index.startsMultiWord('per-title', a.form))) f |= TITLE_FIRST;
    if ((w.kinds & (KIND['per-title'] | HEAD_KINDS)) !== 0 || (w.exact & GIVEN) !== 0 || (f & (TITLE_FIRST | KUNYA_WORD | COMPOUND_WORD | WA_GIVEN | WA_KUNYA)) !== 0) f |= STARTS_RULE;
    w.ruleFacts = f;
  }
  return w.ruleFacts;
}

/** A one-word candidate that is a common word (كان، حقوق): context words do not make it a name. */
export function isCommonWord(view: TokenView, c: Candidate): boolean {
  return c.last - c.first === 1 && view.isStop(c.first);
}

/** Index of lexicon candidates by first token, for rules that build on them. */
export type LexiconStarts = Map<number, Candidate>;

export function lexiconStarts(cands: Candidate[]): LexiconStarts {
  const m: LexiconStarts = new Map();
  for (const c of cands) m.set(c.first, c);
  return m;
}

/** The lexicon candidate at token j, unless it is a clitic reading of a given name (ك+ريم in كريم). */
function knownAt(view: TokenView, starts: LexiconStarts, j: number): Candidate | undefined {
  const c = starts.get(j);
  if (c && c.start > view.tokens[j].start && (view.isExact(j, GIVEN))) return undefined;
  return c;
}

/** True when token i is a word that ends or cannot be part of a name. */
function isNonName(view: TokenView, i: number): boolean {
  return (ruleFacts(view, i) & NON_NAME_WORD) !== 0 || view.isStop(i);
}

/**
 * After a given name, is this word a family name rather than the next word of the sentence
 * (فارس تزايد، حمدان بالتحدث)? Known family names, nisba forms (-ي) and definite words
 * without other proclitics (البرادعي، القباج) are; words with a proclitic + article
 * (بالتحدث، والانتشار) or an attached pronoun (اراضيها) are not.
 */
function looksLikeFamilyName(view: TokenView, k: number): boolean {
  const t = view.tokens[k].text;
  if (view.index.isKnownSurname(t)) return true;
  // ومصطفى after جمال حمزة starts the next name of a list.
  const w = view.words[k];
  if (w.analyses.some((a, m) => a.clitics === 'و' && (w.analysisKinds[m] & GIVEN) !== 0)) return false;
  if (/(ها|هم|هما|هن|كم|نا)$/.test(t) && t.length > 4) return false;
  if (view.analyses[k].some((a) => a.skip > 0 && a.form.startsWith('ال'))) return false;
  if (hasArticle(t)) return t.endsWith('ي') || view.isExact(k, KIND.male);
  return t.endsWith('ي') && t.length >= 4;
}

/**
 * After a place head, words that agree with it or act (مدينة تاريخية، جزيرة صغيرة، منطقة
 * يقطنها) are not names: nisba adjectives in -ية, words with an attached pronoun, imperfect verbs.
 */
function looksLikeAdjectiveOrVerb(t: string): boolean {
  return /يه$/.test(t) || (t.length > 4 && /(ها|هم|هن|هما)$/.test(t)) || (t.startsWith('ي') && !t.startsWith('يو'));
}

/** A word that can be a family name once a name is expected: no proclitic + article, no pronoun suffix. */
function plainNameWord(view: TokenView, k: number): boolean {
  const t = view.tokens[k].text;
  if ((ruleFacts(view, k) & FAMILY_WORD) !== 0) return true;
  const w = view.words[k];
  if (w.analyses.some((a, m) => a.skip > 0 && (a.form.startsWith('ال') || (w.analysisKinds[m] & GIVEN) !== 0))) return false;
  if (/(ها|هم|هما|هن|كم|نا)$/.test(t) && t.length > 4) return false;
  return !view.isExact(k, KIND.nationality) && t.length >= 3;
}

function isGiven(view: TokenView, i: number): boolean {
  const f = ruleFacts(view, i);
  if (f & KUNYA_WORD) return view.joined(i) && isGiven(view, i + 1);
  if (view.isStop(i)) return false;
  return view.isExact(i, GIVEN) || ((f & COMPOUND_WORD) !== 0 && i + 1 < view.tokens.length);
}

/**
 * Length in tokens of a person name starting at token j: given names (and connectors)
 * then at most one family name. 0 when token j cannot start a name.
 */
export function personNameLength(view: TokenView, j: number, starts: LexiconStarts, introduced = false): number {
  const { tokens } = view;
  const n = tokens.length;
  let k = j;
  while (k < n && k - j < MAX_NAME_TOKENS) {
    if (k > j && tokens[k].breakBefore) break;
    const t = tokens[k].text;
    const lex = starts.get(k);
    // حسن البرنوصي، محمد الكندي: after given names a one-word place or nationality in ـي is the
    // family name (a nisba), not the next entity.
    const nisba = k > j && isGiven(view, k - 1) && hasArticle(t) && t.endsWith('ي') && t.length >= 5 && (!lex || lex.last - lex.first === 1);
    if (nisba && (lex?.type === 'LOC' || view.isExact(k, KIND.nationality))) {
      k++;
      break;
    }
    if (lex && !lex.ambiguous && lex.type !== 'PER') break;
    // وشارون وبلير، أدونيس وأبو ميثارمي: و + a given name, kunya or known person starts the
    // next name of a list (وليد، وائل are names themselves).
    if (k > j && t.startsWith('و') && !isGiven(view, k) && view.words[k].analyses.some((a, m) => a.clitics === 'و' && (KUNYA.has(a.form) || a.form === 'بن' || (view.words[k].analysisKinds[m] & GIVEN) !== 0 || (lex !== undefined && lex.type === 'PER')))) break;
    // جعفر وعمرو زكي: a known person behind و starts the next name of a list.
    if (k > j && lex && lex.type === 'PER' && lex.start > tokens[k].start) break;
    if (lex && lex.type === 'PER' && !lex.ambiguous && !(lex.last - lex.first === 1 && isGiven(view, k))) {
      k = lex.last;
      break;
    }
    const facts = ruleFacts(view, k);
    if (((facts & CONNECTOR_WORD) !== 0 || (k > j && (facts & INNER_CONNECTOR_WORD) !== 0)) && view.joined(k)) {
      // بن X، ابو X، عبد X، آل X: the connector and the next word go together (بن خليفة, آل ثاني).
      if (t !== 'ال' && (view.isStop(k + 1) && !isGiven(view, k + 1))) break;
      if (/^[0-9]/.test(tokens[k + 1].text)) break;
      // راشد بن محمد بن راشد آل مكتوم: the son of a known person ends with that person's name.
      const father = starts.get(k + 1);
      if (t !== 'ال' && father && father.type === 'PER' && !father.ambiguous && father.last - father.first >= 2) {
        k = father.last;
        break;
      }
      k += 2;
      continue;
    }
    if (k > j && ORDINALS.has(t)) {
      k += view.joined(k) && /^عشر/.test(tokens[k + 1].text) ? 2 : 1;
      break;
    }
    if (isNonName(view, k)) break;
    if (isGiven(view, k)) {
      k++;
      continue;
    }
    // After a title or a speech verb (السيد محمد القباج، ذكر خالد عليوة) a name is expected, so
    // any plain word may be the family name; elsewhere it must look like one.
    if (k > j && !(introduced || view.isExact(j, KIND['foreign-given']) ? plainNameWord(view, k) : (facts & FAMILY_WORD) !== 0)) break;
    k++; // a family name ends the name
    break;
  }
  return k - j;
}

/** From the first word of a quoted name, the index where its closing quote is (or where the scan gave up). */
function scanQuoted(view: TokenView, j: number): number {
  const { tokens } = view;
  let k = j;
  while (k < tokens.length && k - j < 5 && !tokens[k].quoteAfter && (k === j || !tokens[k].breakBefore)) k++;
  return k;
}

function push(out: Candidate[], view: TokenView, first: number, last: number, skip: number, type: EntityType, rule: string, firstForm?: string): void {
  const { tokens } = view;
  out.push(candidate(first, last, tokens[first].start + skip, tokens[last - 1].end, type, 'pattern', undefined, false, rule, firstForm));
}

/**
 * A name the lexicon knows both as a place or word and as an organisation (الشرق الأوسط the
 * region and the newspaper, نيسان the month and the car maker): after an organisation label
 * or inside quotes it is the organisation.
 */
function takeOrgReading(view: TokenView, c: Candidate): boolean {
  if (c.type === 'ORG') {
    c.ambiguous = false;
    return true;
  }
  const org = view.index.lookup(surfaceKey(view, c))?.find((r) => view.index.entryType(r.entry) === 'ORG' && !r.descriptive);
  if (!org) return false;
  c.type = 'ORG';
  c.entry = org.entry;
  c.ambiguous = false;
  c.directContextOnly = false;
  return true;
}

/** Length in tokens of a (possibly two-token) title at token i, 0 when there is none. */
function triggerAt(view: TokenView, i: number): number {
  const { tokens, index } = view;
  if ((ruleFacts(view, i) & TITLE_FIRST) !== 0 && view.joined(i)) {
    for (const a of view.analyses[i]) if (index.startsMultiWord('per-title', a.form) && index.isWord('per-title', a.form + ' ' + tokens[i + 1].text)) return 2;
  }
  return view.has(i, KIND['per-title']) ? 1 : 0;
}

/** What the rules share while they scan one document. */
interface Scan {
  view: TokenView;
  tokens: Token[];
  n: number;
  starts: LexiconStarts;
  lexCands: Candidate[];
  out: Candidate[];
  opts: RecognizeOptions;
}

/*
 * Each rule is its own function, called from one loop: V8 optimises and, when a rarely
 * taken branch is first met, deoptimises and recompiles a rule on its own. As one 250-line
 * function every such event recompiled all of it (about 200 ms of compiler time each, ten
 * times in a 20 MB run), which kept a second core busy and halved --jobs 2's gain.
 */
export function matchPatterns(view: TokenView, lexCands: Candidate[], opts: RecognizeOptions = {}): Candidate[] {
  const s: Scan = { view, tokens: view.tokens, n: view.tokens.length, starts: lexiconStarts(lexCands), lexCands, out: [], opts };
  adjustReadings(view, lexCands);
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
    if (view.kindAt(i, KIND['speech-verb']) && view.joined(i)) speechVerbRule(s, i);
    placeHeadRule(s, i);
  }
  return s.out;
}

/** Readings of lexicon matches that their neighbours change (an adjective, an event name, quotes, a sports word). */
function adjustReadings(view: TokenView, lexCands: Candidate[]): void {
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
function sportPassages(view: TokenView, lexCands: Candidate[]): void {
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

/** Does a person candidate found so far end right before token i? */
function endsPerson(s: Scan, i: number): boolean {
  const { out, lexCands } = s;
  for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) if (out[k].type === 'PER' && out[k].last === i) return true;
  for (const c of lexCands) if (c.type === 'PER' && !c.ambiguous && c.last === i) return true;
  return false;
}

/** A person after a title (of tl tokens) at token i. */
function titleRule(s: Scan, i: number, tl: number): void {
  const { view, tokens, n, starts, out } = s;
  let j = i + tl;
  while (
    j < n &&
    j - i < 7 &&
    !tokens[j].breakBefore &&
    (view.kindAt(j, KIND['title-mod']) || view.isExact(j, KIND.nationality) || triggerAt(view, j)) &&
    !(starts.get(j)?.type === 'PER' && !starts.get(j)?.ambiguous)
  ) {
    j += triggerAt(view, j) || 1;
  }
  // A title in construct state (رئيس، وزير، قائد without the article) governs a noun,
  // not a name, unless modifiers came between (وزير الخارجية X) or a given name follows.
  const construct = j === i + tl && !hasArticle(view.analyses[i].find((a) => view.index.isWord('per-title', a.form) || view.index.isWord('per-title', 'ال' + a.form))?.form ?? tokens[i].text);
  if (j < n && !tokens[j].breakBefore) {
    const lex = starts.get(j);
    if (lex && lex.type === 'PER') {
      // A title confirms an ambiguous person, not a common word (الباحث العلمي: scientific).
      if (!isCommonWord(view, lex)) lex.ambiguous = false;
      // السيد ناصر الطبسي: a known single name that is a given name may go on.
      if (lex.last - lex.first === 1 && isGiven(view, j)) {
        const len = personNameLength(view, j, starts, true);
        if (len > 1) push(out, view, j, j + len, 0, 'PER', 'title');
      }
    } else if ((!lex || lex.ambiguous) && (!construct || isGiven(view, j)) && !(hasArticle(tokens[j].text) && !isGiven(view, j))) {
      let len = personNameLength(view, j, starts, true);
      // After a title and a nationality (المدرب الإيطالي فابيو كابيلو) a foreign name of two
      // unknown words is likely: take the second word too.
      const sawNationality = (() => {
        for (let m = i + tl; m < j; m++) if (view.isExact(m, KIND.nationality)) return true;
        return false;
      })();
      if (sawNationality && len === 1 && j + 1 < n && view.joined(j) && !isNonName(view, j + 1) && !hasArticle(tokens[j + 1].text) && !starts.get(j + 1)) len = 2;
      // An unknown single word after a title is as often a verb or noun (الملك يعلم، اللاعب طلب):
      // accept it when it is a given name, a known name, or looks like a family name.
      const plausible = len > 1 || isGiven(view, j) || view.index.isKnownSurname(tokens[j].text) || (tokens[j].text.endsWith('ي') && tokens[j].text.length >= 4);
      if (len > 0 && plausible) push(out, view, j, j + len, 0, 'PER', 'title');
    }
  }
}

/** A given name + family name without a title, and و + a given name. */
function givenNameRule(s: Scan, i: number, facts: number): void {
  const { view, tokens, n, starts, out } = s;
  const given = isGiven(view, i);
  if (given && !(i > 0 && view.joined(i - 1) && (isGiven(view, i - 1) || triggerAt(view, i - 1)))) {
    // علي is also the preposition على; it starts a name only before بن/ابن (علي بن ابي طالب).
    const weak = view.isExact(i, KIND.stop) && !(view.joined(i) && ['بن', 'ابن'].includes(tokens[i + 1].text));
    const len = weak ? 0 : personNameLength(view, i, starts);
    if (len >= 2) push(out, view, i, i + len, 0, 'PER', 'given-name');
  } else if (!given && (facts & (WA_GIVEN | WA_KUNYA)) !== 0 && !view.isStop(i)) {
    // و + given name (ومحمد البرادعي): strip the conjunction. Only و, and only before a
    // strong family name: وجود، لدينا، بفضل are words, not و/ل/ب + a name.
    const w = view.words[i];
    for (let m = 1; m < w.analyses.length; m++) {
      const a = w.analyses[m];
      if (a.clitics !== 'و') continue;
      // وابو عبد الله: a kunya after و is a name by itself.
      if (KUNYA.has(a.form) && view.joined(i) && isGiven(view, i + 1)) {
        push(out, view, i, i + 1 + personNameLength(view, i + 1, starts), a.skip, 'PER', 'given-name', a.form);
        break;
      }
      if ((w.analysisKinds[m] & GIVEN) !== 0 && view.joined(i) && !(i > 0 && view.joined(i - 1) && triggerAt(view, i - 1))) {
        const len = 1 + personNameLength(view, i + 1, starts);
        const last = tokens[i + len - 1].text;
        // هاني عبادة ووائل زنجا: right after another person's name, a list goes on.
        const listed = i > 0 && endsPerson(s, i);
        const strong = listed || view.index.isKnownSurname(last) || (last.endsWith('ي') && last.length >= 4) || starts.get(i + len - 1)?.type === 'PER';
        // وأحمد حسام: two given names are a full name (given name + father's name).
        const twoGiven = len >= 2 && isGiven(view, i + len - 1) && view.has(i, KIND.male) && !view.isStop(i + len - 1);
        if (len >= 2 && ((!isGiven(view, i + len - 1) && strong) || twoGiven)) push(out, view, i, i + len, a.skip, 'PER', 'given-name', a.form);
        break;
      }
    }
  }
}

/** Organisation heads in construct with a name (فيلق القدس), or with a quoted name. */
function orgHeadRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out, opts } = s;
  const head = view.kindAt(i, KIND['org-head']);
  // حزب الله القتالي: a known organisation starting with the head word is the whole name.
  const knownHere = starts.get(i);
  if (head && i + 1 < n && !(knownHere && knownHere.type === 'ORG' && !knownHere.ambiguous)) {
    const j = i + 1;
    if (tokens[j].quoteBefore) {
      const k = scanQuoted(view, j);
      if (k < n && tokens[k].quoteAfter && k - j < 5) push(out, view, j, k + 1, 0, 'ORG', 'org-head-quoted');
    } else if (!tokens[j].breakBefore) {
      const lex = starts.get(j);
      if (hasArticle(head.form) && view.isExact(j, KIND.nationality)) {
        if (opts.descriptiveOrgs) push(out, view, i, j + 1, head.skip, 'ORG', 'org-head-nationality', head.form);
      } else if (!hasArticle(head.form)) {
        if (lex && !lex.ambiguous && lex.type === 'ORG') {
          // قوات حزب الله: the known organisation stands alone.
        } else if (lex && !lex.ambiguous) {
          let k = lex.last;
          if (k < n && !tokens[k].breakBefore && view.isExact(k, KIND.nationality)) k++;
          push(out, view, i, k, head.skip, 'ORG', 'org-head-name', head.form);
        } else {
          let k = j;
          while (k < n && k - j < 3 && !tokens[k].breakBefore && hasArticle(tokens[k].text) && !view.isExact(k, KIND.stop) && !view.kindAt(k, KIND['per-title'])) {
            k++;
            if (view.isExact(k - 1, KIND.nationality)) break;
          }
          if (k > j) push(out, view, i, k, head.skip, 'ORG', 'org-head-definite', head.form);
          // جامعة ليدز، معهد ايفو: a foreign proper name after a school head (not an adjective).
          else if (SCHOOL_HEADS.has(head.form) && !view.isStop(j) && !isNonName(view, j) && !isGiven(view, j) && !/[هي]$/.test(tokens[j].text) && view.analyses[j].length === 1) {
            push(out, view, i, j + 1, head.skip, 'ORG', 'org-head-school', head.form);
          }
        }
      }
    }
  }
}

/** Organisation context words (وزارة، شركة، مجلس ...): a quoted name, or confirm a known one. */
function orgContextRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out } = s;
  const orgCtx = view.kindAt(i, KIND['org-context']);
  if (orgCtx && i + 1 < n) {
    const j = i + 1;
    const lex = starts.get(j);
    if (tokens[j].quoteBefore) {
      const k = scanQuoted(view, j);
      if (k < n && tokens[k].quoteAfter) push(out, view, j, k + 1, 0, 'ORG', 'org-context-quoted');
    } else if (lex && lex.type === 'ORG' && !tokens[j].breakBefore && !isCommonWord(view, lex)) lex.ambiguous = false;
  }
}

/** Organisation labels: قناة الجزيرة، وكالة فرانس برس، صحيفة "الحياة": the name alone. */
function orgLabelRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out } = s;
  const label = view.kindAt(i, KIND['org-label']);
  if (label && view.joined(i) || (label && i + 1 < n && tokens[i + 1].quoteBefore)) {
    const j = i + 1;
    const lex = starts.get(j);
    if (tokens[j].quoteBefore) {
      const k = scanQuoted(view, j);
      if (k < n && tokens[k].quoteAfter) push(out, view, j, k + 1, 0, 'ORG', 'org-label-quoted');
    } else if (lex && !isCommonWord(view, lex)) {
      // (النادي كان مختلفا: a common word after a label is the sentence going on.)
      takeOrgReading(view, lex);
    }
    // An unknown word after a label is too often a common noun (صحيفة يومية، موقع الرصد).
  }
}

/** Speech verbs: قال فيرجسون، وأضاف محمد: a (possibly single) given name or a known person. */
function speechVerbRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out } = s;
  const j = i + 1;
  const lex = knownAt(view, starts, j);
  // استقبل سعادة السفير: a common word (here an honorific) is not confirmed as a name by the verb.
  if (lex && lex.type === 'PER') lex.ambiguous = lex.ambiguous && isCommonWord(view, lex);
  // شدد علي أن: علي written with ي before a function word is the preposition على.
  else if (j < n && tokens[j].text === 'علي' && (j + 1 >= n || view.isStop(j + 1))) {
    // not a name
  } else if (!lex && isGiven(view, j)) {
    const len = personNameLength(view, j, starts, true);
    if (len > 0) push(out, view, j, j + len, 0, 'PER', 'speech-verb');
  } else if (!lex && j < n && !isNonName(view, j) && !hasArticle(tokens[j].text) && !view.isExact(j, KIND.nationality) && !NOUN_ENDING.test(tokens[j].text) && (j + 1 >= n || tokens[j + 1].breakBefore || view.isStop(j + 1))) {
    // وأوضح فيرجسون أن: an unknown word between a speech verb and a function word is its subject.
    push(out, view, j, j + 1, 0, 'PER', 'speech-verb');
  }
}

/** Place heads (مدينة X: the head outside) and place parts (نهر X: the head inside). */
function placeHeadRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out } = s;
  const locHead = view.kindAt(i, KIND['loc-head']);
  const locPart = view.kindAt(i, KIND['loc-part']);
  const locCtx = view.kindAt(i, KIND['loc-context']);
  if ((locHead || locPart || locCtx) && view.joined(i)) {
    const j = i + 1;
    const lex = starts.get(j);
    if (lex && lex.type === 'LOC') {
      lex.ambiguous = false;
      if (locPart) push(out, view, i, lex.last, locPart.skip, 'LOC', 'loc-part', locPart.form);
    } else if (!lex && !isNonName(view, j) && !isGiven(view, j) && !looksLikeAdjectiveOrVerb(tokens[j].text)) {
      if (locPart) push(out, view, i, j + 1, locPart.skip, 'LOC', 'loc-part', locPart.form);
      else if (locHead) push(out, view, j, j + 1, 0, 'LOC', 'loc-head');
    }
  }
}
