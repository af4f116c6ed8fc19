/**
 * Tokenisation of normalised text with offsets. A token is a maximal run of letters and
 * digits (any script); everything else (Arabic and Latin punctuation, quotes, brackets,
 * dashes, spaces) separates tokens. Each token records whether only spaces separate it
 * from the previous one: names never run across punctuation or line ends.
 */
import { hashStep, type WordTable } from './intern.js';

export interface Token {
  /** Start in the normalised text (UTF-16 units). */
  start: number;
  /** End, exclusive. */
  end: number;
  text: string;
  /** The word's id in the table given to tokenize() (-1 without one): see intern.ts. */
  id: number;
  /** True when the gap before this token holds punctuation or a line break (or it is the first). */
  breakBefore: boolean;
  /** The gap before this token holds an opening quote (" « “ ”). */
  quoteBefore: boolean;
  /** The gap after this token holds a closing quote. */
  quoteAfter: boolean;
}

// 0 = unknown, 1 = word character, 2 = not.
const classCache = new Uint8Array(0x10000);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x0621 && c <= 0x064a) return true;
  const k = classCache[c];
  if (k !== 0) return k === 1;
  // Surrogates: treat astral letters as word characters only if the pair is a letter; keep it simple
  // and treat every surrogate as a separator (emoji, symbols dominate there in news text).
  const word = c >= 0xd800 && c <= 0xdfff ? false : WORD_RE.test(String.fromCharCode(c));
  classCache[c] = word ? 1 : 2;
  return word;
}

const QUOTES = new Set(['"', '«', '»', '“', '”', '„', "'", '‘', '’']);
const QUOTE_CODES = new Set([...QUOTES].map((q) => q.charCodeAt(0)));
const SPACE_RE = /\s/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c || (c > 0x7f && SPACE_RE.test(String.fromCharCode(c)));
}

/**
 * With a word table, each token carries its word's id, and equal token texts are one
 * string (see intern.ts). With `reuse`, its token objects are overwritten and it is returned.
 */
export function tokenize(text: string, words?: WordTable<unknown>, reuse?: Token[]): Token[] {
  // A caller that is done with the previous document's tokens gives them back to be
  // overwritten: a token stream is millions of objects, most of the young generation's work.
  const tokens: Token[] = reuse ?? [];
  let count = 0;
  const n = text.length;
  let i = 0;
  let prevEnd = 0;
  while (i < n) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0;
    for (let c = text.charCodeAt(i); i < n && isWordUnit(c); c = text.charCodeAt(++i)) hash = hashStep(hash, c);
    // The gap is scanned in place (no slice, no regex): this runs once per token.
    let breakBefore = count === 0;
    let quoteBefore = false;
    for (let g = prevEnd; g < start; g++) {
      const c = text.charCodeAt(g);
      if (c === 0x20) continue;
      if (c === 0x0a || !isSpace(c)) breakBefore = true;
      if (QUOTE_CODES.has(c)) quoteBefore = true;
    }
    const id = words ? words.intern(text, start, i, hash) : -1;
    const word = words ? words.text(id) : text.slice(start, i);
    if (quoteBefore && count > 0) tokens[count - 1].quoteAfter = true;
    if (count < tokens.length) {
      const tok = tokens[count];
      tok.start = start;
      tok.end = i;
      tok.text = word;
      tok.id = id;
      tok.breakBefore = breakBefore;
      tok.quoteBefore = quoteBefore;
      tok.quoteAfter = false;
    } else tokens.push({ start, end: i, text: word, id, breakBefore, quoteBefore, quoteAfter: false });
    count++;
    prevEnd = i;
  }
  tokens.length = count;
  if (count > 0) tokens[count - 1].quoteAfter = hasQuote(text.slice(prevEnd));
  return tokens;
}

function hasQuote(gap: string): boolean {
  for (const ch of gap) if (QUOTES.has(ch)) return true;
  return false;
}
