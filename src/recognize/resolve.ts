/**
 * Overlap resolution: the longest, most specific reading wins. Candidates are ranked by
 * token length, then by source (a lexicon entry beats a rule's guess of the same span),
 * then by position; each token belongs to at most one mention.
 */
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import { copyCandidate, type Candidate } from './types.js';
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

/** Rank order: longer in tokens, then lexicon before rule, then longer in characters, then earlier. */
function rank(a: Candidate, b: Candidate): number {
  return b.last - b.first - (a.last - a.first) || SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || b.end - b.start - (a.end - a.start) || a.first - b.first;
}

/**
 * The candidates kept, by position. A kept rule candidate that contains a lexicon candidate
 * of the same type comes back as a copy with that entry; the candidates given are not changed.
 */
export function resolveOverlaps(usable: readonly Candidate[], tokenCount: number): Candidate[] {
  // Ranking matters only among candidates that share tokens: split them into groups of
  // overlapping candidates (most candidates are alone in theirs) and rank each group on its
  // own, ties kept in input order as a stable sort of the whole list would keep them.
  const order = usable.map((_, k) => k).sort((x, y) => usable[x].first - usable[y].first || x - y);
  const owner = new Int32Array(tokenCount).fill(-1);
  const chosen: Candidate[] = [];
  for (let g = 0; g < order.length; ) {
    let end = g + 1;
    let reach = usable[order[g]].last;
    while (end < order.length && usable[order[end]].first < reach) reach = Math.max(reach, usable[order[end++]].last);
    if (end === g + 1) {
      const c = usable[order[g]];
      for (let t = c.first; t < c.last; t++) owner[t] = chosen.length;
      chosen.push(c);
    } else {
      const ranked = order.slice(g, end).sort((x, y) => rank(usable[x], usable[y]) || x - y).map((k) => usable[k]);
      chooseGroup(ranked, owner, chosen);
    }
    g = end;
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** The greedy choice inside one group of overlapping candidates, best ranked first. */
function chooseGroup(ranked: Candidate[], owner: Int32Array, chosen: Candidate[]): void {
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
    if (host.entry === undefined && host.source === 'pattern' && host.type === c.type && c.first >= host.first && c.last <= host.last && telling) {
      const inherited = copyCandidate(host);
      inherited.entry = c.entry;
      chosen[o] = inherited;
    }
  }
}

/**
 * Ids of lexicon entries, made once per entry: one string per entity, whatever its mention
 * count. `entryIds` (one slot per entry, '' until made) belongs to the caller's extractor.
 */
export function entityId(c: Candidate, index: LexiconIndex, surfaceKey: string, entryIds: string[]): string {
  if (c.entry !== undefined) {
    let id = entryIds[c.entry];
    if (id === '') {
      const e = index.entryBasics(c.entry);
      id = entryIds[c.entry] = `${e.type}:${e.arabic}`;
    }
    return id;
  }
  return `${c.type}:${surfaceKey}`;
}
