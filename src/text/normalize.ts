/**
 * Arabic normalisation as data: each step is a character map (CAMeL Tools style),
 * composed into one lookup table and applied by a single loop that also records,
 * for every UTF-16 unit of the output, where it came from in the input.
 */

export type NormalizeStep =
  | 'controls'
  | 'presentation'
  | 'diacritics'
  | 'tatweel'
  | 'alef'
  | 'yaa'
  | 'taa'
  | 'hamza'
  | 'persian'
  | 'digits';

export const ALL_STEPS: readonly NormalizeStep[] = [
  'controls',
  'presentation',
  'diacritics',
  'tatweel',
  'alef',
  'yaa',
  'taa',
  'hamza',
  'persian',
  'digits',
];

export const STEP_DESCRIPTIONS: Record<NormalizeStep, string> = {
  controls: 'remove zero-width and bidi control characters (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, U+061C, U+FEFF, U+00AD)',
  presentation: 'Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) to their base letters (NFKC), e.g. ﻻ -> لا; the basmala ﷽ to its four words',
  diacritics: 'remove harakat, tanween, shadda, sukun, dagger alef and Quranic marks (annotation marks, small waw ۥ and small yeh ۦ)',
  tatweel: 'remove tatweel (ـ); a hamza written on one (ـٔ, Uthmani) is the letter ئ, or آ when a fatha leads to an alef (ـَٔا)',
  alef: 'alef variants أ إ آ ٱ ٲ ٳ -> ا',
  yaa: 'alef maqsura ى and Persian/Urdu yeh ی ے -> ي',
  taa: 'taa marbuta ة and heh variants ۀ ە ہ ھ -> ه',
  hamza: 'hamza on carriers ؤ -> و, ئ -> ي',
  persian: 'Persian and Urdu letters ک گ -> ك, پ -> ب, چ -> ج, ژ -> ز, ڤ -> ف',
  digits: 'Arabic-Indic ٠-٩ and Persian ۰-۹ digits -> 0-9',
};

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}

/** Combining marks removed by the `diacritics` step. Also used to extend spans over trailing marks. */
const DIACRITICS: number[] = [
  ...range(0x0610, 0x061a), // Quranic honorifics and small marks
  ...range(0x064b, 0x065f), // tanween, harakat, shadda, sukun, maddah, hamza above/below...
  0x0670, // dagger (superscript) alef
  ...range(0x06d6, 0x06dc), // Quranic annotation marks
  ...range(0x06df, 0x06e8), // more marks, with the small waw ۥ and small yeh ۦ (لهۥ is له)
  ...range(0x06ea, 0x06ed),
  ...range(0x08d3, 0x08e1),
  ...range(0x08e3, 0x08ff),
];

const CONTROLS: number[] = [...range(0x200b, 0x200f), ...range(0x202a, 0x202e), ...range(0x2066, 0x2069), 0x061c, 0xfeff, 0x00ad];

const CHAR_MAPS: Record<Exclude<NormalizeStep, 'presentation'>, Array<[number, string]>> = {
  controls: CONTROLS.map((c) => [c, '']),
  diacritics: DIACRITICS.map((c) => [c, '']),
  tatweel: [[0x0640, '']],
  alef: [0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673].map((c) => [c, 'ا']),
  yaa: [0x0649, 0x06cc, 0x06d2, 0x06d3, 0x06cd, 0x06d0].map((c) => [c, 'ي']),
  taa: [0x0629, 0x06c0, 0x06d5, 0x06c1, 0x06be, 0x06c2, 0x06c3].map((c) => [c, 'ه']),
  hamza: [
    [0x0624, 'و'],
    [0x0626, 'ي'],
  ],
  persian: [
    [0x06a9, 'ك'],
    [0x06af, 'ك'],
    [0x067e, 'ب'],
    [0x0686, 'ج'],
    [0x0698, 'ز'],
    [0x06a4, 'ف'],
    [0x06aa, 'ك'],
  ],
  digits: [...range(0, 9).map((d): [number, string] => [0x0660 + d, String(d)]), ...range(0, 9).map((d): [number, string] => [0x06f0 + d, String(d)])],
};

