/**
 * Person rules: a name after a title (الرئيس الروسي فلاديمير بوتين), a given name and a
 * family name (قاسم سليماني), و + a given name in a list, and the subject of a speech verb
 * (قال فيرجسون). personNameLength() says where such a name ends.
 */
import { PRONOUN_SUFFIX, hasArticle } from '../../text/clitics.js';
import { KIND, type TokenView } from '../features.js';
import { isNameLike, nameRunLength } from './foreign-name.js';
import { familyAfterForeignGiven, foreignFamilyAfterWa, titleNameRun, titleNameWord } from './person-context.js';
import { CONNECTOR_WORD, decide, FAMILY_WORD, NAME_WORD, GIVEN, INNER_CONNECTOR_WORD, WA_GIVEN, WA_KUNYA, isCommonWord, isGiven, isNonName, knownAt, push, ruleFacts, triggerAt, type LexiconStarts, type Scan } from './facts.js';

const MAX_NAME_TOKENS = 5;

/**
 * Endings of nouns and adverbs, not of names, after a speech verb: attached pronouns (رغبته،
 * لكم), the accusative ـاً (شيئا، شرعياً). Not -ون/-ين: foreign family names end so (بوتين، نيلسون).
 */
const NOUN_ENDING = /(ه|كم|هم|ها|ا)$/;

/*
 * The per-token helpers below use plain loops, not analyses.some(closure): a closure that
 * captures a function's arguments or locals makes every call of that function allocate a
 * context object, and these run at many tokens.
 */
/** Is token k و + a kunya, بن, a given name (or any و-reading when a known person starts there)? */
function startsListedName(view: TokenView, k: number, knownPerson: boolean): boolean {
  const { analyses, analysisKinds } = view.words[k];
  for (let m = 0; m < analyses.length; m++) {
    const a = analyses[m];
    if (a.clitics === 'و' && ((analysisKinds[m] & KIND.kunya) !== 0 || a.form === 'بن' || (analysisKinds[m] & GIVEN) !== 0 || knownPerson)) return true;
  }
  return false;
}

/** A word that can be a family name once a name is expected: no proclitic + article, no pronoun suffix. */
function plainNameWord(view: TokenView, k: number, foreign = false): boolean {
  const t = view.tokens[k].text;
  if ((ruleFacts(view, k) & FAMILY_WORD) !== 0) return true;
  const { analyses, analysisKinds } = view.words[k];
  for (let m = 0; m < analyses.length; m++) {
    const a = analyses[m];
    if (a.skip > 0 && (a.form.startsWith('ال') || (analysisKinds[m] & GIVEN) !== 0)) return false;
  }
  // معاوية جيشا، علي ورجاله: a common noun behind a proclitic or with the accusative ـا
  // ends the name (the name stops before a common noun).
  for (let m = 0; m < analyses.length; m++) if (analyses[m].skip > 0 && (analysisKinds[m] & KIND.stop) !== 0) return false;
  if (t.length >= 4 && t.endsWith('ا') && view.index.isWord('stop', t.slice(0, -1))) return false;
  if (PRONOUN_SUFFIX.test(t) && t.length > 4) return false;
  if (!familyAfterForeignGiven(view, k, foreign)) return false;
  return !view.isExact(k, KIND.nationality) && t.length >= 3;
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
    if (k > j && t.startsWith('و') && !isGiven(view, k) && startsListedName(view, k, lex !== undefined && lex.type === 'PER')) break;
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
    // لويس فان جال، ماريا فرنانديس دي لافيغا: a particle continues a name when a plain word follows.
    if (k > j && view.isExact(k, KIND['name-particle']) && view.joined(k) && !isNonName(view, k + 1) && !hasArticle(tokens[k + 1].text) && !tokens[k + 1].text.startsWith('و')) {
      k += 2;
      continue;
    }
    // Regnal numbers (جيمس الأول، الفونسو الثالث عشر, إيزابيلا الثانية) end a ruler's name.
    if (k > j && view.isExact(k, KIND.ordinal)) {
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
    // An imported name word of foreign shape is a family name too (كيني ميلر).
    if (k > j && !(introduced || view.isExact(j, KIND['foreign-given']) ? plainNameWord(view, k, !introduced) : (facts & (FAMILY_WORD | NAME_WORD)) !== 0)) break;
    k++; // a family name ends the name
    // خوان ميغيل فيلار مير، شاون رايت فيليبس: after a foreign first name, more name-like words
    // (imported name words, foreign-shaped words) are the rest of the name.
    if (view.isExact(j, KIND['foreign-given'])) {
      while (k < n && k - j < MAX_NAME_TOKENS && view.joined(k - 1) && !tokens[k].text.startsWith('و') && isNameLike(view, k) && !view.isStop(k) && !isGiven(view, k)) {
        const next = starts.get(k);
        if (next && !next.ambiguous && next.type !== 'PER') break;
        k++;
      }
    }
    break;
  }
  return k - j;
}

