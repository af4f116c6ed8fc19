/**
 * The runtime lexicon: hash maps over normalised phrases. Multi-token names are found by
 * looking up the first token's longest phrase length, then trying phrase keys from the
 * longest down (longest match), so lookups stay O(1) per candidate whatever the size.
 */
import { readFileSync } from 'node:fs';
import { deriveTables, type CompiledEntry, type CompiledLexicon } from './compile.js';
import { PackedLexicon, type RawRefs } from './packed.js';
import { NameShapeScorer } from './name-words.js';
import type { EntityType } from '../model.js';
import { WORD_KINDS, type WordKind } from './schema.js';

export interface EntityRef {
  entry: number;
  ambiguous: boolean;
  /** A generic body + nationality adjective (الجيش اللبناني): tagged only when asked for. */
  descriptive: boolean;
}

export interface LexiconEntryInfo {
  type: EntityType;
  arabic: string;
  subtype: string;
  en: string;
  source: string;
  /** Surfaces as written in the lexicon; ambiguous ones start with '?'. */
  surfaces: string[];
}

/** What the recogniser needs to know about one normalised form, asked once per distinct word. */
export interface FormFacts {
  /** The kinds it is a word of, as bits: bit i is WORD_KINDS[i]. */
  kinds: number;
  /** Longest phrase (in tokens) that starts with it, 0 if none. */
  maxTokens: number;
  /** In second or later position of some multi-word phrase. */
  inner: boolean;
  /** The words that follow it in the multi-word phrases it starts (undefined: none). */
  next: ReadonlySet<string> | undefined;
  /** It ends a multi-word person name (isKnownSurname). */
  surname: boolean;
}

/** What the query methods need of a table: the eager Maps/Sets and the packed views both fit. */
interface KeyMap<V> {
  get(key: string): V | undefined;
}
interface KeySet {
  has(key: string): boolean;
}

const NO_FACTS: FormFacts = Object.freeze({ kinds: 0, maxTokens: 0, inner: false, next: undefined, surname: false });

export class LexiconIndex {
  private readonly entries: CompiledEntry[] = [];
  /** The shipped index when it is the only lexicon: entries and forms are decoded on demand. */
  private packed: PackedLexicon | undefined;
  /** phrase -> raw refs (entry index, flag), entry indexes already offset per lexicon. */
  private phrases: KeyMap<RawRefs> = new Map<string, RawRefs>();
  /** phrase -> refs as objects, made on first lookup (most phrases never occur in a text). */
  private readonly refCache = new Map<string, EntityRef[]>();
  private maxTokens: KeyMap<number> = new Map<string, number>();
  private readonly words = new Map<WordKind, KeySet>();
  private surnames: KeySet = new Set<string>();
  private readonly metaFiles: Array<{ base: number; end: number; file: string; meta?: Array<[string, string]> }> = [];
  /** kind -> first words of multi-word words of that kind (آية الله، ولي العهد). */
  private readonly multiFirst = new Map<WordKind, Set<string>>();
  /** Words in second or later position of a multi-word phrase, built on first use (see isInnerWord). */
  private innerWords?: Set<string>;
  /** First word -> second words of the multi-word phrases, built on first use (see nextWords). */
  private secondWords?: Map<string, Set<string>>;
  /** nextWords() answers from the packed index, as sets (null: none). */
  private readonly packedNext = new Map<string, Set<string> | null>();
  /**
   * Packed index: for each byte of a form's packed kind bits (byte k at 256 * k), the
   * WORD_KINDS bits it stands for (kindMask() reads one form, not one set per kind).
   */
  private packedKindTable: Int32Array | undefined;

  /** The name-shape model's file (set by the loader for the shipped index), read on first use. */
  nameShapeFile: string | undefined;
  private nameShapeScorer: NameShapeScorer | null | undefined;

  /** Later lexicons (user files) take precedence over earlier ones for the same phrase. */
  constructor(lexicons: Array<CompiledLexicon | PackedLexicon>) {
    // Start-up matters (a CLI run on one small file): the shipped index alone is used in
    // place (packed.ts); merging with user lexicons expands it and fills maps.
    if (lexicons.length === 1 && lexicons[0] instanceof PackedLexicon) this.usePacked(lexicons[0]);
    else for (const lex of [...lexicons].reverse()) this.add(lex instanceof PackedLexicon ? lex.toCompiled() : lex);
  }

