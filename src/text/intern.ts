/**
 * Interned token texts: a word is one string object wherever it occurs, looked up from its
 * range of the text by a hash the tokenizer computes while it scans the word. A word seen
 * before costs no substring (news text repeats a small vocabulary), and an interned string
 * keeps its hash, so the per-word caches downstream look it up cheaply.
 */

/** Hash step for one UTF-16 unit; the tokenizer folds it over the word as it scans. */
export function hashStep(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

const MAX_WORDS = 1 << 18;

/**
 * A copy of s that does not share storage with the text it was sliced from: V8 keeps a
 * whole text alive as long as a slice of it lives, so a cached or interned long word would
 * hold its whole streamed chunk (tens of MB per worker on a long input). Strings under 13
 * units are copies already.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class WordTable {
  /** Open addressing; '' marks a free slot (a token is never empty). */
  private words: string[] = emptySlots(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private count = 0;

  /** The interned string equal to text.slice(start, end), whose hash (hashStep over it from 0) is `hash`. */
  intern(text: string, start: number, end: number, hash: number): string {
    const mask = this.words.length - 1;
    const len = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const w = this.words[slot];
      if (w === '') break;
      if (this.hashes[slot] === hash && w.length === len && sameRange(w, text, start)) return w;
    }
    const word = ownCopy(text.slice(start, end));
    if (this.count >= MAX_WORDS) this.clear();
    if ((this.count + 1) * 2 > this.words.length) this.grow();
    this.put(word, hash);
    return word;
  }

  private put(word: string, hash: number): void {
    const mask = this.words.length - 1;
    let slot = hash & mask;
    while (this.words[slot] !== '') slot = (slot + 1) & mask;
    this.words[slot] = word;
    this.hashes[slot] = hash;
    this.count++;
  }

  private grow(): void {
    const old = this.words;
    const oldHashes = this.hashes;
    this.words = emptySlots(old.length * 2);
    this.hashes = new Int32Array(old.length * 2);
    this.count = 0;
    for (let k = 0; k < old.length; k++) if (old[k] !== '') this.put(old[k], oldHashes[k]);
  }

  /** Bounded memory on endless vocabularies: interning only saves work, so forgetting is safe. */
  private clear(): void {
    this.words = emptySlots(1 << 12);
    this.hashes = new Int32Array(1 << 12);
    this.count = 0;
  }
}

function emptySlots(n: number): string[] {
  return new Array<string>(n).fill('');
}

function sameRange(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
