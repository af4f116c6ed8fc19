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
    // Its own copy, not a slice: a slice keeps the whole text it came from alive (a streamed
    // chunk per long word) for as long as the table holds the word.
    const word = len < 13 ? text.slice(start, end) : (' ' + text.slice(start, end)).slice(1);
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
