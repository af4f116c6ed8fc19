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
 * (type, entry), needs context or not, its rule. Rules return or hand over these; only
 * applyChange() writes them (see patterns.ts for the order in which rules decide).
 */
export interface Change {
  type?: EntityType;
  /** (Present and undefined: the candidate loses its entry.) */
  entry?: number | undefined;
  ambiguous?: boolean;
  directContextOnly?: boolean;
  rule?: string;
}

/** A change and the candidate it is about. */
export interface Decision {
  target: Candidate;
  change: Change;
}

/** The one place where a candidate is changed after it was made. */
export function applyChange(c: Candidate, change: Change): void {
  if (change.type !== undefined) c.type = change.type;
  if ('entry' in change) c.entry = change.entry;
  if (change.ambiguous !== undefined) c.ambiguous = change.ambiguous;
  if (change.directContextOnly !== undefined) c.directContextOnly = change.directContextOnly;
  if (change.rule !== undefined) c.rule = change.rule;
}

/** Applies the decisions of one stage, in order. */
export function applyDecisions(decisions: Decision[]): void {
  for (const d of decisions) applyChange(d.target, d.change);
}

export interface RecognizeOptions {
  /**
   * Tag descriptive organisations: a generic body with a nationality adjective
   * (الجيش السوري "the Syrian army", الحكومة اللبنانية). Off by default, as in the
   * ANERcorp guidelines, where they are not names.
   */
  descriptiveOrgs?: boolean;
}
