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
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  /** The clusters in the order they were first seen. */
  *all(): Generator<Cluster> {
    for (let i = 0; i < this.index.size; i++) yield this.cluster(i);
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

/** Clusters held in memory before the store spills them to temporary files (about 25 MB of them). */
export const SPILL_AFTER = 1 << 16;
const PARTITIONS = 64;
const FLUSH_CHARS = 1 << 16;

/**
 * The clusters of a streamed input of any size, in bounded memory: merged in a ClusterStore
 * until it holds `spillAfter` clusters; then (and at each later fill) its clusters are
 * written out, by a hash of their id, to one of 64 temporary files, and it starts empty.
 * A cluster written out merges with its later parts exactly as it would have in memory
 * (mentions add up, the first part's fields and order stay, texts keep their order up to
 * 50, a late English name comes last), so at the end each file is merged on its own and
 * the clusters come out in the same order and the same JSON as from one ClusterStore.
 * A streamed input's clusters grow with it (128,599 for 200 MB of the benchmark's text);
 * the main thread now holds at most `spillAfter` of them, and 28 bytes per cluster at the
 * end. (At 200 MB the peak hardly moved, 342,920 against 358,208 KB from stdin and the
 * same as a file: it is the growth beyond that this removes.) Inputs with fewer clusters
 * never touch the disk.
 */
export class StreamClusters {
  private mem = new ClusterStore();
  private spill?: { dir: string; fds: number[]; pending: string[][]; pendingChars: number[] };
  private merged?: { count: number; fd: number; at: Float64Array; len: Uint32Array; mentions: Float64Array; first: Float64Array };

  constructor(
    private readonly spillAfter = SPILL_AFTER,
    private readonly tmp = tmpdir(),
  ) {}

  add(part: Cluster): void {
    this.mem.add(part);
    if (this.mem.size >= this.spillAfter) this.spillMemory();
  }

  /** Distinct clusters (merges what was spilled, once). */
  get size(): number {
    return this.spill ? this.merge().count : this.mem.size;
  }

  /** The clusters, most mentioned first (then the earliest), as ClusterStore.sorted() gives them. */
  *sorted(): Generator<Cluster> {
    if (!this.spill) {
      yield* this.mem.sorted();
      return;
    }
    const m = this.merge();
    const order = new Uint32Array(m.count);
    for (let i = 0; i < m.count; i++) order[i] = i;
    order.sort((a, b) => m.mentions[b] - m.mentions[a] || m.first[a] - m.first[b]);
    let buf = Buffer.allocUnsafe(1 << 12);
    try {
      for (const i of order) {
        const n = m.len[i];
        if (n > buf.length) buf = Buffer.allocUnsafe(n);
        readSync(m.fd, buf, 0, n, m.at[i]);
        yield JSON.parse(buf.toString('utf8', 0, n)) as Cluster;
      }
    } finally {
      this.dispose();
    }
  }

  /** Removes the temporary files (after sorted(), or when the input fails or the run stops). */
  dispose(): void {
    const dir = this.spill?.dir;
    if (!dir) return;
    for (const fd of this.spill!.fds) if (fd >= 0) closeSync(fd);
    if (this.merged) closeSync(this.merged.fd);
    this.spill!.fds = [];
    this.merged = undefined;
    this.spill!.dir = '';
    rmSync(dir, { recursive: true, force: true });
  }

  private spillMemory(): void {
    if (!this.spill) {
      const dir = mkdtempSync(join(this.tmp, 'kiyan-clusters-'));
      this.spill = { dir, fds: Array.from({ length: PARTITIONS }, (_, k) => openSync(join(dir, `${k}.jsonl`), 'w')), pending: Array.from({ length: PARTITIONS }, () => []), pendingChars: new Array<number>(PARTITIONS).fill(0) };
    }
    const sp = this.spill;
    for (const c of this.mem.all()) {
      const k = partitionOf(c.id);
      const line = JSON.stringify(c);
      sp.pending[k].push(line);
      sp.pendingChars[k] += line.length;
      if (sp.pendingChars[k] >= FLUSH_CHARS) this.flush(k);
    }
    this.mem = new ClusterStore();
  }

  private flush(k: number): void {
    const sp = this.spill!;
    if (!sp.pending[k].length) return;
    writeSync(sp.fds[k], sp.pending[k].join('\n') + '\n');
    sp.pending[k] = [];
    sp.pendingChars[k] = 0;
  }

  /** Each partition merged on its own; the merged clusters' JSON in one file, their sort keys in columns. */
  private merge(): NonNullable<StreamClusters['merged']> {
    if (this.merged) return this.merged;
    this.spillMemory();
    const sp = this.spill!;
    const fd = openSync(join(sp.dir, 'merged.jsonl'), 'w+');
    let cap = 1024;
    let at = new Float64Array(cap);
    let len = new Uint32Array(cap);
    let mentions = new Float64Array(cap);
    let first = new Float64Array(cap);
    let count = 0;
    let offset = 0;
    for (let k = 0; k < PARTITIONS; k++) {
      this.flush(k);
      closeSync(sp.fds[k]);
      sp.fds[k] = -1;
      const path = join(sp.dir, `${k}.jsonl`);
      const store = new ClusterStore();
      for (const line of readFileSync(path, 'utf8').split('\n')) if (line) store.add(JSON.parse(line) as Cluster);
      rmSync(path);
      const out: string[] = [];
      for (const c of store.all()) {
        if (count === cap) {
          cap *= 2;
          at = grown(at, cap);
          len = grown(len, cap);
          mentions = grown(mentions, cap);
          first = grown(first, cap);
        }
        const json = JSON.stringify(c);
        const bytes = Buffer.byteLength(json);
        at[count] = offset;
        len[count] = bytes;
        mentions[count] = c.mentions;
        first[count] = c.first;
        offset += bytes;
        count++;
        out.push(json);
      }
      if (out.length) writeSync(fd, out.join(''));
    }
    this.merged = { count, fd, at, len, mentions, first };
    return this.merged;
  }
}

function grown<T extends Float64Array | Uint32Array>(a: T, n: number): T {
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}

/** FNV-1a of an id's UTF-16 units, to a partition. */
function partitionOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % PARTITIONS;
}
