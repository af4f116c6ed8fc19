/**
 * The lexicon source format (see lexicons/README.md): one TAB-separated line per entry.
 * A line's second column says what it is: an entity type (PER, LOC, ORG) or a word kind
 * used as evidence by the pattern rules. Parsing never throws: problems come back as
 * file:line diagnostics.
 */
import { firstInvalidUtf8 } from '../io/decode.js';

import { ENTITY_TYPES, type EntityType } from '../model.js';

export const WORD_KINDS = [
  'male',
  'female',
  /** Derived: given names listed only in words/given-names-foreign*.tsv (جون، فرناندو). */
  'foreign-given',
  'nationality',
  'per-title',
  'title-mod',
  'org-head',
  'org-context',
  'org-label',
  'descriptive-head',
  'loc-head',
  'loc-part',
  'loc-context',
  'misc-head',
  'sport-context',
  'speech-verb',
  'stop',
  /** Generated (data/wikidata-names): a word of a person's name of any origin; never tagged alone. */
  'name-word',
  /** Generated: a name word that is also a common word (نور، سلام): evidence only next to other evidence. */
  'name-word-weak',
  /*
   * The small words the rules read inside names and around heads (words/name-parts.tsv,
   * words/triggers.tsv). Matched on the whole normalised form (never article-folded).
   */
  /** بن، ابن، بنت، ابو/ابا/ابي، ام، آل: joins the next word to a name. */
  'name-connector',
  /** ابو/ابا/ابي، ام: a kunya starts a name as a given name does. */
  'kunya',
  /** عبد: the first half of a compound given name (عبد الله). */
  'compound-first',
  /** ولد: a connector only inside a name (also the verb "was born"). */
  'inner-connector',
  /** دي، فان، فون ...: continues a (foreign) name before a plain word. */
  'name-particle',
  /** بن، عبد، ابو، الله ...: before a bare family name, makes it part of a longer name (propagation). */
  'name-link',
  /** الاول، الثاني ...: a regnal number ends a ruler's name. */
  'ordinal',
  /** جامعة، معهد، كلية: an org head that takes a foreign proper name (جامعة ليدز). */
  'school-head',
  /** شركة: a company is also named without it when one word follows (build time). */
  'company-head',
  /** مباراة، لاعب ...: sports words only sports reporting uses (a passage about a match). */
  'match-word',
  /** A word after a name that reports what the person said (قوله، قولها): the name before it is a person. */
  'speech-report',
] as const;
export type WordKind = (typeof WORD_KINDS)[number];

export interface Surface {
  text: string;
  /** Needs context before it is tagged (also a common word or shared by many). */
  ambiguous: boolean;
  /** Describes a body by its function (مجلس النواب، قوات الاحتلال): tagged only with --descriptive-orgs. */
  descriptive?: boolean;
}

export interface EntitySourceEntry {
  type: EntityType;
  arabic: string;
  subtype: string;
  en: string;
  surfaces: Surface[];
  file: string;
  line: number;
}

export interface WordSourceEntry {
  kind: WordKind;
  arabic: string;
  en: string;
  surfaces: string[];
  file: string;
  line: number;
}

export interface Diagnostic {
  file: string;
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * What a source says about all its entries, from its header line (`# kiyan: lexicon ...`,
 * see lexicons/README.md, "File header"); never from its file name.
 */
export interface SourceOptions {
  /** names=foreign: its given names are of the non-Arab world (they also make kind `foreign-given`). */
  foreignNames?: boolean;
  /** spellings=hard-g: its PER and LOC entries also get the other spelling of the hard g (غ/ج). */
  hardG?: boolean;
  /** countries=IQ,SY: the ISO codes of the countries its places lie in (the geo join). */
  countries?: string[];
  /** Generated at build time from data packages (not a file): curated entries merge into it. */
  generated?: boolean;
}

export interface ParsedSource {
  entities: EntitySourceEntry[];
  words: WordSourceEntry[];
  diagnostics: Diagnostic[];
  options?: SourceOptions;
}

/** The header line's start; the rest is `lexicon` and optional fields. */
export const HEADER_PREFIX = '# kiyan:';

/** The header fields and their values (README: "File header"). */
const HEADER_FIELDS: Record<string, RegExp> = {
  names: /^(arabic|foreign)$/,
  spellings: /^(as-written|hard-g)$/,
  countries: /^[A-Z]{2}(,[A-Z]{2})*$/,
};

/** Parses a header line (`# kiyan: lexicon names=foreign`): its options, or an error message. */
export function parseHeader(line: string): SourceOptions | string {
  const parts = line.slice(HEADER_PREFIX.length).trim().split(/\s+/).filter(Boolean);
  if (parts[0] !== 'lexicon') return `a header line reads "${HEADER_PREFIX} lexicon" and optional fields (names=, spellings=, countries=), found "${line.trim()}"`;
  const options: SourceOptions = {};
  for (const field of parts.slice(1)) {
    const eq = field.indexOf('=');
    const key = eq > 0 ? field.slice(0, eq) : field;
    const value = eq > 0 ? field.slice(eq + 1) : '';
    const valid = HEADER_FIELDS[key];
    if (!valid) return `unknown header field "${key}" (known: ${Object.keys(HEADER_FIELDS).join(', ')})`;
    if (!valid.test(value)) return `invalid value "${value}" for header field ${key} (expected ${valid.source.replace(/^\^|\$$/g, '')})`;
    if (key === 'names') options.foreignNames = value === 'foreign';
    else if (key === 'spellings') options.hardG = value === 'hard-g';
    else options.countries = value.split(',');
  }
  return options;
}

const ARABIC_RE = /\p{Script=Arabic}/u;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a lexicon file's bytes, which must be UTF-8: a line that is not is a file:line error
 * (decoding it leniently would put U+FFFD inside names, which then match nothing). The other
 * lines are parsed as usual, so one pass reports every problem.
 */
export function parseLexiconBytes(bytes: Uint8Array, file: string): ParsedSource {
  let text: string | undefined;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined) return parseLexiconText(text, file);
  const lines: string[] = [];
  const invalid: Diagnostic[] = [];
  for (let start = 0, line = 1; start <= bytes.length; line++) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    const piece = bytes.subarray(start, end);
    try {
      lines.push(strictUtf8.decode(piece));
    } catch {
      lines.push('');
      invalid.push({ file, line, message: `invalid UTF-8 at byte ${firstInvalidUtf8(piece)} of the line; lexicon files are UTF-8`, severity: 'error' });
    }
    start = end + 1;
  }
  const out = parseLexiconText(lines.join('\n'), file);
  out.diagnostics = [...out.diagnostics, ...invalid].sort((a, b) => a.line - b.line);
  return out;
}