const DIACRITIC_SET = new Set(DIACRITICS);

export function isDiacritic(codeUnit: number): boolean {
  return DIACRITIC_SET.has(codeUnit);
}

function isPresentationForm(cp: number): boolean {
  return (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefe);
}

type Table = Map<number, string>;
const tableCache = new Map<string, Table>();

/** Builds (once per step set) the composed map: code point -> replacement ('' = removed). */
function tableFor(steps: readonly NormalizeStep[]): Table {
  const key = [...steps].sort().join(',');
  const cached = tableCache.get(key);
  if (cached) return cached;
  const basic = new Map<number, string>();
  for (const step of ALL_STEPS) {
    if (step === 'presentation' || !steps.includes(step)) continue;
    for (const [cp, rep] of CHAR_MAPS[step]) basic.set(cp, rep);
  }
  const mapBasic = (s: string): string => {
    let out = '';
    for (const ch of s) {
      const rep = basic.get(ch.codePointAt(0)!);
      out += rep === undefined ? ch : rep;
    }
    return out;
  };
  const table: Table = new Map(basic);
  if (steps.includes('presentation')) {
    // ﷽ has no NFKC decomposition; it stands for these four words.
    table.set(0xfdfd, mapBasic('بسم الله الرحمن الرحيم'));
    for (let cp = 0xfb50; cp <= 0xfefe; cp++) {
      if (!isPresentationForm(cp)) continue;
      const nfkc = String.fromCharCode(cp).normalize('NFKC');
      if (nfkc === String.fromCharCode(cp)) continue;
      // The NFKC result goes through the other steps too, so the table is idempotent.
      table.set(cp, mapBasic(nfkc));
    }
  }
  tableCache.set(key, table);
  return table;
}

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text` (plus one past the end): the UTF-16 index in the original. */
  toSource16: Int32Array;
  /** For each UTF-16 unit of `text` (plus one past the end): the code-point index in the original. */
  toSourceCp: Int32Array;
}

interface FastTable {
  /** BMP code unit -> index into reps, or -1 when the unit is kept as is. */
  lookup: Int32Array;
  reps: Uint16Array[];
  /** Astral code points with a replacement (none today, kept for completeness). */
  astral: Map<number, string>;
}

const fastCache = new Map<string, FastTable>();

function fastTableFor(steps: readonly NormalizeStep[]): FastTable {
  const key = [...steps].sort().join(',');
  const hit = fastCache.get(key);
  if (hit) return hit;
  const table = tableFor(steps);
  const lookup = new Int32Array(0x10000).fill(-1);
  const reps: Uint16Array[] = [];
  const astral = new Map<number, string>();
  for (const [cp, rep] of table) {
    if (cp > 0xffff) {
      astral.set(cp, rep);
      continue;
    }
    lookup[cp] = reps.length;
    const units = new Uint16Array(rep.length);
    for (let k = 0; k < rep.length; k++) units[k] = rep.charCodeAt(k);
    reps.push(units);
  }
  const fast = { lookup, reps, astral };
  fastCache.set(key, fast);
  return fast;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Normalises `input` and keeps an offset map back to it. */
export function normalizeWithMap(input: string, steps: readonly NormalizeStep[] = ALL_STEPS): Normalized {
  const { lookup, reps } = fastTableFor(steps);
  const n = input.length;
  // Without surrogate pairs a UTF-16 index is a code-point index: one map serves as both.
  // A hamza mark (U+0654, rare) may sit on a tatweel: the general loop reads that in context.
  if (!SURROGATE.test(input) && input.indexOf('\u0654') === -1) {
    const out = new Uint16Array(n);
    const map16 = new Int32Array(n + 1);
    const o = normalizeUnits(input, lookup, reps, out, map16);
    if (o >= 0) {
      const text = Buffer.from(out.buffer, out.byteOffset, o * 2).toString('utf16le');
      const map = map16.subarray(0, o + 1);
      return { text, toSource16: map, toSourceCp: map };
    }
  }
  return normalizeGeneral(input, steps);
}

/**
 * The common case, in a function of its own so that it is optimised whole: each unit maps
 * to at most one unit, so there are no growth checks. Returns the output length, or -1 at a
 * replacement of several units (presentation-form ligatures): the general loop takes those.
 */
function normalizeUnits(input: string, lookup: Int32Array, reps: Uint16Array[], out: Uint16Array, map16: Int32Array): number {
  const n = input.length;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    const r = lookup[c];
    if (r === -1) {
      out[o] = c;
      map16[o++] = i;
      continue;
    }
    const rep = reps[r];
    if (rep.length > 1) return -1;
    if (rep.length === 1) {
      out[o] = rep[0];
      map16[o++] = i;
    }
  }
  map16[o] = n;
  return o;
}

const TATWEEL = 0x0640;
const HAMZA_ABOVE = 0x0654;
const ALEF = 0x0627;
const FATHA = 0x064e;
const FATHATAN = 0x064b;

/**
 * Uthmani script writes a hamza on a tatweel (ـٔ: U+0640, optional marks, U+0654). The index
 * of that hamza mark when the tatweel at `i` carries one, else -1.
 */
function hamzaOnTatweel(input: string, i: number): number {
  let j = i + 1;
  while (j < input.length && input.charCodeAt(j) !== HAMZA_ABOVE && DIACRITIC_SET.has(input.charCodeAt(j))) j++;
  return j < input.length && input.charCodeAt(j) === HAMZA_ABOVE ? j : -1;
}

/**
 * The units that replace a hamza on a tatweel, by input index (only when the tatweel step
 * removes tatweels). With a fatha and then an alef it is آ written with that alef
 * (ٱلْـَٔاخِرَة is الآخرة): the tatweel and the hamza mark give nothing and the alef becomes
 * آ. Otherwise it is the letter ئ at the tatweel (تَسْـَٔلُوا، شَيْـًٔا: after tanween the
 * alef is its own). The marks between go their usual way. Each unit maps back to the
 * character it replaces, so the letter maps back to the tatweel.
 */
function hamzaSeats(input: string, lookup: Int32Array, reps: Uint16Array[]): Map<number, ArrayLike<number>> | null {
  if (lookup[TATWEEL] === -1) return null;
  const unitsOf = (c: number): ArrayLike<number> => (lookup[c] === -1 ? [c] : reps[lookup[c]]);
  const seats = new Map<number, ArrayLike<number>>();
  for (let i = input.indexOf('\u0640'); i !== -1; i = input.indexOf('\u0640', i + 1)) {
    const hamza = hamzaOnTatweel(input, i);
    if (hamza < 0) continue;
    let k = hamza + 1;
    while (k < input.length && DIACRITIC_SET.has(input.charCodeAt(k))) k++;
    let fatha = false;
    let tanween = false;
    for (let j = i + 1; j < k; j++) {
      const m = input.charCodeAt(j);
      if (m === FATHA) fatha = true;
      if (m === FATHATAN) tanween = true;
    }
    seats.set(hamza, []);
    if (fatha && !tanween && input.charCodeAt(k) === ALEF) {
      seats.set(i, []);
      seats.set(k, unitsOf(0x0622));
    } else seats.set(i, unitsOf(0x0626));
  }
  return seats.size ? seats : null;
}

/** The general loop: surrogate pairs, and replacements longer than what they replace. */
function normalizeGeneral(input: string, steps: readonly NormalizeStep[]): Normalized {
  // One pass over UTF-16 units with a dense lookup table, writing code units into a typed
  // buffer: this runs on every byte of every input, so it avoids strings and closures.
  const { lookup, reps, astral } = fastTableFor(steps);
  const n = input.length;
  const seats = input.indexOf('\u0654') === -1 ? null : hamzaSeats(input, lookup, reps);
  let cap = n + 16;
  let out = new Uint16Array(cap);
  let map16 = new Int32Array(cap + 1);
  let mapCp = new Int32Array(cap + 1);
  let o = 0;
  let cp = 0;
  const grow = (need: number): void => {
    cap = Math.max(cap * 2, need + 16);
    const a = new Uint16Array(cap);
    a.set(out.subarray(0, o));
    out = a;
    const b = new Int32Array(cap + 1);
    b.set(map16.subarray(0, o));
    map16 = b;
    const c = new Int32Array(cap + 1);
    c.set(mapCp.subarray(0, o));
    mapCp = c;
  };
  for (let i = 0; i < n; i++, cp++) {
    const c = input.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = input.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const rep = astral.get(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        const units = rep === undefined ? [c, d] : Array.from({ length: rep.length }, (_, k) => rep.charCodeAt(k));
        if (o + units.length >= cap) grow(o + units.length);
        for (const u of units) {
          out[o] = u;
          map16[o] = i;
          mapCp[o] = cp;
          o++;
        }
        i++;
        continue;
      }
    }
    const seat = seats === null ? undefined : seats.get(i);
    const r = lookup[c];
    if (seat === undefined && r === -1) {
      if (o >= cap) grow(o + 1);
      out[o] = c;
      map16[o] = i;
      mapCp[o] = cp;
      o++;
    } else {
      const rep = seat ?? reps[r];
      if (o + rep.length >= cap) grow(o + rep.length);
      for (let k = 0; k < rep.length; k++) {
        out[o] = rep[k];
        map16[o] = i;
        mapCp[o] = cp;
        o++;
      }
    }
  }
  map16[o] = n;
  mapCp[o] = cp;
  const text = Buffer.from(out.buffer, out.byteOffset, o * 2).toString('utf16le');
  return { text, toSource16: map16.subarray(0, o + 1), toSourceCp: mapCp.subarray(0, o + 1) };
}

export function normalize(input: string, steps: readonly NormalizeStep[] = ALL_STEPS): string {
  return normalizeWithMap(input, steps).text;
}

/** Normalises a single short string (lexicon entries, trigger words): same table, no map. */
export function normalizeWord(word: string): string {
  return normalizeWithMap(word).text;
}

export interface SourceSpan {
  start16: number;
  end16: number;
  startCp: number;
  endCp: number;
}

/**
 * Maps a half-open span of the normalised text back to the original. The end is widened
 * over diacritics that follow the last letter, so a voweled name keeps its vowels.
 */
export function toSourceSpan(norm: Normalized, original: string, start: number, end: number): SourceSpan {
  const start16 = norm.toSource16[start];
  const startCp = norm.toSourceCp[start];
  const last16 = norm.toSource16[end - 1];
  const lastCp = norm.toSourceCp[end - 1];
  const lastUnit = original.charCodeAt(last16);
  const lastWidth = lastUnit >= 0xd800 && lastUnit <= 0xdbff ? 2 : 1;
  let end16 = last16 + lastWidth;
  let endCp = lastCp + 1;
  while (end16 < original.length && isDiacritic(original.charCodeAt(end16))) {
    end16++;
    endCp++;
  }
  return { start16, end16, startCp, endCp };
}

export function parseSteps(spec: string): NormalizeStep[] {
  const steps = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of steps) {
    if (!(ALL_STEPS as readonly string[]).includes(s)) throw new Error(`unknown normalisation step "${s}" (known: ${ALL_STEPS.join(', ')})`);
  }
  return steps as NormalizeStep[];
}
