/**
 * Overlap resolution: the longest, most specific reading wins. Candidates are ranked by
 * token length, then by source (a lexicon entry beats a rule's guess of the same span),
 * then by position; each token belongs to at most one mention.
 */
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import type { Candidate } from './types.js';
import { PROPAGATION_WINDOW } from './propagate.js';

const SOURCE_RANK: Record<Candidate['source'], number> = { lexicon: 0, pattern: 1, propagated: 2 };

/**
 * An ambiguous lexicon surface (بوش, الاسد, كيف) is kept when the same entity is named
 * unambiguously nearby (within one article's reach), unless the surface is itself a
 * common word: those need direct context (a title, a place head).
 */
export function confirmAmbiguous(cands: Candidate[], isCommonWord: (c: Candidate) => boolean, window = PROPAGATION_WINDOW): Candidate[] {
  const seen = new Map<number, number[]>();
  for (const c of cands) if (c.entry !== undefined && !c.ambiguous) (seen.get(c.entry) ?? seen.set(c.entry, []).get(c.entry)!).push(c.start);
  return cands.filter((c) => {
    if (!c.ambiguous) return true;
    if (c.entry === undefined || c.directContextOnly || isCommonWord(c)) return false;
    const at = seen.get(c.entry);
    return at !== undefined && at.some((p) => Math.abs(p - c.start) <= window);
  });
}

export function resolveOverlaps(usable: Candidate[], tokenCount: number): Candidate[] {
  const ranked = [...usable].sort(
    (a, b) => b.last - b.first - (a.last - a.first) || SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || b.end - b.start - (a.end - a.start) || a.first - b.first,
  );
  const owner = new Int32Array(tokenCount).fill(-1);
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    let free = true;
    for (let t = c.first; t < c.last; t++) if (owner[t] !== -1) free = false;
    if (!free) continue;
    for (let t = c.first; t < c.last; t++) owner[t] = chosen.length;
    chosen.push(c);
  }
  // Pattern mentions that contain a lexicon candidate of the same type inherit its entry.
  for (const c of ranked) {
    if (c.entry === undefined) continue;
    const o = owner[c.first];
    if (o === -1) continue;
    const host = chosen[o];
    // Only a multi-word name or the whole span: ناصر inside ناصر الطبسي is not جمال عبد الناصر.
    const telling = c.last - c.first >= 2 || (c.first === host.first && c.last === host.last);
    if (host.entry === undefined && host.source === 'pattern' && host.type === c.type && c.first >= host.first && c.last <= host.last && telling) host.entry = c.entry;
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function entityId(c: Candidate, index: LexiconIndex, surfaceKey: string): string {
  if (c.entry !== undefined) {
    const e = index.entryBasics(c.entry);
    return `${e.type}:${e.arabic}`;
  }
  return `${c.type}:${surfaceKey}`;
}
