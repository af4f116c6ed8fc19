/**
 * Evaluation the way ../shared/tools/score.py does it: CoNLL gold, tokens joined by single
 * spaces and sentences by newlines, predicted spans mapped onto tokens by overlap,
 * conlleval exact match on PER/LOC/ORG (PERS -> PER; MISC and others ignored).
 */
import type { Entity } from '../model.js';

export const EVAL_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type EvalType = (typeof EVAL_TYPES)[number];

export interface ConllToken {
  word: string;
  tag: string;
}

export function normalizeTagType(t: string): string {
  const u = t.toUpperCase();
  if (u === 'PERS' || u === 'PERSON') return 'PER';
  if (u === 'LOCATION' || u === 'GPE') return 'LOC';
  if (u === 'ORGANIZATION' || u === 'ORGANISATION') return 'ORG';
  return u;
}

export function parseConll(text: string): ConllToken[][] {
  const sents: ConllToken[][] = [];
  let cur: ConllToken[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim()) {
      if (cur.length) sents.push(cur);
      cur = [];
      continue;
    }
    // A comment naming a document (kiyan's record mode writes `# id = ...`), as in CoNLL-U.
    if (/^# \S+ = /.test(line)) continue;
    const sep = line.includes(' ') ? line.lastIndexOf(' ') : line.lastIndexOf('\t');
    if (sep < 0) throw new Error(`line "${line.slice(0, 40)}" has no tag (expected "token TAG")`);
    cur.push({ word: line.slice(0, sep), tag: line.slice(sep + 1) });
  }
  if (cur.length) sents.push(cur);
  return sents;
}

export interface ConllText {
  text: string;
  /** Code-point spans of every token, in order. */
  spans: Array<[number, number]>;
  tags: string[];
  words: string[];
}

export function conllToText(sents: ConllToken[][]): ConllText {
  const spans: Array<[number, number]> = [];
  const tags: string[] = [];
  const words: string[] = [];
  const lines: string[] = [];
  let pos = 0;
  for (const s of sents) {
    for (const { word, tag } of s) {
      const len = [...word].length;
      spans.push([pos, pos + len]);
      tags.push(tag);
      words.push(word);
      pos += len + 1;
    }
    lines.push(s.map((t) => t.word).join(' '));
  }
  return { text: lines.join('\n') + '\n', spans, tags, words };
}

/** Predicted entities -> BIO tags over the gold tokens (first come, first served, like score.py). */
export function entitiesToTags(entities: Pick<Entity, 'start' | 'end' | 'type'>[], spans: Array<[number, number]>): string[] {
  const tags = new Array<string>(spans.length).fill('O');
  const starts = spans.map((s) => s[0]);
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  for (const e of sorted) {
    const typ = normalizeTagType(e.type);
    if (!(EVAL_TYPES as readonly string[]).includes(typ)) continue;
    let i = Math.max(0, bisectRight(starts, e.start) - 1);
    const idx: number[] = [];
    while (i < spans.length && spans[i][0] < e.end) {
      const [a, b] = spans[i];
      if (b > e.start && a < e.end) idx.push(i);
      i++;
    }
    if (!idx.length || idx.some((j) => tags[j] !== 'O')) continue;
    tags[idx[0]] = 'B-' + typ;
    for (const j of idx.slice(1)) tags[j] = 'I-' + typ;
  }
  return tags;
}

function bisectRight(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface Span {
  type: EvalType;
  start: number;
  end: number;
}

export function spansFromBio(tags: string[]): Span[] {
  const out: Span[] = [];
  let start = -1;
  let typ = '';
  const all = [...tags, 'O'];
  all.forEach((t, i) => {
    const isI = t.startsWith('I-');
    if (t === 'O' || t.startsWith('B-') || (isI && normalizeTagType(t.slice(2)) !== typ)) {
      if (start >= 0) out.push({ type: typ as EvalType, start, end: i });
      start = -1;
      typ = '';
      if (t.startsWith('B-') || isI) {
        const nt = normalizeTagType(t.slice(2));
        if ((EVAL_TYPES as readonly string[]).includes(nt)) {
          start = i;
          typ = nt;
        }
      }
    }
  });
  return out;
}

export interface TypeScore {
  p: number;
  r: number;
  f1: number;
  gold: number;
  pred: number;
  tp: number;
}

export type Scores = Record<EvalType | 'ALL', TypeScore>;

const key = (s: Span): string => `${s.type}:${s.start}:${s.end}`;

export function scoreSpans(gold: Span[], pred: Span[]): Scores {
  const out = {} as Scores;
  for (const typ of [...EVAL_TYPES, 'ALL'] as const) {
    const g = new Set(gold.filter((s) => typ === 'ALL' || s.type === typ).map(key));
    const q = new Set(pred.filter((s) => typ === 'ALL' || s.type === typ).map(key));
    let tp = 0;
    for (const k of q) if (g.has(k)) tp++;
    const p = q.size ? tp / q.size : 0;
    const r = g.size ? tp / g.size : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    out[typ] = { p: round2(100 * p), r: round2(100 * r), f1: round2(100 * f), gold: g.size, pred: q.size, tp };
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface ErrorExample {
  kind: 'false-positive' | 'miss';
  type: EvalType;
  text: string;
  count: number;
  context: string;
}

/** The most frequent false positives and misses, with one context each. */
export function errorReport(gold: Span[], pred: Span[], words: string[], limit: number, sep = ' '): ErrorExample[] {
  const g = new Set(gold.map(key));
  const q = new Set(pred.map(key));
  const agg = new Map<string, ErrorExample>();
  const ctx = sep === '' ? 6 : 1;
  const note = (s: Span, kind: ErrorExample['kind']): void => {
    const text = words.slice(s.start, s.end).join(sep);
    const k = `${kind}\u0000${s.type}\u0000${text}`;
    const prev = agg.get(k);
    if (prev) prev.count++;
    else agg.set(k, { kind, type: s.type, text, count: 1, context: words.slice(Math.max(0, s.start - 4 * ctx), s.end + 4 * ctx).join(sep) });
  };
  for (const s of pred) if (!g.has(key(s))) note(s, 'false-positive');
  for (const s of gold) if (!q.has(key(s))) note(s, 'miss');
  return [...agg.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}
