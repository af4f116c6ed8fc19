/**
 * CoNLL export: one "token TAG" per line (BIO tags: B-PER, I-PER, ..., O), a blank line
 * between sentences and between documents. `kiyan eval FILE.conll` reads it back as gold.
 *
 * Tokens are what a reader calls words: whitespace separates them; a run of letters,
 * marks and digits is one token (ـ tatweel and the zero-width (non-)joiner stay inside
 * words; 3.5 and 1,000 stay whole); every other character (punctuation, quotes,
 * brackets) is a token of its own. On top of that a token is split wherever a mention
 * starts or ends inside it, so a proclitic the mention does not include becomes its own
 * token (لموسكو -> ل O, موسكو B-LOC) and every BIO span is exactly the mention.
 *
 * Sentences end after . ! ? ؟ … (and the closing quotes or brackets right after them)
 * and at every line break.
 */
import type { Entity } from '../model.js';

export interface ConllTokenOut {
  text: string;
  /** Code-point offsets into the input, end exclusive. */
  start: number;
  end: number;
  tag: string;
}

const WORD = /[\p{L}\p{M}\p{N}\u0640\u200C\u200D]/u;
const NUMBER_SEP = /[.,\u066B\u066C]/u;
const SPACE = /[\s\p{Z}\p{Cf}]/u;
const ENDERS = new Set(['.', '!', '?', '؟', '…', '۔']);
const CLOSERS = new Set(['”', '»', ')', ']', '}', '’', '"', "'"]);

/** Sentences of tokens (code-point offsets), split at the given extra cut points too. */
export function conllTokens(text: string, cuts: Iterable<number> = []): Array<Array<{ text: string; start: number; end: number }>> {
  const cps = [...text];
  const cutSet = new Set(cuts);
  const sents: Array<Array<{ text: string; start: number; end: number }>> = [];
  let cur: Array<{ text: string; start: number; end: number }> = [];
  let ended = false;
  const flush = (): void => {
    if (cur.length) sents.push(cur);
    cur = [];
    ended = false;
  };
  const push = (start: number, end: number): void => {
    // split at mention boundaries inside the token
    let a = start;
    for (let k = start + 1; k < end; k++) {
      if (cutSet.has(k)) {
        cur.push({ text: cps.slice(a, k).join(''), start: a, end: k });
        a = k;
      }
    }
    cur.push({ text: cps.slice(a, end).join(''), start: a, end });
  };
  let i = 0;
  while (i < cps.length) {
    const c = cps[i];
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') {
      flush();
      i++;
      continue;
    }
    if (SPACE.test(c) && c !== '\u200C' && c !== '\u200D') {
      i++;
      continue;
    }
    if (WORD.test(c)) {
      if (ended) flush();
      const start = i;
      i++;
      for (;;) {
        if (i < cps.length && WORD.test(cps[i])) i++;
        else if (i + 1 < cps.length && NUMBER_SEP.test(cps[i]) && /\p{N}/u.test(cps[i - 1]) && /\p{N}/u.test(cps[i + 1])) i += 2;
        else break;
      }
      push(start, i);
      continue;
    }
    // one punctuation / symbol character
    if (ended && !ENDERS.has(c) && !CLOSERS.has(c)) flush();
    push(i, i + 1);
    if (ENDERS.has(c)) ended = true;
    i++;
  }
  flush();
  return sents;
}

/** Tags every token: B-TYPE / I-TYPE inside a mention, O elsewhere. */
export function conllSentences(text: string, entities: Array<Pick<Entity, 'start' | 'end' | 'type'>>): ConllTokenOut[][] {
  const cuts: number[] = [];
  for (const e of entities) cuts.push(e.start, e.end);
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  let j = 0;
  return conllTokens(text, cuts).map((s) =>
    s.map((t) => {
      while (j < sorted.length && sorted[j].end <= t.start) j++;
      const e = sorted[j];
      const inside = e !== undefined && t.start >= e.start && t.end <= e.end;
      const tag = inside ? `${t.start === e.start ? 'B' : 'I'}-${e.type}` : 'O';
      return { ...t, tag };
    }),
  );
}

export function formatConll(text: string, entities: Array<Pick<Entity, 'start' | 'end' | 'type'>>): string {
  return conllSentences(text, entities)
    .map((s) => s.map((t) => `${t.text} ${t.tag}\n`).join('') + '\n')
    .join('');
}
