/**
 * Compiles parsed lexicon sources into the index format: every surface form is normalised
 * and tokenised exactly as the text will be, so that lookups are plain hash hits.
 */
import { normalizeWord } from '../text/normalize.js';
import { tokenize } from '../text/tokenize.js';
import { trainNameShape, type NameShapeModel } from './name-words.js';
import type { EntityType } from '../model.js';
import { WORD_KINDS, type Diagnostic, type EntitySourceEntry, type ParsedSource, type WordKind } from './schema.js';

/**
 * [type, arabic, subtype, english, source file:line, surfaces as written ('|'-separated,
 * '?' = ambiguous)]. The shipped index stores only the first four; the last two are in a
 * side file read when a command needs them (lookup, export), to keep start-up fast.
 */
export type CompiledEntry = [EntityType, string, string, string, string, string] | [EntityType, string, string, string];

export interface CompiledLexicon {
  version: 1;
  entries: CompiledEntry[];
  /** normalised phrase (tokens joined by one space) -> list of [entry index, flag]: 0 plain, 1 ambiguous, 2 descriptive */
  forms: Record<string, Array<[number, 0 | 1 | 2]>>;
  /** word kind -> normalised forms */
  words: Partial<Record<WordKind, string[]>>;
  /** Tables derived from forms and words, precomputed so that loading is fast. */
  derived?: DerivedTables;
  /** Where the source and surfaces of entries stored without them are (set by the loader). */
  metaFile?: string;
}

/** Splits the per-entry source and surfaces off, for the shipped index and its side file. */
export function splitEntryMeta(lex: CompiledLexicon): { index: CompiledLexicon; meta: Array<[string, string]> } {
  const meta = lex.entries.map((e) => [e[4] ?? '', e[5] ?? ''] as [string, string]);
  const entries = lex.entries.map((e) => [e[0], e[1], e[2], e[3]] as CompiledEntry);
  return { index: { ...lex, entries }, meta };
}

export interface DerivedTables {
  /** first word of a phrase -> the most words a phrase starting with it has */
  maxTokens: Record<string, number>;
  /** last words of multi-word person names (not ambiguous): evidence of a family name */
  surnames: string[];
  /** word kind -> first words of its multi-word entries (آية الله، ولي العهد) */
  multiFirst: Partial<Record<WordKind, string[]>>;
}

export function deriveTables(lex: Pick<CompiledLexicon, 'entries' | 'forms' | 'words'>): DerivedTables {
  const maxTokens: Record<string, number> = Object.create(null);
  const surnames = new Set<string>();
  for (const key in lex.forms) {
    const parts = key.split(' ');
    if ((maxTokens[parts[0]] ?? 0) < parts.length) maxTokens[parts[0]] = parts.length;
    if (parts.length > 1 && lex.forms[key].some(([e, a]) => a !== 1 && lex.entries[e][0] === 'PER')) surnames.add(parts[parts.length - 1]);
  }
  const multiFirst: DerivedTables['multiFirst'] = {};
  for (const kind of Object.keys(lex.words) as WordKind[]) {
    const firsts = new Set<string>();
    for (const w of lex.words[kind] ?? []) if (w.includes(' ')) firsts.add(w.slice(0, w.indexOf(' ')));
    if (firsts.size) multiFirst[kind] = [...firsts];
  }
  return { maxTokens, surnames: [...surnames], multiFirst };
}

/** The key a surface is stored and looked up under: normalised tokens joined by one space. */
export function phraseKey(surface: string): string {
  const norm = normalizeWord(surface);
  return tokenize(norm)
    .map((t) => t.text)
    .join(' ');
}

const ARTICLE_FOLDED = new Set<WordKind>(['per-title', 'title-mod', 'org-head', 'org-context', 'org-label', 'descriptive-head', 'loc-head', 'loc-part', 'loc-context', 'misc-head', 'nationality']);

