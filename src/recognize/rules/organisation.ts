/**
 * Organisation rules: a head noun in construct with a name (فيلق القدس، جامعة دمشق), a
 * quoted name after a head, context word or label (شبكة "نهرين نت"), and labels that make
 * a known name its organisation reading (قناة الجزيرة).
 */
import { hasArticle } from '../../text/clitics.js';
import { KIND, type TokenView } from '../features.js';
import { surfaceKey } from '../propagate.js';
import type { Candidate, Change } from '../types.js';
import { decide, isCommonWord, isGiven, isNonName, push, type Scan } from './facts.js';

/** Labels that ANERcorp keeps inside the name when the bare name needs context (see orgLabelRule). */
const INSIDE_LABELS = new Set(['تنظيم', 'حركه']);

/** From the first word of a quoted name, the index where its closing quote is (or where the scan gave up). */
function scanQuoted(view: TokenView, j: number): number {
  const { tokens } = view;
  let k = j;
  while (k < tokens.length && k - j < 5 && !tokens[k].quoteAfter && (k === j || !tokens[k].breakBefore)) k++;
  return k;
}

/**
 * A name the lexicon knows both as a place or word and as an organisation (الشرق الأوسط the
 * region and the newspaper, نيسان the month and the car maker): after an organisation label
 * or inside quotes it is the organisation.
 */
export function orgReading(view: TokenView, c: Candidate): Change | undefined {
  if (c.type === 'ORG') return { ambiguous: false };
  const org = view.index.lookup(surfaceKey(view, c))?.find((r) => view.index.entryType(r.entry) === 'ORG' && !r.descriptive);
  if (!org) return undefined;
  return { type: 'ORG', entry: org.entry, ambiguous: false, directContextOnly: false };
}

/** Decides for orgReading (later rules see it); false when there is none. */
function takeOrgReading(s: Scan, c: Candidate, rule?: string): boolean {
  const change = orgReading(s.view, c);
  if (!change) return false;
  decide(s, c, rule === undefined ? change : { ...change, rule });
  return true;
}

/**
 * The rest of an organisation name after its head and name: a complement with لل- (معهد
 * ماساتشوستس للتكنولوجيا، منظمة الأقطار المصدرة للنفط) or a noun joined by و + the article
 * after a definite word (منظمة الأغذية والأدوية); not a common word. Returns the new end.
 */
function orgTail(view: Scan['view'], k: number): number {
  const { tokens } = view;
  for (let m = 0; m < 2 && k < tokens.length && !tokens[k].breakBefore; m++) {
    const t = tokens[k].text;
    // و + the article only continues a definite name (الأغذية والأدوية), not a foreign one
    // (جامعة غرونستادت والتحق: a verb of the sentence).
    const prev = tokens[k - 1].text;
    const wa = t.startsWith('وال') && (hasArticle(prev) || prev.startsWith('لل'));
    if (!(t.startsWith('لل') || wa) || t.length < 5 || view.isStop(k) || view.isExact(k, KIND.stop)) break;
    k++;
  }
  return k;
}

/** Organisation heads in construct with a name (فيلق القدس), or with a quoted name. */
export function orgHeadRule(s: Scan, i: number): void {
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
          push(out, view, i, orgTail(view, k), head.skip, 'ORG', 'org-head-name', head.form);
        } else {
          let k = j;
          while (k < n && k - j < 3 && !tokens[k].breakBefore && hasArticle(tokens[k].text) && !view.isExact(k, KIND.stop) && !view.kindAt(k, KIND['per-title'])) {
            k++;
            if (view.isExact(k - 1, KIND.nationality)) break;
          }
          if (k > j) push(out, view, i, orgTail(view, k), head.skip, 'ORG', 'org-head-definite', head.form);
          // جامعة ليدز، معهد ايفو: a foreign proper name after a school head (not an adjective).
          else if ((view.kindsOfAnalysisAt(i, KIND['org-head']) & KIND['school-head']) !== 0 && !view.isStop(j) && !isNonName(view, j) && !isGiven(view, j) && !/[هي]$/.test(tokens[j].text) && view.words[j].analyses.length === 1) {
            push(out, view, i, orgTail(view, j + 1), head.skip, 'ORG', 'org-head-school', head.form);
          }
        }
      }
    }
  }
}