/** Does a person candidate found so far end right before token i? */
function endsPerson(s: Scan, i: number): boolean {
  const { out, lexCands } = s;
  for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) if (out[k].type === 'PER' && out[k].last === i) return true;
  for (const c of lexCands) if (c.type === 'PER' && !c.ambiguous && c.last === i) return true;
  return false;
}

/** A person after a title (of tl tokens) at token i. */
export function titleRule(s: Scan, i: number, tl: number): void {
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
  const construct = j === i + tl && !hasArticle(view.words[i].analyses.find((a) => view.index.isWord('per-title', a.form) || view.index.isWord('per-title', 'ال' + a.form))?.form ?? tokens[i].text);
  if (j < n && !tokens[j].breakBefore) {
    const lex = starts.get(j);
    if (lex && lex.type === 'PER') {
      // A title confirms an ambiguous person, not a common word (الباحث العلمي: scientific).
      if (!isCommonWord(view, lex)) decide(s, lex, { ambiguous: false });
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
      const plausible = len > 1 || isGiven(view, j) || view.isKnownSurname(j) || (tokens[j].text.endsWith('ي') && tokens[j].text.length >= 4);
      const run = len < 2 ? titleNameRun(s, j) : 0;
      if (run >= 2) push(out, view, j, j + run, 0, 'PER', 'title-run');
      else if (len > 0 && plausible) push(out, view, j, j + len, 0, 'PER', 'title');
      else if (len === 1 && titleNameWord(s, j) > 0) push(out, view, j, j + titleNameWord(s, j), 0, 'PER', 'title-name-word');
    }
  }
}

/** A given name + family name without a title, and و + a given name. */
export function givenNameRule(s: Scan, i: number, facts: number): void {
  const { view, tokens, starts, out } = s;
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
      if ((w.analysisKinds[m] & KIND.kunya) !== 0 && view.joined(i) && isGiven(view, i + 1)) {
        push(out, view, i, i + 1 + personNameLength(view, i + 1, starts), a.skip, 'PER', 'given-name', a.form);
        break;
      }
      if ((w.analysisKinds[m] & GIVEN) !== 0 && view.joined(i) && !(i > 0 && view.joined(i - 1) && triggerAt(view, i - 1))) {
        const len = 1 + personNameLength(view, i + 1, starts);
        const last = tokens[i + len - 1].text;
        // هاني عبادة ووائل زنجا: right after another person's name, a list goes on.
        const listed = i > 0 && endsPerson(s, i);
        const strong = listed || view.isKnownSurname(i + len - 1) || (last.endsWith('ي') && last.length >= 4) || starts.get(i + len - 1)?.type === 'PER' || foreignFamilyAfterWa(view, i + 1, i + len - 1, (w.analysisKinds[m] & KIND['foreign-given']) !== 0);
        // وأحمد حسام: two given names are a full name (given name + father's name).
        const twoGiven = len >= 2 && isGiven(view, i + len - 1) && view.has(i, KIND.male) && !view.isStop(i + len - 1);
        if (len >= 2 && ((!isGiven(view, i + len - 1) && strong) || twoGiven)) push(out, view, i, i + len, a.skip, 'PER', 'given-name', a.form);
        break;
      }
    }
  }
}

/** Speech verbs: قال فيرجسون، وأضاف محمد: a (possibly single) given name or a known person. */
export function speechVerbRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out } = s;
  const j = i + 1;
  const lex = knownAt(view, starts, j);
  // استقبل سعادة السفير: a common word (here an honorific) is not confirmed as a name by the verb.
  if (lex && lex.type === 'PER') decide(s, lex, { ambiguous: lex.ambiguous && isCommonWord(view, lex) });
  // شدد علي أن: علي written with ي before a function word is the preposition على.
  else if (j < n && tokens[j].text === 'علي' && (j + 1 >= n || view.isStop(j + 1))) {
    // not a name
  } else if (!lex && isGiven(view, j)) {
    const len = personNameLength(view, j, starts, true);
    if (len > 0) push(out, view, j, j + len, 0, 'PER', 'speech-verb');
  } else if (!lex && j < n && isNameLike(view, j) && nameRunLength(s, j) >= 2) {
    // وقال كيني ميلر: two or more name-like words.
    push(out, view, j, j + nameRunLength(s, j), 0, 'PER', 'speech-verb-run');
  } else if (!lex && j < n && !isNonName(view, j) && !hasArticle(tokens[j].text) && !view.isExact(j, KIND.nationality) && (!NOUN_ENDING.test(tokens[j].text) || (ruleFacts(view, j) & NAME_WORD) !== 0) && (j + 1 >= n || tokens[j + 1].breakBefore || view.isStop(j + 1))) {
    // وأوضح فيرجسون أن: an unknown word between a speech verb and a function word is its subject.
    push(out, view, j, j + 1, 0, 'PER', 'speech-verb');
  }
}
