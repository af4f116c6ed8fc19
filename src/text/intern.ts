/**
 * Word ids: each distinct token text gets an integer id once, looked up from its range of
 * the text by a hash the tokenizer computes while it scans the word. A word seen before
 * costs no substring, and whatever is known about a word (its facts, see
 * recognize/features.ts) lives in a column indexed by its id, computed once for the life
 * of the table.
 *
 * Real text keeps adding words, so memory is bounded by eviction between documents: when
 * the table holds `capacity` words, the words least recently used (by document) are
 * forgotten until half of it is left. Hot words (the Zipfian head of a corpus) stay.
 */

/** Hash step for one UTF-16 unit; the tokenizer folds it over the word as it scans. */
export function hashStep(h: number, unit: number): number {
  return (Math.imul(h, 31) + unit) | 0;
}

/** hashStep folded over s, and 31 ** s.length: what WordTable.find() takes of a word's tail. */
export function wordHash(s: string): { hash: number; power: number } {
  let hash = 0;
  let power = 1;
  for (let k = 0; k < s.length; k++) {
    hash = hashStep(hash, s.charCodeAt(k));
    power = Math.imul(power, 31);
  }
  return { hash, power };
}

/**
 * A copy of s that does not share storage with the text it was sliced from: V8 keeps a
 * whole text alive as long as a slice of it lives, so a remembered long word would hold
 * its whole streamed chunk (tens of MB per worker on a long input). Strings under 13 units
 * are copies already.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Words a table holds before it evicts: above the working set of a corpus (news text has
 * about 150,000 distinct words in 50 MB, most of them seen once or twice), and about
 * 100 MB of word facts at most (~400 bytes a word, measured on real text, 2026-12-08).
 */
export const DEFAULT_WORD_CAPACITY = 1 << 18;

/** A numeric column by word id (see WordTable.addColumn). */
export type WordColumn = Int32Array | Uint8Array;

/**
 * The probe slot of a hash: hashStep's low bits cluster on Arabic text (its letters share a
 * 0x06 high byte and the multiplier is small), so the bits are mixed before masking.
 * Measured over 20 MB of real text (2026-12-08): a look-up of an absent word (most of
 * markNameStarts' find() calls) probed 10.9 slots with the bare hash, 1.65 mixed; a token's
 * look-up 1.16 slots, 1.04 mixed.
 */
function slotOf(hash: number, mask: number): number {
  const h = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 16)) & mask;
}

export class WordTable<Facts> {
  /**
   * Open addressing over ids: slot k is slots[4k] = the word's hash, slots[4k + 1] = its id
   * + 1 (0 marks a free slot), slots[4k + 2] and [4k + 3] = where its characters start in
   * `chars` and how many. A probe reads one place in memory before it compares texts (the
   * start and length read from columns by id cost a cache miss each on rare words).
   */
  private slots = new Int32Array(4 << 12);
  /** Columns by word id. */
  private texts: string[] = [];
  private hashes = new Int32Array(1 << 11);
  /**
   * The words' characters again, end to end, where a probe compares them: frequent words
   * get low ids, so their characters sit together at the start (the strings themselves
   * are scattered over the heap, and reading one cost a cache miss per token).
   */
  private chars = new Uint16Array(1 << 14);
  private charsUsed = 0;
  private starts = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private used = new Int32Array(1 << 11);
  /** Per word id: what the owner computed about the word (undefined until asked). */
  facts: Array<Facts | undefined> = [];
  /** The owner's numeric columns by word id, and the value a new word starts with in each. */
  readonly columns: WordColumn[] = [];
  private readonly initial: number[] = [];
  private count = 0;
  /** Numbers the documents (see beginDocument): a word's `used` is the last document it occurred in. */
  private doc = 0;
  /** Words forgotten so far (for tests and figures). */
  evicted = 0;

  constructor(readonly capacity = DEFAULT_WORD_CAPACITY) {
    if (capacity < 16) throw new RangeError('word table capacity below 16');
  }