export interface CompileResult {
  lexicon: CompiledLexicon;
  diagnostics: Diagnostic[];
  /** Trained when the sources have name words (the shipped build): see name-words.ts. */
  nameShape?: NameShapeModel;
}

/** Imported name words: they never block a spelling generated for a curated entry. */
const NAME_WORD_KINDS = new Set<WordKind>(['name-word', 'name-word-weak']);

/**
 * Surfaces with a leading org label (قناة، حركة، النادي) replaced by the name after it. A name
 * that only came from a label (فالنسيا from نادي فالنسيا) may be a place or a word too, so it
 * is ambiguous: the label rule or other context confirms it.
 */
function unlabelled<S extends { text: string; ambiguous: boolean }>(surfaces: S[], labels: Set<string>, maxRest = Infinity, nationalities = new Set<string>()): S[] {
  const isLabelled = (words: string[]): boolean => {
    const first = phraseKey(words[0]);
    // الوكالة الدولية للطاقة الذرية، الحركة الشعبية: a label that takes the article only through
    // the name (not listed so, as النادي is) and is followed by a definite word is the head of the
    // name with its adjective, not a label before a name. A nationality adjective there makes a
    // description (التلفزيون الأردني), which ANERcorp leaves untagged: that stays as it was.
    const headed = words.length >= 2 && phraseKey(words[1]).startsWith('ال') && !nationalities.has(phraseKey(words[1]));
    return words.length >= 2 && words.length - 1 <= maxRest && (labels.has(first) || (first.startsWith('ال') && labels.has(first.slice(2)) && !headed));
  };
  const plain = surfaces.filter((s) => !isLabelled(s.text.trim().split(/\s+/)));
  const seen = new Set(plain.map((s) => phraseKey(s.text)));
  const out = [...plain];
  for (const s of surfaces) {
    const words = s.text.trim().split(/\s+/);
    if (!isLabelled(words)) continue;
    const named = { ...s, text: words.slice(1).join(' '), ambiguous: true };
    const key = phraseKey(named.text);
    if (key && !seen.has(key)) {
      seen.add(key);
      out.push(named);
    }
  }
  return out;
}

/**
 * ريال مدريد الإسباني، حزب الله اللبناني: when the name without the trailing nationality
 * adjective is a surface of the same entry, the adjective describes and stays outside.
 */
function withoutNationality<S extends { text: string }>(surfaces: S[], nationalities: Set<string>): S[] {
  const keys = new Set(surfaces.map((s) => phraseKey(s.text)));
  return surfaces.filter((s) => {
    const key = phraseKey(s.text);
    const sp = key.lastIndexOf(' ');
    return sp < 0 || !nationalities.has(key.slice(sp + 1)) || !keys.has(key.slice(0, sp));
  });
}

/** The other spelling of the hard g of a foreign name: غ (Levant, Gulf) <-> ج (Egypt). */
function otherHardG(text: string): string {
  return text.replace(/[غج]/g, (ch) => (ch === 'غ' ? 'ج' : 'غ'));
}

/** Curated subtypes under which a place can be a country of world-countries (Greenland, an island; not a US state). */
const SAME_PLACE_AS_COUNTRY = new Set(['country', 'island', 'region', 'continent', 'territory']);

/**
 * A curated entry merged into a generated one gives it its canonical spelling; both sources
 * are kept (the first curated one's, before the generated one's). `onlyGenerated`: the
 * entries whose source is still the generated one alone.
 */
function adoptCuratedSpelling(entries: CompiledEntry[], idx: number, arabic: string, at: string, onlyGenerated: Set<number>): void {
  const twin = entries[idx] as [EntityType, string, string, string, string, string];
  if (onlyGenerated.delete(idx)) twin[4] = `${at}, ${twin[4]}`;
  twin[1] = arabic;
}