/** A variant may be the name as written in Latin script inside Arabic text (BBC, Reuters). */
const LATIN_NAME_RE = /^[A-Za-z][A-Za-z0-9-]*( [A-Za-z0-9-]+)*$/;

export function parseLexiconText(text: string, file: string): ParsedSource {
  const out: ParsedSource = { entities: [], words: [], diagnostics: [] };
  const lines = text.split(/\r?\n/);
  let header: SourceOptions | undefined;
  let entryLines = 0;
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    const err = (message: string): void => {
      out.diagnostics.push({ file, line, message, severity: 'error' });
    };
    // (A BOM before the header is the file's, not the line's.)
    const trimmed = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trimStart();
    if (trimmed.startsWith(HEADER_PREFIX)) {
      if (header !== undefined) return err('a second header line; a file has one, before its first entry');
      if (entryLines > 0) return err('the header line comes before the first entry');
      const parsed = parseHeader(trimmed);
      if (typeof parsed === 'string') return err(parsed);
      header = parsed;
      out.options = parsed;
      return;
    }
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    entryLines++;
    const cols = raw.split('\t').map((c) => c.trim());
    if (cols.length < 3) return err(`expected TAB-separated columns (arabic, type or kind, ...), found ${cols.length}`);
    const [arabic, second] = cols;
    if (!arabic) return err('empty Arabic name');
    if (!ARABIC_RE.test(arabic)) return err(`"${arabic}" has no Arabic letters`);
    if ((ENTITY_TYPES as readonly string[]).includes(second)) {
      if (cols.length < 4 || cols.length > 6) return err(`an entity line has 4 to 6 columns (arabic, type, subtype, english, variants, flags), found ${cols.length}`);
      const [, , subtype, en, variants = '', flags = ''] = cols;
      if (!en) return err(`"${arabic}" has no English name`);
      const flagList = flags.split(/[ ,]+/).filter(Boolean);
      const unknownFlags = flagList.filter((f) => f !== 'ambiguous' && f !== 'descriptive');
      if (unknownFlags.length) return err(`unknown flag "${unknownFlags[0]}" (known: ambiguous, descriptive)`);
      const surfaces: Surface[] = [{ text: arabic, ambiguous: flagList.includes('ambiguous'), ...(flagList.includes('descriptive') ? { descriptive: true } : {}) }];
      for (const v of splitVariants(variants)) {
        const ambiguous = v.startsWith('?');
        const descriptive = v.startsWith('~');
        const t = ambiguous || descriptive ? v.slice(1).trim() : v;
        if (!t) continue;
        if (!ARABIC_RE.test(t) && !LATIN_NAME_RE.test(t)) {
          err(`variant "${t}" has no Arabic letters and is not a Latin-script name`);
          continue;
        }
        surfaces.push({ text: t, ambiguous, ...(descriptive ? { descriptive } : {}) });
      }
      out.entities.push({ type: second as EntityType, arabic, subtype, en, surfaces, file, line });
    } else if ((WORD_KINDS as readonly string[]).includes(second)) {
      if (cols.length > 4) return err(`a word line has 3 or 4 columns (arabic, kind, english, variants), found ${cols.length}`);
      const [, , en, variants = ''] = cols;
      const surfaces = [arabic, ...splitVariants(variants).map((v) => v.replace(/^[?~]/, ''))];
      if (header === undefined && !out.diagnostics.some((d) => d.message.startsWith(MISSING_HEADER))) {
        out.diagnostics.push({ file, line: 1, message: `${MISSING_HEADER}: a file of word lines starts with "${HEADER_PREFIX} lexicon" (see lexicons/README.md, "File header")`, severity: 'error' });
      }
      out.words.push({ kind: second as WordKind, arabic, en, surfaces, file, line });
    } else {
      err(`unknown type or kind "${second}" (types: ${ENTITY_TYPES.join(', ')}; kinds: ${WORD_KINDS.join(', ')})`);
    }
  });
  // (The missing-header error is at line 1, found at the first word line.)
  out.diagnostics.sort((a, b) => a.line - b.line);
  return out;
}

const MISSING_HEADER = 'missing header';

function splitVariants(s: string): string[] {
  return s
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
}
