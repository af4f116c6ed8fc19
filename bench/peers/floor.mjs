#!/usr/bin/env node
/**
 * The floor of the throughput benchmark: the work a lexicon-based Arabic recogniser cannot
 * avoid, written plainly, so that kiyan's speed can be read against what the task costs.
 *
 *   node bench/peers/floor.mjs LEXICON.tsv INPUT > out.jsonl
 *
 * Per unit (see units.mjs): normalisation by one character table (diacritics, tatweel and
 * controls dropped; alef, yaa, taa marbuta, hamza carriers folded), with each output
 * character's offset in the input kept; a split into tokens at anything that is not a
 * letter or digit; the proclitic analyses (و ف, then ب ك ل, and لل as ل + ال); Map look-ups
 * of each analysis as a unigram and, with the previous token, as a bigram, against the
 * exported lexicon normalised by the same table; one JSONL line per unit with
 * [type, start, end] in UTF-16 offsets of the input. No rules, no context, no clusters:
 * a floor, not a recogniser.
 */
import { lineWriter, readLexicon, units } from './units.mjs';

const [lexiconPath, input] = process.argv.slice(2);

// ---- the character table: 0 drops the character, SPACE ends a token -----------------------
const SPACE = 0x20;
const table = new Uint16Array(0x10000).fill(SPACE);
const letter = (from, to = from) => {
  for (let c = from; c <= to; c++) table[c] = c;
};
letter(0x30, 0x39);
letter(0x41, 0x5a);
letter(0x61, 0x7a);
letter(0x0621, 0x063a);
letter(0x0641, 0x064a);
letter(0x0660, 0x0669);
letter(0x0671, 0x06d3);
for (let c = 0x064b; c <= 0x065f; c++) table[c] = 0; // harakat, tanween, shadda, sukun
for (const c of [0x0640, 0x0670, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff, 0x00ad]) table[c] = 0;
for (const c of [0x0623, 0x0625, 0x0622, 0x0671]) table[c] = 0x0627; // alef variants -> ا
for (const c of [0x0649, 0x06cc]) table[c] = 0x064a; // ى ی -> ي
table[0x0629] = 0x0647; // ة -> ه
table[0x0624] = 0x0648; // ؤ -> و
table[0x0626] = 0x064a; // ئ -> ي
for (let d = 0; d < 10; d++) table[0x0660 + d] = 0x30 + d;

const utf16 = new TextDecoder('utf-16le');
let outUnits = new Uint16Array(1 << 17);
let origin = new Int32Array(1 << 17);
/** The text through the table, and for each of its characters the input offset it came from. */
function normalise(text) {
  if (outUnits.length < text.length + 1) {
    outUnits = new Uint16Array(text.length * 2);
    origin = new Int32Array(text.length * 2);
  }
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = table[text.charCodeAt(i)];
    if (c === 0) continue;
    outUnits[n] = c;
    origin[n++] = i;
  }
  origin[n] = text.length;
  return utf16.decode(outUnits.subarray(0, n));
}

// ---- the lexicon: unigrams and bigrams of normalised forms ---------------------------------
const unigrams = new Map();
const bigrams = new Map();
/** First words of bigrams: a token can start one only if one of its analyses is here. */
const bigramFirsts = new Set();
for (const [type, text] of readLexicon(lexiconPath)) {
  const words = normalise(text).split(' ').filter(Boolean);
  if (words.length === 1 && !unigrams.has(words[0])) unigrams.set(words[0], type);
  else if (words.length === 2) {
    const key = `${words[0]} ${words[1]}`;
    if (!bigrams.has(key)) bigrams.set(key, type);
    bigramFirsts.add(words[0]);
  }
}

/** Proclitic analyses of a token, longest stem first, with the characters each skips. */
function analyses(token, forms, skips) {
  forms.length = 0;
  skips.length = 0;
  forms.push(token);
  skips.push(0);
  const c0 = token[0];
  const conj = (c0 === 'و' || c0 === 'ف') && token.length > 2 ? 1 : 0;
  for (let skip = 0; skip <= conj; skip++) {
    const base = skip ? token.slice(1) : token;
    if (skip) forms.push(base), skips.push(1);
    if (base.length > 3 && base.startsWith('لل')) forms.push('ال' + base.slice(2)), skips.push(skip + 1);
    const p = base[0];
    if ((p === 'ب' || p === 'ك' || p === 'ل') && base.length > 3) forms.push(base.slice(1)), skips.push(skip + 1);
  }
}

const out = lineWriter();
const forms = [];
const skips = [];
// The previous token's analyses that can start a bigram (most tokens have none).
let startForms = [];
let startSkips = [];
let entities = 0;
for (const { source, text } of units(input)) {
  const normal = normalise(text);
  const found = [];
  let previousStart = -1;
  let start = -1;
  for (let i = 0; i <= normal.length; i++) {
    const atSpace = i === normal.length || normal.charCodeAt(i) === SPACE;
    if (!atSpace) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const token = normal.slice(start, i);
    analyses(token, forms, skips);
    let hit = false;
    // A bigram with the previous token (that token's analyses, this token as written).
    for (let k = 0; k < startForms.length && !hit; k++) {
      const type = bigrams.get(startForms[k] + ' ' + token);
      if (type !== undefined) {
        const from = origin[previousStart + startSkips[k]];
        // The bigram replaces the previous token's own match, if it had one.
        if (found.length && found[found.length - 1][1] >= origin[previousStart]) found.pop();
        found.push([type, from, origin[i - 1] + 1]);
        hit = true;
      }
    }
    for (let k = 0; k < forms.length && !hit; k++) {
      const type = unigrams.get(forms[k]);
      if (type !== undefined) {
        found.push([type, origin[start + skips[k]], origin[i - 1] + 1]);
        hit = true;
      }
    }
    if (startForms.length) {
      startForms = [];
      startSkips = [];
    }
    for (let k = 0; k < forms.length; k++) {
      if (bigramFirsts.has(forms[k])) {
        startForms.push(forms[k]);
        startSkips.push(skips[k]);
      }
    }
    previousStart = start;
    start = -1;
  }
  startForms = [];
  startSkips = [];
  entities += found.length;
  out.write(JSON.stringify({ source, entities: found }) + '\n');
}
out.flush();
process.stderr.write(`${entities} entities\n`);
