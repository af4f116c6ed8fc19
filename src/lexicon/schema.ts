/**
 * The lexicon source format (see lexicons/README.md): one TAB-separated line per entry.
 * A line's second column says what it is: an entity type (PER, LOC, ORG) or a word kind
 * used as evidence by the pattern rules. Parsing never throws: problems come back as
 * file:line diagnostics.
 */
import { firstInvalidUtf8 } from '../io/decode.js';

import { ENTITY_TYPES, type EntityType } from '../model.js';

export { ENTITY_TYPES, type EntityType };

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

export interface ParsedSource {
  entities: EntitySourceEntry[];
  words: WordSourceEntry[];
  diagnostics: Diagnostic[];
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
  lines.forEach((raw, idx) => {
    const line = idx + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const err = (message: string): void => {
      out.diagnostics.push({ file, line, message, severity: 'error' });
    };
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
      out.words.push({ kind: second as WordKind, arabic, en, surfaces, file, line });
    } else {
      err(`unknown type or kind "${second}" (types: ${ENTITY_TYPES.join(', ')}; kinds: ${WORD_KINDS.join(', ')})`);
    }
  });
  return out;
}

function splitVariants(s: string): string[] {
  return s
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
}
