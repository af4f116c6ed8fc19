/**
 * The shipped index in a form that loads without parsing: a static hash table of every
 * normalised form the lexicon knows (phrase keys, first words, rule words, surnames) and a
 * table of entries, both as UTF-8 lines addressed by byte offsets. Loading reads the file;
 * a bucket of forms, or an entry, is decoded the first time a lookup needs it. A small text
 * touches a few per cent of the table, so start-up does not pay for JSON.parse and map
 * building of the whole index (JSON.parse + maps took ~60 ms, most of a CLI run).
 *
 * Layout (little-endian):
 *   "KYX1"  u32 header length  header JSON (see PackedHeader)
 *   forms:   lines "key \t maxTokens \t kind bits \t surname \t refs" grouped by bucket
 *   entries: lines "type \t arabic \t subtype \t english"
 *   u32 bucket offsets (buckets + 1), u32 entry offsets (entries + 1), relative to their region
 */
import type { CompiledEntry, CompiledLexicon } from './compile.js';
import { ENTITY_TYPES, type EntityType } from '../model.js';
import type { WordKind } from './schema.js';

const MAGIC = 'KYX1';
/**
 * The type of a decoded entry as the string constant itself, not a piece of the decoded
 * line: code that compares types then always sees one kind of string (mixing them made
 * V8 deoptimise the comparisons).
 */
const TYPE_CONSTANTS: Record<string, EntityType> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, t]));

export type RawRefs = Array<[number, 0 | 1 | 2]>;

interface PackedHeader {
  version: 1;
  /** Word kinds in the compiled lexicon's order; bit i of a form's kinds = kinds[i]. */
  kinds: WordKind[];
  multiFirst: Partial<Record<WordKind, string[]>>;
  buckets: number;
  entries: number;
  formsStart: number;
  entriesStart: number;
  bucketDir: number;
  entryDir: number;
}

/** What the index knows about one normalised form. */
export interface FormInfo {
  /** Entries this phrase names, if it is a phrase key. */
  refs: RawRefs | undefined;
  /** Longest phrase (in tokens) starting with this word; 0 if none. */
  maxTokens: number;
  /** Bit i: a word of kind kinds[i]. */
  kinds: number;
  /** Ends a multi-word person name. */
  surname: boolean;
  /** In second or later position of some multi-word phrase. */
  inner: boolean;
  /** The words that follow it in the multi-word phrases it starts. */
  next: string[] | undefined;
}

/** FNV-1a over UTF-16 units: the same function places keys at build time and finds them at run time. */
export function bucketOf(key: string, mask: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) & mask;
}