/** Organisation context words (وزارة، شركة، مجلس ...): a quoted name, or confirm a known one. */
export function orgContextRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out } = s;
  const orgCtx = view.kindAt(i, KIND['org-context']);
  if (orgCtx && i + 1 < n) {
    const j = i + 1;
    const lex = starts.get(j);
    if (tokens[j].quoteBefore) {
      const k = scanQuoted(view, j);
      if (k < n && tokens[k].quoteAfter) push(out, view, j, k + 1, 0, 'ORG', 'org-context-quoted');
    } else if (lex && lex.type === 'ORG' && !tokens[j].breakBefore && !isCommonWord(view, lex)) decide(s, lex, { ambiguous: false });
  }
}

/** Organisation labels: قناة الجزيرة، وكالة فرانس برس، صحيفة "الحياة": the name alone. */
export function orgLabelRule(s: Scan, i: number): void {
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
      const needed = lex.ambiguous && lex.last - lex.first === 1;
      if (takeOrgReading(s, lex) && INSIDE_LABELS.has(label.form) && (label.form === 'تنظيم' || needed)) {
        // ANERcorp's convention: تنظيم القاعدة and حركة فتح are tagged whole, because the bare
        // name is also a word; حركة حماس, حركة طالبان leave the label out.
        push(out, view, i, lex.last, label.skip, 'ORG', 'org-label-inside', label.form);
      }
    }
    // An unknown word after a label is too often a common noun (صحيفة يومية، موقع الرصد).
  }
}

/** A sure lexicon match that is not an organisation (شركة قطر: the place, a longer name). */
function knownNonOrg(c: Candidate | undefined): boolean {
  return c !== undefined && !c.ambiguous && c.type !== 'ORG';
}

/** Labels of companies and media whose unknown name a nationality adjective closes (شركة شيودا اليابانية). */
const NAMED_BY_NATIONALITY = new Set(['شركه', 'صحيفه', 'جريده', 'مجله', 'قناه', 'وكاله', 'شبكه', 'مجموعه', 'مصرف', 'بنك']);

/**
 * شركة شيودا اليابانية، صحيفة صن البريطانية، شركة كونكو فيليبس الأميركية: after a company or
 * media label, one to three unknown words closed by a nationality adjective are the name (the
 * adjective agrees with the label, so the words between cannot be an adjective of their own).
 */
export function orgNationalityRule(s: Scan, i: number): void {
  const { view, tokens, n, starts, out } = s;
  const label = view.kindAt(i, KIND['org-label'] | KIND['org-context']);
  if (!label || !NAMED_BY_NATIONALITY.has(label.form) || !view.joined(i)) return;
  const j = i + 1;
  let k = j;
  while (k < n && k - j < 3 && !tokens[k].breakBefore && !hasArticle(tokens[k].text) && !isNonName(view, k) && !isGiven(view, k) && !/(يه|يات)$/.test(tokens[k].text) && !knownNonOrg(starts.get(k))) k++;
  if (k === j || k >= n || tokens[k].breakBefore || !view.isExact(k, KIND.nationality) || !hasArticle(tokens[k].text)) return;
  push(out, view, j, k, 0, 'ORG', 'org-label-nationality');
}

/**
 * Datelines name their source: "الدوحة - قنا :"، "عمان - الراية :". A place, a dash, then one to three words closed by a colon or dash: the words are the news
 * agency or newspaper. A sure place or person there is the reporter's town or name instead.
 */
export function orgDatelineRule(s: Scan, text: string | undefined): void {
  if (text === undefined) return;
  const { view, tokens, n, starts, out } = s;
  const gap = (t: number): string => text.slice(t > 0 ? tokens[t - 1].end : 0, tokens[t].start);
  for (const c of s.lexCands) {
    const t = c.first;
    if (c.type !== 'LOC' || c.ambiguous || c.start !== tokens[t].start) continue;
    const j = c.last;
    if (j >= n || !/^\s*[-–ـ]\s*$/.test(gap(j))) continue;
    let k = j + 1;
    while (k < n && k - j < 3 && !tokens[k].breakBefore) k++;
    if (k >= n || !/^\s*[:\-–ـ]/.test(gap(k))) continue;
    const lex = starts.get(j);
    if (lex && lex.last === k) {
      const wasSure = lex.type === 'ORG' && !lex.ambiguous;
      if (lex.type === 'ORG' || (lex.ambiguous && lex.type !== 'PER')) takeOrgReading(s, lex, wasSure ? undefined : 'org-dateline');
      continue;
    }
    if (lex && !lex.ambiguous) continue;
    let plain = true;
    for (let m = j; m < k; m++) if (isNonName(view, m) || isGiven(view, m)) plain = false;
    if (plain) push(out, view, j, k, 0, 'ORG', 'org-dateline');
  }
}