  private usePacked(p: PackedLexicon): void {
    this.packed = p;
    this.entries.length = p.entryCount;
    if (p.metaFile) this.metaFiles.push({ base: 0, end: p.entryCount, file: p.metaFile });
    this.phrases = { get: (k) => p.form(k)?.refs };
    this.maxTokens = { get: (k) => p.form(k)?.maxTokens };
    this.surnames = { has: (k) => p.form(k)?.surname === true };
    p.kinds.forEach((kind, bit) => this.words.set(kind, { has: (k) => ((p.form(k)?.kinds ?? 0) & (1 << bit)) !== 0 }));
    const bits = p.kinds.map((kind) => 1 << WORD_KINDS.indexOf(kind));
    const table = (this.packedKindTable = new Int32Array(1024));
    for (let byte = 0; byte < 4; byte++) {
      for (let v = 1; v < 256; v++) {
        let mask = 0;
        for (let b = 0; b < 8; b++) if (v & (1 << b) && byte * 8 + b < bits.length) mask |= bits[byte * 8 + b];
        table[byte * 256 + v] = mask;
      }
    }
    for (const kind of Object.keys(p.multiFirst) as WordKind[]) this.multiFirst.set(kind, new Set(p.multiFirst[kind]));
  }

  /** Entry i, decoded from the packed index the first time it is asked for. */
  private row(i: number): CompiledEntry {
    return this.entries[i] ?? (this.entries[i] = this.packed!.entry(i));
  }

  private add(lex: CompiledLexicon): void {
    const phrases = this.phrases as Map<string, RawRefs>;
    const maxTokens = this.maxTokens as Map<string, number>;
    const surnames = this.surnames as Set<string>;
    const base = this.entries.length;
    for (const e of lex.entries) this.entries.push(e);
    if (lex.metaFile) this.metaFiles.push({ base, end: this.entries.length, file: lex.metaFile });
    const derived = lex.derived ?? deriveTables(lex);
    for (const key in lex.forms) {
      const raw = lex.forms[key];
      const refs: RawRefs = base === 0 ? raw : raw.map(([e, a]) => [base + e, a]);
      const list = phrases.get(key);
      if (list) phrases.set(key, [...list, ...refs]);
      else phrases.set(key, refs);
    }
    for (const first in derived.maxTokens) {
      const len = derived.maxTokens[first];
      if ((maxTokens.get(first) ?? 0) < len) maxTokens.set(first, len);
    }
    for (const s of derived.surnames) surnames.add(s);
    for (const kind of Object.keys(lex.words) as WordKind[]) {
      const set = (this.words.get(kind) as Set<string> | undefined) ?? new Set<string>();
      for (const w of lex.words[kind] ?? []) set.add(w);
      this.words.set(kind, set);
    }
    for (const kind of Object.keys(derived.multiFirst) as WordKind[]) {
      const firsts = this.multiFirst.get(kind) ?? new Set<string>();
      for (const w of derived.multiFirst[kind] ?? []) firsts.add(w);
      this.multiFirst.set(kind, firsts);
    }
  }

  /**
   * Everything the recogniser asks about a form before it meets it in context, with one
   * look-up of the packed index (a separate call per question cost a look-up each).
   */
  describe(form: string): FormFacts {
    const p = this.packed;
    if (p) {
      const f = p.form(form);
      if (!f) return NO_FACTS;
      return { kinds: this.packedKinds(f.kinds), maxTokens: f.maxTokens, inner: f.inner, next: f.maxTokens > 1 ? this.nextWords(form) : undefined, surname: f.surname };
    }
    const maxTokens = this.maxPhraseTokens(form);
    return { kinds: this.kindMask(form), maxTokens, inner: this.isInnerWord(form), next: maxTokens > 1 ? this.nextWords(form) : undefined, surname: this.isKnownSurname(form) };
  }

  /** Packed kind bits -> WORD_KINDS bits: four table reads, one per byte (asked once per distinct form). */
  private packedKinds(packed: number): number {
    const t = this.packedKindTable!;
    return t[packed & 255] | t[256 + ((packed >>> 8) & 255)] | t[512 + ((packed >>> 16) & 255)] | t[768 + (packed >>> 24)];
  }

  /** Longest phrase (in tokens) that starts with this normalised token, 0 if none. */
  maxPhraseTokens(first: string): number {
    return this.maxTokens.get(first) ?? 0;
  }

  lookup(key: string): EntityRef[] | undefined {
    const hit = this.refCache.get(key);
    if (hit) return hit;
    const raw = this.phrases.get(key);
    if (!raw) return undefined;
    const refs = raw.map(([entry, a]) => ({ entry, ambiguous: a === 1, descriptive: a === 2 }));
    this.refCache.set(key, refs);
    return refs;
  }

  /**
   * The ref a match of this phrase uses: the first unambiguous one, else the first;
   * descriptive organisations only when asked. No allocation: this runs per lexicon hit.
   */
  bestRef(key: string, descriptive: boolean): EntityRef | undefined {
    const refs = this.lookup(key);
    if (!refs) return undefined;
    let first: EntityRef | undefined;
    for (const r of refs) {
      if (r.descriptive && !descriptive) continue;
      if (!r.ambiguous) return r;
      first ??= r;
    }
    return first;
  }