/** Build time: a compiled lexicon (with derived tables) -> the packed file. */
export function packLexicon(lex: CompiledLexicon): Buffer {
  const derived = lex.derived!;
  const kinds = Object.keys(lex.words) as WordKind[];
  if (kinds.length > 31) throw new Error('too many word kinds for the packed index');
  const forms = new Map<string, { max: number; kinds: number; surname: boolean; refs: string; inner: boolean; next: Set<string> | undefined }>();
  const at = (k: string) => {
    let f = forms.get(k);
    if (!f) forms.set(k, (f = { max: 0, kinds: 0, surname: false, refs: '', inner: false, next: undefined }));
    return f;
  };
  for (const key in lex.forms) at(key).refs = lex.forms[key].map(([e, a]) => (a ? `${e}:${a}` : `${e}`)).join(',');
  // The tables the phrase matcher asks on every token (see LexiconIndex.isInnerWord and
  // nextWords), precomputed so that no run has to scan every phrase first.
  for (const key in lex.forms) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    (at(words[0]).next ??= new Set()).add(words[1]);
    for (let k = 1; k < words.length; k++) at(words[k]).inner = true;
  }
  for (const first in derived.maxTokens) at(first).max = derived.maxTokens[first];
  for (const s of derived.surnames) at(s).surname = true;
  kinds.forEach((kind, bit) => {
    for (const w of lex.words[kind] ?? []) at(w).kinds |= 1 << bit;
  });
  let buckets = 1;
  while (buckets < forms.size) buckets *= 2;
  const byBucket: string[][] = Array.from({ length: buckets }, () => []);
  for (const [key, f] of forms) {
    if (/[\t\n]/.test(key)) throw new Error(`lexicon form with a TAB or newline: ${JSON.stringify(key)}`);
    byBucket[bucketOf(key, buckets - 1)].push(`${key}\t${f.max || ''}\t${f.kinds || ''}\t${f.surname ? 1 : ''}\t${f.refs}\t${f.inner ? 1 : ''}\t${f.next ? [...f.next].join('|') : ''}\n`);
  }
  const bucketOffsets = new Uint32Array(buckets + 1);
  const formParts: Buffer[] = [];
  let pos = 0;
  for (let b = 0; b < buckets; b++) {
    bucketOffsets[b] = pos;
    const chunk = Buffer.from(byBucket[b].join(''), 'utf8');
    formParts.push(chunk);
    pos += chunk.length;
  }
  bucketOffsets[buckets] = pos;
  const entryOffsets = new Uint32Array(lex.entries.length + 1);
  const entryParts: Buffer[] = [];
  pos = 0;
  lex.entries.forEach((e, i) => {
    entryOffsets[i] = pos;
    const fields = [e[0], e[1], e[2], e[3]];
    if (fields.some((s) => /[\t\n]/.test(s))) throw new Error(`lexicon entry with a TAB or newline: ${JSON.stringify(fields)}`);
    const line = Buffer.from(fields.join('\t') + '\n', 'utf8');
    entryParts.push(line);
    pos += line.length;
  });
  entryOffsets[lex.entries.length] = pos;
  const formsBuf = Buffer.concat(formParts);
  const entriesBuf = Buffer.concat(entryParts);
  // Offsets in the header are absolute; the header's own length is fixed first by padding numbers.
  const header: PackedHeader = { version: 1, kinds, multiFirst: derived.multiFirst, buckets, entries: lex.entries.length, formsStart: 0, entriesStart: 0, bucketDir: 0, entryDir: 0 };
  const headerLen = Buffer.byteLength(JSON.stringify({ ...header, formsStart: 1e9, entriesStart: 1e9, bucketDir: 1e9, entryDir: 1e9 }));
  const formsStart = 8 + headerLen;
  const entriesStart = formsStart + formsBuf.length;
  const bucketDir = entriesStart + entriesBuf.length;
  const entryDir = bucketDir + bucketOffsets.byteLength;
  const json = Buffer.from(JSON.stringify({ ...header, formsStart, entriesStart, bucketDir, entryDir }), 'utf8');
  const headBuf = Buffer.alloc(8 + headerLen, 0x20);
  headBuf.write(MAGIC, 0, 'latin1');
  headBuf.writeUInt32LE(headerLen, 4);
  json.copy(headBuf, 8);
  return Buffer.concat([headBuf, formsBuf, entriesBuf, Buffer.from(bucketOffsets.buffer), Buffer.from(entryOffsets.buffer)]);
}

function parseRefs(s: string): RawRefs | undefined {
  if (!s) return undefined;
  return s.split(',').map((r) => {
    const c = r.indexOf(':');
    return c < 0 ? [Number(r), 0] : [Number(r.slice(0, c)), Number(r.slice(c + 1)) as 0 | 1 | 2];
  });
}

function parseForm(line: string): FormInfo {
  const [, max, kinds, surname, refs, inner, next] = line.split('\t');
  return { refs: parseRefs(refs), maxTokens: max ? Number(max) : 0, kinds: kinds ? Number(kinds) : 0, surname: surname === '1', inner: inner === '1', next: next ? next.split('|') : undefined };
}

/**
 * Keeps a form's line under its key, to be parsed when the form is first asked for (a run
 * asks for a fraction of the forms it decodes: their buckets are decoded whole).
 */
function addLine(line: string, into: Map<string, FormInfo | string>): void {
  const key = line.slice(0, line.indexOf('\t'));
  if (!into.has(key)) into.set(key, line);
}

