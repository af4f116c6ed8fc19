/**
 * The country adjective after a club: النصر العماني، الاتفاق السعودي. The lexicon lists some
 * clubs with their country because the bare name is shared (النصر of Riyadh, of Dubai, of
 * Muscat) or is a word; the text then writes the club and describes it by its country, and
 * ANERcorp tags the club alone (الظفرة الإماراتي، ليون الفرنسي: the adjective outside), as
 * withoutNationality does at build time for names whose bare form is listed.
 */
import { KIND, type TokenView } from '../features.js';
import type { Candidate } from '../types.js';

export function clubAdjectiveOutside(view: TokenView, lexCands: Candidate[]): void {
  const { tokens } = view;
  for (const c of lexCands) {
    if (c.type !== 'ORG' || c.entry === undefined || c.last - c.first < 2) continue;
    const last = c.last - 1;
    if (!view.isExact(last, KIND.nationality) || view.index.entryBasics(c.entry).subtype !== 'club') continue;
    c.last = last;
    c.end = tokens[last - 1].end;
  }
}
