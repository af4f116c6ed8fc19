import type { EntityType, MentionSource } from '../model.js';

/** A candidate mention over tokens of the normalised text, before offsets are mapped back. */
export interface Candidate {
  /** First and one-past-last token index. */
  first: number;
  last: number;
  /** Span in the normalised text (the proclitics of the first token excluded). */
  start: number;
  end: number;
  type: EntityType;
  source: MentionSource;
  /** Lexicon entry index, when the lexicon knows the entity. */
  entry?: number;
  /** Needs context before it can be kept. */
  ambiguous: boolean;
  /** Ambiguous, and another mention of the same entity nearby is not enough context. */
  directContextOnly?: boolean;
  /** Which rule produced it (for --explain and lexicon lookup). */
  rule: string;
  /** Lookup form of the first token when proclitics were stripped (للجيش -> الجيش). */
  firstForm?: string;
}

/**
 * Every candidate is made here, with all fields in one order: the hot functions that read
 * candidates then see one object shape (V8 map), not one per producer and per optional
 * field set later. Mixed shapes made those functions deoptimise and recompile again and
 * again (see the note in README, Performance).
 */
export function candidate(
  first: number,
  last: number,
  start: number,
  end: number,
  type: EntityType,
  source: MentionSource,
  entry: number | undefined,
  ambiguous: boolean,
  rule: string,
  firstForm: string | undefined,
): Candidate {
  return { first, last, start, end, type, source, entry, ambiguous, directContextOnly: false, rule, firstForm };
}

/** A copy of c (same object shape), for stages that return changed candidates rather than edit them. */
export function copyCandidate(c: Candidate): Candidate {
  const d = candidate(c.first, c.last, c.start, c.end, c.type, c.source, c.entry, c.ambiguous, c.rule, c.firstForm);
  d.directContextOnly = c.directContextOnly;
  return d;
}

/**
 * What a rule decides about a candidate it did not make (a lexicon match): another reading
 * (type, entry), needs context or not, its rule, a shorter span (last, end), its source. Rules return or hand over these; only
 * applyChange() writes them (see patterns.ts for the order in which rules decide).
 */
export interface Change {
  type?: EntityType;
  /** (Present and undefined: the candidate loses its entry.) */
  entry?: number | undefined;
  ambiguous?: boolean;
  directContextOnly?: boolean;
  rule?: string;
  source?: MentionSource;
  /** A new end (one-past-last token, and its end in the normalised text); the start stays. */
  last?: number;
  end?: number;
}

/** A change and the candidate it is about. */
export interface Decision {
  target: Candidate;
  change: Change;
}

/** Writes a change into a candidate: only for LexiconReadings (below) and stages' own copies. */
function applyChange(c: Candidate, change: Change): void {
  if (change.type !== undefined) c.type = change.type;
  if ('entry' in change) c.entry = change.entry;
  if (change.ambiguous !== undefined) c.ambiguous = change.ambiguous;
  if (change.directContextOnly !== undefined) c.directContextOnly = change.directContextOnly;
  if (change.rule !== undefined) c.rule = change.rule;
  if (change.source !== undefined) c.source = change.source;
  if (change.last !== undefined) c.last = change.last;
  if (change.end !== undefined) c.end = change.end;
}

/**
 * The lexicon matches as the rules read them: the matches given (one per first token, in
 * token order), each replaced by a copy with the change the first time a rule decides about
 * it. The matches given are never changed, and a match nobody decides about is not copied
 * (copying all of them cost about 10% of a warm run's recognition time).
 */
export class LexiconReadings {
  /** The current readings, in token order. */
  readonly cands: Candidate[];
  /** First token -> its current reading. */
  readonly starts: Map<number, Candidate>;
  private readonly owned: Uint8Array;

  constructor(lexicon: readonly Candidate[]) {
    this.cands = lexicon.slice();
    this.starts = new Map();
    for (const c of this.cands) this.starts.set(c.first, c);
    this.owned = new Uint8Array(this.cands.length);
  }

  /** The one place where a lexicon match's reading changes (target: the match or an earlier reading of it). */
  decide(target: Candidate, change: Change): void {
    const cands = this.cands;
    let lo = 0;
    let hi = cands.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cands[mid].first < target.first) lo = mid + 1;
      else hi = mid;
    }
    let c = cands[lo];
    if (c === undefined || c.first !== target.first) throw new Error('decide: not a lexicon match of this scan');
    if (!this.owned[lo]) {
      c = copyCandidate(c);
      cands[lo] = c;
      this.starts.set(c.first, c);
      this.owned[lo] = 1;
    }
    applyChange(c, change);
  }

  /** Applies the decisions of one stage, in order. */
  apply(decisions: readonly Decision[]): void {
    for (const d of decisions) this.decide(d.target, d.change);
  }
}

export interface RecognizeOptions {
  /**
   * Tag descriptive organisations: a generic body with a nationality adjective
   * (الجيش السوري "the Syrian army", الحكومة اللبنانية). Off by default, as in the
   * ANERcorp guidelines, where they are not names.
   */
  descriptiveOrgs?: boolean;
}