/** Run time: the packed file, decoded on demand. */
export class PackedLexicon {
  readonly kinds: WordKind[];
  readonly multiFirst: Partial<Record<WordKind, string[]>>;
  readonly entryCount: number;
  /** Where the sources and written surfaces of the entries are (set by the loader). */
  metaFile?: string;
  private readonly header: PackedHeader;
  private readonly mask: number;
  /** Form -> what the index knows, or the form's line until first asked for. */
  private readonly forms = new Map<string, FormInfo | string>();
  private readonly loaded: Uint8Array;
  private loadedCount = 0;
  /** Every bucket decoded: lookups are plain map hits from then on. */
  private complete = false;
  /** Callers ask about one form several times in a row (kinds, phrase length, refs): remember the last answer. */
  private lastKey = '';
  private lastInfo: FormInfo | undefined;

  constructor(private readonly buf: Buffer) {
    if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a packed kiyan index');
    this.header = JSON.parse(buf.toString('utf8', 8, 8 + buf.readUInt32LE(4))) as PackedHeader;
    this.kinds = this.header.kinds;
    this.multiFirst = this.header.multiFirst;
    this.entryCount = this.header.entries;
    this.mask = this.header.buckets - 1;
    this.loaded = new Uint8Array(this.header.buckets);
  }

  /** What the index knows about this normalised form, if anything. */
  form(key: string): FormInfo | undefined {
    if (key === this.lastKey) return this.lastInfo;
    if (!this.complete) {
      const b = bucketOf(key, this.mask);
      if (!this.loaded[b]) this.loadBucket(b);
    }
    this.lastKey = key;
    let info = this.forms.get(key);
    if (typeof info === 'string') this.forms.set(key, (info = parseForm(info)));
    return (this.lastInfo = info);
  }

  private loadBucket(b: number): void {
    this.loaded[b] = 1;
    // A long run soon touches most buckets: decode the rest at once and drop the hashing.
    if (++this.loadedCount > this.header.buckets >> 3) return this.loadAll();
    const h = this.header;
    const start = h.formsStart + this.buf.readUInt32LE(h.bucketDir + 4 * b);
    const end = h.formsStart + this.buf.readUInt32LE(h.bucketDir + 4 * (b + 1));
    if (start === end) return;
    const lines = this.buf.toString('utf8', start, end - 1).split('\n');
    for (const line of lines) addLine(line, this.forms);
  }

  private loadAll(): void {
    if (this.complete) return;
    const h = this.header;
    const lines = this.buf.toString('utf8', h.formsStart, h.entriesStart - 1).split('\n');
    for (const line of lines) {
      if (line) addLine(line, this.forms);
    }
    this.complete = true;
  }

  /** Entry i: [type, arabic, subtype, english]. */
  entry(i: number): CompiledEntry {
    const h = this.header;
    const start = h.entriesStart + this.buf.readUInt32LE(h.entryDir + 4 * i);
    const end = h.entriesStart + this.buf.readUInt32LE(h.entryDir + 4 * (i + 1));
    const [type, arabic, subtype, en] = this.buf.toString('utf8', start, end - 1).split('\t');
    return [TYPE_CONSTANTS[type] ?? (type as EntityType), arabic, subtype, en];
  }

  /** The whole lexicon in the compiled (JSON) shape, to merge with user lexicons. */
  toCompiled(): CompiledLexicon {
    this.loadAll();
    const entries: CompiledEntry[] = [];
    for (let i = 0; i < this.entryCount; i++) entries.push(this.entry(i));
    const forms: CompiledLexicon['forms'] = Object.create(null);
    const maxTokens: Record<string, number> = Object.create(null);
    const surnames: string[] = [];
    const words: CompiledLexicon['words'] = {};
    for (const kind of this.kinds) words[kind] = [];
    for (const [key, value] of this.forms) {
      const f = typeof value === 'string' ? parseForm(value) : value;
      if (f.refs) forms[key] = f.refs;
      if (f.maxTokens) maxTokens[key] = f.maxTokens;
      if (f.surname) surnames.push(key);
      for (let bit = 0; bit < this.kinds.length; bit++) if (f.kinds & (1 << bit)) words[this.kinds[bit]]!.push(key);
    }
    return { version: 1, entries, forms, words, derived: { maxTokens, surnames, multiFirst: this.multiFirst }, metaFile: this.metaFile };
  }
}