export function compileLexicon(sources: ParsedSource[]): CompileResult {
  const diagnostics: Diagnostic[] = sources.flatMap((s) => s.diagnostics);
  const entries: CompiledEntry[] = [];
  const forms: CompiledLexicon['forms'] = Object.create(null);
  const where = new Map<string, { type: EntityType; at: string; ambiguous: boolean; canonical: string; idx: number }[]>();
  const canonicalSeen = new Map<string, { at: string; idx: number; generated: boolean }>();
  const onlyGenerated = new Set<number>();
  // Generated country entries by type and English name: a curated entry for the same place
  // under another Arabic spelling joins it (one id per country), and its spelling becomes the
  // canonical one. world-countries spells المكسيك as المسكيك and صربيا as صيربيا.
  const generatedByEn = new Map<string, number>();

  // "The Lebanese army", "the Iraqi government": a generic body + a nationality adjective
  // describes rather than names (see lexicons/README.md, "Descriptive organisations").
  let descriptiveHeads = new Set<string>();
  let nationalities = new Set<string>();
  let titleMods = new Set<string>();
  // Surfaces flagged descriptive (مجلس النواب): with a nationality adjective they still describe.
  const flaggedDescriptive = new Set<string>();
  for (const src of sources) for (const e of src.entities) for (const s of e.surfaces) if (s.descriptive) flaggedDescriptive.add(phraseKey(s.text));
  const isDescriptive = (key: string): boolean => {
    const toks = key.split(' ');
    if (toks.length >= 2 && nationalities.has(toks[toks.length - 1]) && flaggedDescriptive.has(toks.slice(0, -1).join(' '))) return true;
    // A generic body with only a portfolio (وزارة الخارجية، مجلس الوزراء) names no one in particular.
    if (toks.length === 2 && descriptiveHeads.has(toks[0]) && titleMods.has(toks[1])) return true;
    if (toks.length < 2 || toks.length > 3 || !nationalities.has(toks[toks.length - 1])) return false;
    if (!descriptiveHeads.has(toks[0])) return false;
    return toks.length === 2 || titleMods.has(toks[1]) || descriptiveHeads.has(toks[1]);
  };

  const addEntry = (e: EntitySourceEntry, generated: boolean): void => {
    const at = `${e.file}:${e.line}`;
    const canonKey = `${e.type}:${phraseKey(e.arabic)}`;
    const prev = canonicalSeen.get(canonKey);
    const twinByEn = !generated && prev === undefined && SAME_PLACE_AS_COUNTRY.has(e.subtype) ? generatedByEn.get(`${e.type}:${e.en}`) : undefined;
    let idx: number;
    if (twinByEn !== undefined) {
      idx = twinByEn;
      adoptCuratedSpelling(entries, idx, e.arabic, at, onlyGenerated);
      canonicalSeen.set(canonKey, { at, idx, generated: false });
    } else if (prev !== undefined) {
      // Curated spellings of a generated entry (countries) are merged into it.
      const generatedTwin = prev.generated && (entries[prev.idx][3] === e.en || e.subtype === 'country');
      if (!generatedTwin) {
        diagnostics.push({ file: e.file, line: e.line, severity: 'warning', message: `duplicate entry "${e.arabic}" (${e.type}), first at ${prev.at}` });
        return;
      }
      idx = prev.idx;
      // The same name once normalised, another spelling (مولدوفا, world-countries' مولدوڤا): the curated one is canonical.
      if (!generated) adoptCuratedSpelling(entries, idx, e.arabic, at, onlyGenerated);
    } else {
      idx = entries.length;
      canonicalSeen.set(canonKey, { at, idx, generated });
      entries.push([e.type, e.arabic, e.subtype, e.en, at, '']);
      if (generated) {
        generatedByEn.set(`${e.type}:${e.en}`, idx);
        onlyGenerated.add(idx);
      }
    }
    const keys = new Set<string>();
    const entry = entries[idx] as [EntityType, string, string, string, string, string];
    const written = new Set(entry[5] ? entry[5].split('|') : []);
    for (const s of e.surfaces) written.add((s.ambiguous ? '?' : s.descriptive ? '~' : '') + s.text);
    entry[5] = [...written].join('|');
    for (const s of e.surfaces) {
      const key = phraseKey(s.text);
      if (!key || keys.has(key)) continue;
      keys.add(key);
      const others = where.get(key) ?? [];
      if (others.some((o) => o.idx === idx)) continue;
      for (const o of others) {
        if (o.type !== e.type && !o.ambiguous && !s.ambiguous) {
          diagnostics.push({
            file: e.file,
            line: e.line,
            severity: 'error',
            message: `"${s.text}" is ${e.type} here but ${o.type} ("${o.canonical}") at ${o.at}; mark one of them ambiguous or remove one`,
          });
        }
      }
      others.push({ type: e.type, at, ambiguous: s.ambiguous, canonical: e.arabic, idx });
      where.set(key, others);
      (forms[key] ??= []).push([idx, s.ambiguous ? 1 : s.descriptive || isDescriptive(key) ? 2 : 0]);
    }
  };

  const words: CompiledLexicon['words'] = {};
  const wordSets = new Map<WordKind, Set<string>>();
  for (const src of sources) {
    for (const w of src.words) {
      const set = wordSets.get(w.kind) ?? new Set<string>();
      for (const s of w.surfaces) {
        const key = phraseKey(s);
        if (!key) continue;
        set.add(key);
        // Trigger words and adjectives are looked up without their article too (الرئيس = رئيس).
        if (ARTICLE_FOLDED.has(w.kind) && key.startsWith('ال') && key.length > 3) set.add(key.slice(2));
      }
      wordSets.set(w.kind, set);
    }
  }
  // Foreign given names (from files whose header says names=foreign, and not also Arabic given names):
  // after them comes a foreign family name that looks like no Arabic word pattern.
  const arabicGiven = new Set<string>();
  const foreignGiven = new Set<string>();
  for (const src of sources) {
    for (const w of src.words) {
      if (w.kind !== 'male' && w.kind !== 'female') continue;
      const foreign = src.options?.foreignNames === true;
      for (const s of w.surfaces) (foreign ? foreignGiven : arabicGiven).add(phraseKey(s));
    }
  }
  for (const g of arabicGiven) foreignGiven.delete(g);
  // غانلويغي/جانلويجي: foreign first names in the other spelling of the hard g too, unless
  // that spelling is an Arabic given name or another listed word.
  const listed = new Set<string>();
  for (const [kind, set] of wordSets) if (!NAME_WORD_KINDS.has(kind)) for (const w of set) listed.add(w);
  for (const src of sources) {
    for (const w of src.words) {
      if ((w.kind !== 'male' && w.kind !== 'female') || src.options?.foreignNames !== true) continue;
      for (const surf of w.surfaces) {
        if (!/[غج]/.test(surf)) continue;
        const other = phraseKey(otherHardG(surf));
        if (listed.has(other)) continue;
        listed.add(other);
        wordSets.get(w.kind)!.add(other);
        foreignGiven.add(other);
      }
    }
  }
  wordSets.set('foreign-given', foreignGiven);
  // A bare given name (قاسم for نعيم قاسم) alone is not evidence of one person.
  const givenNames = new Set([...(wordSets.get('male') ?? []), ...(wordSets.get('female') ?? [])]);
  const titles = wordSets.get('per-title') ?? new Set<string>();
  const labels = wordSets.get('org-label') ?? new Set<string>();
  descriptiveHeads = wordSets.get('descriptive-head') ?? new Set<string>();
  nationalities = wordSets.get('nationality') ?? new Set<string>();
  titleMods = wordSets.get('title-mod') ?? new Set<string>();
  const commonWords = wordSets.get('stop') ?? new Set<string>();
  // شركة مايكروسوفت: a company is named without the word شركة when one word follows (not شركة نفط الجنوب).
  const companyHeads = wordSets.get('company-head') ?? new Set<string>();
  // نهر النيجر، دولة قطر، جمهورية ايران الاسلامية: when the words after a place head name a place
  // themselves, the head rule finds that place and the head stays outside, as with مدينة X.
  const placeHeads = new Set([...(wordSets.get('loc-head') ?? []), ...(wordSets.get('loc-context') ?? [])]);
  const placeKeys = new Set<string>();
  for (const src of sources) for (const e of src.entities) if (e.type === 'LOC') for (const s of e.surfaces) placeKeys.add(phraseKey(s.text));
  const headedPlace = (key: string): boolean => {
    const sp = key.indexOf(' ');
    if (sp < 0 || !placeHeads.has(key.slice(0, sp))) return false;
    const rest = key.slice(sp + 1);
    return placeKeys.has(rest) || placeKeys.has(rest.split(' ')[0]);
  };
  // Foreign names write the hard g as غ (Levant, Gulf) or ج (Egypt): أراغون/أراجون, غوتيريش/
  // جوتيريش. For the PER and LOC entries of files whose header says spellings=hard-g (the
  // world files), the other spelling is added when it is no one else's surface and no listed word.
  const allKeys = new Set(listed);
  for (const src of sources) for (const e of src.entities) for (const s of e.surfaces) allKeys.add(phraseKey(s.text));
  for (const src of sources) {
    for (const e of src.entities) {
      if (e.type === 'ORG' || src.options?.hardG !== true) continue;
      const extra: typeof e.surfaces = [];
      for (const s of e.surfaces) {
        if (!/[غج]/.test(s.text) || /^ال/.test(s.text)) continue;
        const other = otherHardG(s.text);
        const key = phraseKey(other);
        if (!allKeys.has(key)) {
          allKeys.add(key);
          extra.push({ ...s, text: other });
        }
      }
      e.surfaces = [...e.surfaces, ...extra];
    }
  }
  for (const src of sources) {
    for (const e of src.entities) {
      if (e.type === 'LOC') {
        // Even the canonical form: نهر النيجر is tagged النيجر, the head outside, like مدينة X.
        e.surfaces = e.surfaces.filter((s) => !headedPlace(phraseKey(s.text)));
        // الصينية the Iraqi town is far more often "Chinese": a place that is also a nationality
        // adjective needs context (countries such as سورية have their own rule).
        if (e.subtype !== 'country') e.surfaces = e.surfaces.map((s) => (nationalities.has(phraseKey(s.text)) ? { ...s, ambiguous: true } : s));
      }
      // قناة الجزيرة: the label rule finds the name after the label; the label stays outside.
      // The canonical form too (حركة طالبان، نادي مانشستر يونايتد، النادي الأهلي): the name is
      // what follows the label, so a labelled surface becomes its name.
      if (e.type === 'ORG') e.surfaces = withoutNationality(unlabelled(unlabelled(e.surfaces, labels, Infinity, nationalities), companyHeads, 1), nationalities);
      // البريطانية for the BBC, المصري for a person: a bare adjective is never the name.
      if (e.type !== 'LOC') e.surfaces = e.surfaces.filter((s, k) => k === 0 || !nationalities.has(phraseKey(s.text)));
      if (e.type === 'PER') {
        // أبو الحسن is أبا الحسن and أبي الحسن in the other cases (رأيت أبا هريرة، عن أبي هريرة).
        e.surfaces = e.surfaces.flatMap((s) => {
          const m = /^[اأإآ]بو\s+(.+)$/.exec(s.text.trim());
          return m ? [s, { ...s, text: `أبا ${m[1]}` }, { ...s, text: `أبي ${m[1]}` }] : [s];
        });
        // النبي محمد، الملكة رانيا، البابا شنودة الثالث as the canonical form: the title rule
        // finds the name after the title, so the surface is the name. Epithets stay whole
        // (الملك العادل، الشيخ المفيد، الحاكم بأمر الله).
        const canon = e.surfaces[0].text.trim().split(/\s+/);
        const rest = canon.slice(1);
        const restFirst = rest.length ? phraseKey(rest[0]) : '';
        const moved = rest.length > 0 && titles.has(phraseKey(canon[0])) && (givenNames.has(restFirst) || (rest.length >= 2 && !/^(ال|ب|ل)/.test(restFirst)));
        if (moved) {
          const onlyGiven = rest.every((w) => givenNames.has(phraseKey(w)));
          e.surfaces = [...e.surfaces.slice(1), { ...e.surfaces[0], text: rest.join(' '), ambiguous: e.surfaces[0].ambiguous || rest.length === 1 || onlyGiven }];
        }
        e.surfaces = e.surfaces
          // اللواء قاسم سليماني: the title rule finds the name; a title inside the span would be wrong.
          .filter((s, k) => (k === 0 && !moved) || !titles.has(phraseKey(s.text).split(' ')[0]))
          .map((s) => (!s.ambiguous && !phraseKey(s.text).includes(' ') && givenNames.has(phraseKey(s.text)) ? { ...s, ambiguous: true } : s));
      }
      // A name that is also a common word (آب August, كيف how) needs context.
      e.surfaces = e.surfaces.map((s) => (!s.ambiguous && commonWords.has(phraseKey(s.text)) ? { ...s, ambiguous: true } : s));
      addEntry(e, src.options?.generated === true);
    }
  }
  const nameShape = splitNameWords(wordSets, arabicGiven, sources);
  // In WORD_KINDS order (the packed index numbers kinds in this order): the kinds of most
  // words (stop, given names, name words) keep small bit numbers, so their lines stay short.
  for (const kind of WORD_KINDS) {
    const set = wordSets.get(kind);
    if (set) words[kind] = [...set].sort();
  }
  const lexicon: CompiledLexicon = { version: 1, entries, forms, words };
  lexicon.derived = deriveTables(lexicon);
  return { lexicon, diagnostics, ...(nameShape ? { nameShape } : {}) };
}

