/**
 * Context around person names nobody listed (issue 12): words after a title that the title
 * rule alone would not take (a run of name-like words, a single imported name word), and
 * the reported speaker of نقل عن X قوله.
 */
import { hasArticle } from '../../text/clitics.js';
import { KIND, type TokenView } from '../features.js';
import { isNameLike, nameRunLength } from './foreign-name.js';
import { CONNECTOR_WORD, decide, NAME_WORD, isCommonWord, isGiven, isNonName, push, ruleFacts, type Scan } from './facts.js';

/** Most words of a reported speaker's name (صلاد حسن، فيصل المشعل). */
const MAX_SPEAKER = 3;

/** Prepositions that introduce a reported speaker: نقلت الوكالة عن X قوله، نسبت الصحيفة إلى X قوله. */
const SPEAKER_PREPOSITIONS = new Set(['عن', 'الي']);

/**
 * القاضي ميخا لندنشتراوس، رئيس الاتحاد برند جوتشولك: after a title, two or more name-like
 * words (imported name words, foreign-shaped words, given names) are the name, even when the
 * first is on no list. Its length in tokens, 0 when there is no such run at token j.
 */
export function titleNameRun(s: Scan, j: number): number {
  if (j >= s.n || !isNameLike(s.view, j) || isGiven(s.view, j)) return 0;
  let len = nameRunLength(s, j);
  // زيان ابن أخيه: a connector (بن، ابن، ابو) leads to a kinship noun, not more of the name.
  for (let k = j + 1; k < j + len; k++) if ((ruleFacts(s.view, k) & CONNECTOR_WORD) !== 0) len = k - j;
  return len >= 2 ? len : 0;
}

/**
 * السيد شيمزو، الحارس هيلتون، الدكتور رائف نجم: after a title, an imported name word (of the
 * strong kind: not a common word) and at most one plain word after it are a name, when a
 * function word, punctuation or the end of the sentence follows (الرئيس السوري ترسيم الحدود
 * is a verbal noun and its object). Its length in tokens, 0 when there is none.
 */
export function titleNameWord(s: Scan, j: number): number {
  const { view, tokens } = s;
  if (j >= s.n || (ruleFacts(view, j) & NAME_WORD) === 0 || view.isStop(j) || hasArticle(tokens[j].text)) return 0;
  if (nameEndsAt(s, j + 1)) return 1;
  const k = j + 1;
  const lex = s.starts.get(k);
  const plain = !isNonName(view, k) && !hasArticle(tokens[k].text) && !tokens[k].text.startsWith('و') && tokens[k].text.length >= 3 && !(lex && !lex.ambiguous && lex.type !== 'PER');
  return plain && nameEndsAt(s, k + 1) ? 2 : 0;
}

/** A name can end before token k: the end of the text, a sentence break, punctuation, or a function word. */
function nameEndsAt(s: Scan, k: number): boolean {
  const t = k < s.n ? s.tokens[k].text : '';
  return k >= s.n || s.tokens[k].breakBefore || (s.view.isStop(k) && !hasArticle(t)) || !/[\u0621-\u064a]/.test(t);
}

/** Token k can be a word of a reported speaker's name: a given name or a plain word, not a common word, title or place. */
function speakerWord(s: Scan, k: number): boolean {
  const { view } = s;
  if (isNonName(view, k) || view.isExact(k, KIND.nationality)) return false;
  const lex = s.starts.get(k);
  if (lex && !lex.ambiguous && lex.type !== 'PER') return false;
  // Sources described by common words (عن مصدر عسكري قوله، عن مسؤول قوله) stop at the common word.
  return isGiven(view, k) || (!hasArticle(s.tokens[k].text) && !view.isStop(k) && s.tokens[k].text.length >= 3);
}

/**
 * نقلت الوكالة عن رمضان قوله، عن صلاد حسن قوله: the words between عن (or إلى) and قوله /
 * قولها are the name of the person quoted. Not a source described by common words (عن مصدر
 * عسكري قوله) or by a title (عن وزير الدفاع قوله: the title rule's).
 */