  /**
   * Adds a numeric column by word id (every word starts with `initial`) and returns its
   * number: read it as `columns[k]`, again after any intern() (growth replaces the array).
   */
  addColumn(type: 'i32' | 'u8', initial: number): number {
    const n = this.hashes.length;
    const col = type === 'i32' ? new Int32Array(n) : new Uint8Array(n);
    col.fill(initial);
    this.initial.push(initial);
    return this.columns.push(col) - 1;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Starts a document and returns its number. Ids stay valid until the next call: eviction
   * renumbers words, and only happens here, between documents.
   */
  beginDocument(): number {
    if (this.count >= this.capacity) this.evict();
    return ++this.doc;
  }

  /** The id of the word equal to text.slice(start, end), whose hash (hashStep over it from 0) is `hash`. */
  intern(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const len = end - start;
    let slot = slotOf(hash, mask);
    for (; ; slot = (slot + 1) & mask) {
      const s = slots[4 * slot + 1];
      if (s === 0) break;
      if (slots[4 * slot] === hash && slots[4 * slot + 3] === len && sameChars(this.chars, slots[4 * slot + 2], text, start, len)) {
        this.used[s - 1] = this.doc;
        return s - 1;
      }
    }
    const id = this.count++;
    if (id === this.hashes.length) this.growColumns();
    this.texts.push(ownCopy(text.slice(start, end)));
    this.starts[id] = this.charsUsed;
    this.lengths[id] = len;
    this.appendChars(text, start, end);
    this.facts.push(undefined);
    this.hashes[id] = hash;
    this.used[id] = this.doc;
    for (let k = 0; k < this.columns.length; k++) this.columns[k][id] = this.initial[k];
    slots[4 * slot] = hash;
    slots[4 * slot + 1] = id + 1;
    slots[4 * slot + 2] = this.starts[id];
    slots[4 * slot + 3] = len;
    if (this.count * 2 > slots.length >> 2) this.rehash(slots.length >> 1);
    return id;
  }

  /**
   * The id of the word prefix + rest, or -1 when the table does not hold it. `restHash` and
   * `restPower` are wordHash(rest) and 31 ** rest.length (as hashStep computes them), so
   * that asking for several prefixes of one word does not hash it again each time.
   */
  find(prefix: string, rest: string, restHash: number, restPower: number): number {
    let hash = 0;
    for (let k = 0; k < prefix.length; k++) hash = hashStep(hash, prefix.charCodeAt(k));
    hash = (Math.imul(hash, restPower) + restHash) | 0;
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const len = prefix.length + rest.length;
    for (let slot = slotOf(hash, mask); ; slot = (slot + 1) & mask) {
      const s = slots[4 * slot + 1];
      if (s === 0) return -1;
      if (slots[4 * slot] !== hash) continue;
      const w = this.texts[s - 1];
      if (w.length === len && w.startsWith(prefix) && w.endsWith(rest)) return s - 1;
    }
  }

  /** The text of word `id`. */
  text(id: number): string {
    return this.texts[id];
  }

  private appendChars(text: string, start: number, end: number): void {
    const len = end - start;
    if (this.charsUsed + len > this.chars.length) {
      let size = this.chars.length * 2;
      while (this.charsUsed + len > size) size *= 2;
      const chars = new Uint16Array(size);
      chars.set(this.chars.subarray(0, this.charsUsed));
      this.chars = chars;
    }
    for (let k = 0; k < len; k++) this.chars[this.charsUsed + k] = text.charCodeAt(start + k);
    this.charsUsed += len;
  }

  private growColumns(): void {
    for (const name of ['starts', 'lengths'] as const) {
      const col = new Int32Array(this[name].length * 2);
      col.set(this[name]);
      this[name] = col;
    }
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const used = new Int32Array(this.used.length * 2);
    used.set(this.used);
    this.used = used;
    for (let k = 0; k < this.columns.length; k++) {
      const old = this.columns[k];
      const col = old instanceof Int32Array ? new Int32Array(old.length * 2) : new Uint8Array(old.length * 2);
      col.set(old);
      this.columns[k] = col;
    }
  }

  /** A new probe table of `size` slots. */
  private rehash(size: number): void {
    const slots = (this.slots = new Int32Array(4 * size));
    const mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      const hash = this.hashes[id];
      let slot = slotOf(hash, mask);
      while (slots[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[4 * slot] = hash;
      slots[4 * slot + 1] = id + 1;
      slots[4 * slot + 2] = this.starts[id];
      slots[4 * slot + 3] = this.lengths[id];
    }
  }

  /** Keeps the most recently used half of the capacity (by document), renumbered from 0. */
  private evict(): void {
    const keep = this.capacity >> 1;
    const order = this.used.slice(0, this.count).sort();
    // Words last used after `cut` are kept; ties at `cut` are kept while there is room.
    const cut = order[this.count - keep];
    let room = keep - (this.count - upperBound(order, cut));
    let next = 0;
    for (let id = 0; id < this.count; id++) {
      const u = this.used[id];
      if (u < cut || (u === cut && room-- <= 0)) continue;
      this.texts[next] = this.texts[id];
      this.facts[next] = this.facts[id];
      this.hashes[next] = this.hashes[id];
      this.used[next] = u;
      for (const col of this.columns) col[next] = col[id];
      next++;
    }
    this.evicted += this.count - next;
    this.count = next;
    this.texts.length = next;
    // The kept words' characters, renumbered with them.
    this.charsUsed = 0;
    for (let id = 0; id < next; id++) {
      const w = this.texts[id];
      this.starts[id] = this.charsUsed;
      this.lengths[id] = w.length;
      this.appendChars(w, 0, w.length);
    }
    this.facts.length = next;
    let size = 1 << 12;
    while (next * 2 > size) size *= 2;
    this.rehash(size);
  }
}

/** Index of the first element of the ascending array a greater than x. */
function upperBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameChars(chars: Uint16Array, at: number, text: string, start: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (chars[at + k] !== text.charCodeAt(start + k)) return false;
  return true;
}
