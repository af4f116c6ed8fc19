/**
 * The runtime lexicon: hash maps over normalised phrases. Multi-token names are found by
 * looking up the first token's longest phrase length, then trying phrase keys from the
 * longest down (longest match), so lookups stay O(1) per candidate whatever the size.
 */
import type { CompiledEntry, CompiledLexicon } from './compile.js';
import type { EntityType, WordKind } from './schema.js';

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

export class LexiconIndex {
  private readonly entries: CompiledEntry[] = [];
  private readonly phrases = new Map<string, EntityRef[]>();
  private readonly maxTokens = new Map<string, number>();
  private readonly words = new Map<WordKind, Set<string>>();
  private readonly surnames = new Set<string>();
  /** kind -> first words of multi-word words of that kind (آية الله، ولي العهد). */
  private readonly multiFirst = new Map<WordKind, Set<string>>();

  /** Later lexicons (user files) take precedence over earlier ones for the same phrase. */
  constructor(lexicons: CompiledLexicon[]) {
    for (const lex of [...lexicons].reverse()) this.add(lex);
  }

  private add(lex: CompiledLexicon): void {
    const base = this.entries.length;
    this.entries.push(...lex.entries);
    for (const key in lex.forms) {
      const refs = lex.forms[key].map(([e, a]) => ({ entry: base + e, ambiguous: a === 1, descriptive: a === 2 }));
      const list = this.phrases.get(key);
      if (list) list.push(...refs);
      else this.phrases.set(key, refs);
      // Last words of multi-word person names: evidence that a word is a family name.
      if (refs.some((r) => !r.ambiguous && lex.entries[r.entry - base][0] === 'PER') && key.includes(' ')) this.surnames.add(key.slice(key.lastIndexOf(' ') + 1));
      const sp = key.indexOf(' ');
      const first = sp < 0 ? key : key.slice(0, sp);
      const len = sp < 0 ? 1 : key.split(' ').length;
      if ((this.maxTokens.get(first) ?? 0) < len) this.maxTokens.set(first, len);
    }
    for (const kind of Object.keys(lex.words) as WordKind[]) {
      const set = this.words.get(kind) ?? new Set<string>();
      for (const w of lex.words[kind] ?? []) {
        set.add(w);
        const sp = w.indexOf(' ');
        if (sp > 0) {
          const firsts = this.multiFirst.get(kind) ?? new Set<string>();
          firsts.add(w.slice(0, sp));
          this.multiFirst.set(kind, firsts);
        }
      }
      this.words.set(kind, set);
    }
  }

  /** Longest phrase (in tokens) that starts with this normalised token, 0 if none. */
  maxPhraseTokens(first: string): number {
    return this.maxTokens.get(first) ?? 0;
  }

  lookup(key: string): EntityRef[] | undefined {
    return this.phrases.get(key);
  }

  entry(i: number): LexiconEntryInfo {
    const [type, arabic, subtype, en, source, surfaces] = this.entries[i];
    return { type, arabic, subtype, en, source, surfaces: surfaces ? surfaces.split('|') : [arabic] };
  }

  get entryCount(): number {
    return this.entries.length;
  }

  get phraseCount(): number {
    return this.phrases.size;
  }

  /** The word ends a multi-word person name in the lexicon (سليماني، مبارك). */
  isKnownSurname(form: string): boolean {
    return this.surnames.has(form);
  }

  /** Word kinds this normalised form belongs to. */
  kindsOf(form: string): WordKind[] {
    const out: WordKind[] = [];
    for (const [kind, set] of this.words) if (set.has(form)) out.push(kind);
    return out;
  }

  /** Some word of this kind has several words and starts with this one. */
  startsMultiWord(kind: WordKind, first: string): boolean {
    return this.multiFirst.get(kind)?.has(first) ?? false;
  }

  isWord(kind: WordKind, form: string): boolean {
    return this.words.get(kind)?.has(form) ?? false;
  }

  wordCount(kind: WordKind): number {
    return this.words.get(kind)?.size ?? 0;
  }

  /** Every (phrase, entry) pair, for export and lookup explanations. */
  *allPhrases(): Generator<[string, EntityRef[]]> {
    yield* this.phrases;
  }

  *allWords(): Generator<[WordKind, string]> {
    for (const [kind, set] of this.words) for (const w of set) yield [kind, w];
  }
}