/** Kinds whose words are the sentence around names, not names (negative evidence for the shape model). */
const NOT_NAME_KINDS: WordKind[] = ['stop', 'nationality', 'per-title', 'title-mod', 'org-head', 'org-context', 'org-label', 'descriptive-head', 'loc-head', 'loc-part', 'loc-context', 'misc-head', 'sport-context', 'speech-verb'];

/**
 * Imported name words that are also common words (or trigger words, or very short and rare)
 * move to `name-word-weak`: evidence only next to other evidence. Then the name-shape model
 * is trained on name words that are not Arabic given names against common and trigger words,
 * Arabic given names and the words of organisation names. Undefined without name words.
 */
function splitNameWords(wordSets: Map<WordKind, Set<string>>, arabicGiven: Set<string>, sources: ParsedSource[]): NameShapeModel | undefined {
  const names = wordSets.get('name-word');
  if (!names?.size) return undefined;
  const notNames = new Set<string>();
  for (const kind of NOT_NAME_KINDS) for (const w of wordSets.get(kind) ?? []) notNames.add(w);
  const weak = wordSets.get('name-word-weak') ?? new Set<string>();
  const isCommon = (w: string): boolean => notNames.has(w) || (w.startsWith('ال') && notNames.has(w.slice(2))) || (w.length > 3 && /^[وبلفك]/.test(w) && notNames.has(w.slice(1)));
  for (const w of [...names]) {
    if (w.includes(' ') || w.length < 3 || isCommon(w)) {
      names.delete(w);
      if (!w.includes(' ') && w.length >= 2) weak.add(w);
    }
  }
  wordSets.set('name-word-weak', weak);
  const orgWords = new Set<string>();
  for (const src of sources) for (const e of src.entities) if (e.type === 'ORG') for (const t of phraseKey(e.arabic).split(' ')) if (t.length >= 3) orgWords.add(t);
  const negative = new Set([...notNames, ...arabicGiven, ...weak, ...[...orgWords].filter((w) => !names.has(w))]);
  const positive = [...names].filter((w) => !arabicGiven.has(w) && !negative.has(w));
  return trainNameShape(positive, [...negative].filter((w) => !w.includes(' ')));
}