  /**
   * Some multi-word phrase has this word in second or later position. A phrase of n words
   * can match at a token only if the n-1 tokens after it all are: most phrase keys are then
   * never built, let alone looked up.
   */
  isInnerWord(word: string): boolean {
    // The packed index has these tables precomputed per word (packed.ts).
    if (this.packed) return this.packed.form(word)?.inner === true;
    if (!this.innerWords) this.buildWordTables();
    return this.innerWords!.has(word);
  }

  /** The words that follow `first` in the multi-word phrases starting with it (undefined: none). */
  nextWords(first: string): ReadonlySet<string> | undefined {
    if (this.packed) {
      const cached = this.packedNext.get(first);
      if (cached !== undefined) return cached ?? undefined;
      const next = this.packed.form(first)?.next;
      const set = next ? new Set(next) : null;
      this.packedNext.set(first, set);
      return set ?? undefined;
    }
    if (!this.secondWords) this.buildWordTables();
    return this.secondWords!.get(first);
  }

  /** One pass over the multi-word phrases for isInnerWord and nextWords (on first use: start-up stays as it is). */
  private buildWordTables(): void {
    const inner = new Set<string>();
    const second = new Map<string, Set<string>>();
    for (const key of (this.phrases as Map<string, RawRefs>).keys()) {
      let sp = key.indexOf(' ');
      if (sp === -1) continue;
      const head = key.slice(0, sp);
      let set = second.get(head);
      if (!set) second.set(head, (set = new Set()));
      for (let k = 0; sp !== -1; k++) {
        const next = key.indexOf(' ', sp + 1);
        const word = key.slice(sp + 1, next === -1 ? key.length : next);
        inner.add(word);
        if (k === 0) set.add(word);
        sp = next;
      }
    }
    this.innerWords = inner;
    this.secondWords = second;
  }

  /** Type, canonical Arabic, subtype and English of entry i, without reading the side file. */
  entryBasics(i: number): { type: EntityType; arabic: string; subtype: string; en: string } {
    const e = this.row(i);
    return { type: e[0], arabic: e[1], subtype: e[2], en: e[3] };
  }

  entryType(i: number): EntityType {
    return this.row(i)[0];
  }

  entry(i: number): LexiconEntryInfo {
    const e = this.row(i);
    const [type, arabic, subtype, en] = e;
    let source = e[4];
    let surfaces = e[5];
    if (source === undefined) {
      const m = this.metaFiles.find((f) => i >= f.base && i < f.end);
      if (m) {
        m.meta ??= JSON.parse(readFileSync(m.file, 'utf8')) as Array<[string, string]>;
        [source, surfaces] = m.meta[i - m.base];
      }
    }
    return { type, arabic, subtype, en, source: source ?? '', surfaces: surfaces ? surfaces.split('|') : [arabic] };
  }

  get entryCount(): number {
    return this.entries.length;
  }

  /** The word ends a multi-word person name in the lexicon (سليماني، مبارك). */
  isKnownSurname(form: string): boolean {
    return this.surnames.has(form);
  }

  /** The kinds this form is a word of, as bits: bit i is WORD_KINDS[i]. */
  kindMask(form: string): number {
    // One packed lookup gives every kind.
    if (this.packed) return this.packedKinds(this.packed.form(form)?.kinds ?? 0);
    let mask = 0;
    for (const [kind, set] of this.words) if (set.has(form)) mask |= 1 << WORD_KINDS.indexOf(kind);
    return mask;
  }

  /** The kinds this form is a word of, in WORD_KINDS order. */
  kindsOf(form: string): WordKind[] {
    const mask = this.kindMask(form);
    return WORD_KINDS.filter((_, i) => (mask & (1 << i)) !== 0);
  }

  /** Some word of this kind has several words and starts with this one. */
  startsMultiWord(kind: WordKind, first: string): boolean {
    return this.multiFirst.get(kind)?.has(first) ?? false;
  }

  /**
   * How much a normalised word looks like a transliterated foreign name, relative to the
   * model's threshold (> 0: name-like); -Infinity when there is no model.
   */
  nameShape(form: string): number {
    if (this.nameShapeScorer === undefined) {
      this.nameShapeScorer = null;
      if (this.nameShapeFile) {
        try {
          this.nameShapeScorer = NameShapeScorer.fromText(readFileSync(this.nameShapeFile, 'utf8'));
        } catch {
          // No model (a partial build): the rules that use it simply find no name-like word.
        }
      }
    }
    const m = this.nameShapeScorer;
    return m ? m.score(form) - m.threshold : -Infinity;
  }

  isWord(kind: WordKind, form: string): boolean {
    return this.words.get(kind)?.has(form) ?? false;
  }
}
