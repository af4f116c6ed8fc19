/**
 * The clusters of a streamed input, merged chunk by chunk and held until its close, in
 * little memory. A streamed input's clusters are one per distinct entity and keep growing
 * with the input (128,599 for 200 MB of the benchmark's text); as objects (seven fields, a
 * `texts` array, every string cloned from the worker as a separate two-byte copy) they
 * took about 500 bytes each of the main thread's heap. Here each cluster is its first
 * part's JSON, as UTF-8 bytes, in blocks of off-heap memory, with its mention count and
 * first offset in typed columns. Its surface forms are one string (joined by NUL), so that
 * a later chunk's new forms can be checked and added without decoding it.
 */
import type { Cluster } from '../model.js';

const BLOCK_BYTES = 1 << 20;

/** A growable column of numbers (32-bit unsigned, or 64-bit floats for offsets into an input of any size). */
class Column<T extends Uint32Array | Float64Array> {
  constructor(public data: T) {}
  grow(n: number): void {
    if (n <= this.data.length) return;
    const next = new (this.data.constructor as new (n: number) => T)(Math.max(n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

export class ClusterStore {
  private readonly index = new Map<string, number>();
  private readonly blocks: Buffer[] = [];
  private used = BLOCK_BYTES;
  /** Per cluster: block, byte offset, byte length of its JSON; mentions; first offset. */
  private readonly where = new Column(new Uint32Array(3072));
  private readonly mentions = new Column(new Float64Array(1024));
  private readonly first = new Column(new Float64Array(1024));
  /** Per cluster: its surface forms joined by NUL (a string per cluster, not an array of them) and how many. */
  private readonly texts: string[] = [];
  private readonly textCount = new Column(new Uint32Array(1024));
  /** Per cluster: 1 when it has an English name. */
  private hasEn = new Uint8Array(1024);
  /** English names found after a cluster's first part. */
  private readonly lateEn = new Map<number, string>();

  get size(): number {
    return this.index.size;
  }

  /** Merges one chunk's cluster into the input's: mentions add up, texts (at most 50) and en as the chunks come. */
  add(part: Cluster): void {
    const i = this.index.get(part.id);
    if (i === undefined) {
      this.append(part);
      return;
    }
    this.mentions.data[i] += part.mentions;
    if (!this.hasEn[i] && part.en) {
      this.hasEn[i] = 1;
      this.lateEn.set(i, part.en);
    }
    const count = this.textCount.data;
    for (const t of part.texts) {
      if (count[i] >= 50) break;
      const joined = this.texts[i];
      if (joined === t || joined.startsWith(t + '\0') || joined.endsWith('\0' + t) || joined.includes('\0' + t + '\0')) continue;
      this.texts[i] = joined + '\0' + t;
      count[i]++;
    }
  }

  /** The clusters, most mentioned first (then the earliest), made one at a time. */
  *sorted(): Generator<Cluster> {
    const n = this.index.size;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const m = this.mentions.data;
    const f = this.first.data;
    order.sort((a, b) => m[b] - m[a] || f[a] - f[b]);
    for (const i of order) yield this.cluster(i);
  }

  private append(part: Cluster): void {
    const i = this.index.size;
    const json = JSON.stringify(part);
    const bytes = Buffer.byteLength(json);
    if (this.used + bytes > BLOCK_BYTES) {
      this.blocks.push(Buffer.allocUnsafeSlow(Math.max(BLOCK_BYTES, bytes)));
      this.used = 0;
    }
    const block = this.blocks.length - 1;
    this.blocks[block].write(json, this.used);
    this.where.grow(3 * i + 3);
    this.mentions.grow(i + 1);
    this.first.grow(i + 1);
    this.where.data[3 * i] = block;
    this.where.data[3 * i + 1] = this.used;
    this.where.data[3 * i + 2] = bytes;
    this.mentions.data[i] = part.mentions;
    this.first.data[i] = part.first;
    this.used += bytes;
    this.index.set(part.id, i);
    this.textCount.grow(i + 1);
    this.textCount.data[i] = part.texts.length;
    this.texts.push(part.texts.join('\0'));
    if (i >= this.hasEn.length) {
      const next = new Uint8Array(this.hasEn.length * 2);
      next.set(this.hasEn);
      this.hasEn = next;
    }
    this.hasEn[i] = part.en ? 1 : 0;
  }

  /** Cluster i as an object, its fields in their order of first sight (an English name found later comes last, as it did on the object). */
  private cluster(i: number): Cluster {
    const w = this.where.data;
    const at = w[3 * i + 1];
    const c = JSON.parse(this.blocks[w[3 * i]].toString('utf8', at, at + w[3 * i + 2])) as Cluster;
    c.mentions = this.mentions.data[i];
    if (this.textCount.data[i] !== c.texts.length) c.texts = this.texts[i].split('\0');
    const en = this.lateEn.get(i);
    if (en !== undefined) c.en = en;
    return c;
  }
}