export function speechReportRule(s: Scan, i: number): void {
  const { view, tokens } = s;
  if (i < 2 || tokens[i].breakBefore || !view.isExact(i, KIND['speech-report'])) return;
  let j = i;
  while (j > 0 && i - j < MAX_SPEAKER && !tokens[j].breakBefore && speakerWord(s, j - 1)) j--;
  if (j === i || j === 0 || tokens[j].breakBefore || !SPEAKER_PREPOSITIONS.has(tokens[j - 1].text)) return;
  const lex = s.starts.get(j);
  if (lex && lex.type === 'PER') {
    if (!isCommonWord(view, lex)) decide(s, lex, { ambiguous: false });
    if (lex.last >= i) return;
  }
  push(s.out, view, j, i, 0, 'PER', 'speech-report');
}

/**
 * والبرتغالي تياغو في الدقيقة، للبرازيلي كلاوديو .: a masculine nationality adjective used as
 * a noun (with the article) + one name-like word (a first name of the non-Arab world, an
 * imported name word, a word of foreign shape), then a function word or punctuation. Not the
 * feminine (الصينية غيرت: an adjective of the noun before, and a verb).
 */
export function nationalityOneNameRule(s: Scan, i: number): void {
  const { view, tokens } = s;
  const a = view.kindAt(i, KIND.nationality);
  if (!a || !a.form.startsWith('ال') || a.form.endsWith('ه') || !view.joined(i)) return;
  const j = i + 1;
  const t = tokens[j].text;
  if (hasArticle(t) || t.startsWith('و') || isNonName(view, j) || view.isExact(j, KIND.nationality) || s.starts.get(j)) return;
  const named = view.isExact(j, KIND['foreign-given']) || ((ruleFacts(view, j) & NAME_WORD) !== 0 && view.index.nameShape(t) > 0);
  if (named && nameEndsAt(s, j + 1)) push(s.out, view, j, j + 1, 0, 'PER', 'nationality-name-one');
}

/** The rules of this module that are not called from the title rule, over one document. */
export function personContextRules(s: Scan): void {
  const report = KIND['speech-report'];
  const nationality = KIND.nationality;
  // One pass over the tokens; the nationality rule runs after every speech report, as it reads their decisions.
  const nationalities: number[] = [];
  for (let i = 0; i < s.n; i++) {
    if (!s.view.has(i, report | nationality)) continue;
    if (i >= 2 && s.view.has(i, report)) speechReportRule(s, i);
    if (i + 1 < s.n && s.view.has(i, nationality)) nationalities.push(i);
  }
  for (const i of nationalities) nationalityOneNameRule(s, i);
}

/**
 * After a first name of the non-Arab world with no title or verb before it (راوول الفارق،
 * هنري التقدم، اندرسون وسكنت), is plain word k still its family name? Not a word with the
 * article (foreign family names do not take it; a nisba such as الشربيني passed before this
 * test), nor one starting with و that is no name word (and + the next word of the sentence).
 */
export function familyAfterForeignGiven(view: TokenView, k: number, foreign: boolean): boolean {
  if (!foreign) return true;
  const t = view.tokens[k].text;
  if (hasArticle(t)) return false;
  return !(t.startsWith('و') && (ruleFacts(view, k) & NAME_WORD) === 0 && !isGiven(view, k));
}

/**
 * ولاري هوشمان، وريكاردو سيملر: after و + a first name of the non-Arab world (kind
 * foreign-given), a plain name-like word (an imported name word or of foreign shape) is its family name; after
 * و + an Arab given name, an imported name word of foreign shape is. The given name is token
 * `given` - 1 (behind و), the family name token `k`.
 */
export function foreignFamilyAfterWa(view: TokenView, given: number, k: number, foreignGiven: boolean): boolean {
  const t = view.tokens[k].text;
  if (k !== given || hasArticle(t) || view.isStop(k) || isNonName(view, k) || t.startsWith('و') || t.length < 3) return false;
  // (وليا للعهد، وبنوا مدارسهم، وغيرت عاداته: و + a word that is also a foreign first name, then the sentence.)
  if (foreignGiven) return !view.isExact(k, KIND.nationality) && isNameLike(view, k);
  return (ruleFacts(view, k) & NAME_WORD) !== 0 && view.index.nameShape(t) > 0;
}
