/**
 * The country adjective after a club: النصر العماني، الاتفاق السعودي. The lexicon lists some
 * clubs with their country because the bare name is shared (النصر of Riyadh, of Dubai, of
 * Muscat) or is a word; the text then writes the club and describes it by its country, and
 * ANERcorp tags the club alone (الظفرة الإماراتي، ليون الفرنسي: the adjective outside), as
 * withoutNationality does at build time for names whose bare form is listed.
 */
import { KIND, type TokenView } from '../features.js';
import type { Candidate, Decision } from '../types.js';
import { orgReading } from './organisation.js';

export function clubAdjectiveOutside(view: TokenView, lexCands: readonly Candidate[]): Decision[] {
  const { tokens } = view;
  const out: Decision[] = [];
  for (const c of lexCands) {
    if (c.type !== 'ORG' || c.entry === undefined || c.last - c.first < 2) continue;
    const last = c.last - 1;
    if (!view.isExact(last, KIND.nationality) || view.index.entryBasics(c.entry).subtype !== 'club') continue;
    out.push({ target: c, change: { last, end: tokens[last - 1].end } });
  }
  return out;
}

/**
 * ( الراية )، ( الجزيرة ): a newspaper or channel refers to itself, or is cited, by its name
 * alone in brackets. A name in brackets by itself that the lexicon also knows as an
 * organisation is that organisation, as inside quotes (not an adjective: ( العربي ) is emphasis).
 */
export function bracketOrgReading(view: TokenView, lexCands: readonly Candidate[], text: string | undefined): Decision[] {
  const out: Decision[] = [];
  if (text === undefined) return out;
  const { tokens } = view;
  for (const c of lexCands) {
    if ((c.type === 'ORG' && !c.ambiguous) || !tokens[c.first].breakBefore || c.start !== tokens[c.first].start) continue;
    if (charBefore(text, tokens[c.first].start) !== OPEN || charAfter(text, tokens[c.last - 1].end) !== CLOSE) continue;
    if (c.last - c.first === 1 && view.isExact(c.first, KIND.nationality)) continue;
    // ( الهلال ), ( مارس ): a common word in brackets glosses the word before it.
    if (c.last - c.first === 1 && (view.isStop(c.first) || view.index.isWord('stop', c.firstForm ?? tokens[c.first].text))) continue;
    const change = orgReading(view, c);
    if (!change) continue;
    // The brackets vouch for this mention only: ( الهلال ) after القمر glosses a word, so it
    // confirms no other mention of the name and is not repeated through the document.
    out.push({ target: c, change: { ...change, rule: 'org-bracketed', source: 'pattern', entry: undefined } });
  }
  return out;
}

const OPEN = 0x28;
const CLOSE = 0x29;

/** The first character before offset that is not white space (-1 at the start). */
function charBefore(text: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x09)) k--;
  return k >= 0 ? text.charCodeAt(k) : -1;
}

/** The first character from offset on that is not white space (-1 at the end). */
function charAfter(text: string, at: number): number {
  let k = at;
  while (k < text.length && (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x09)) k++;
  return k < text.length ? text.charCodeAt(k) : -1;
}
