/**
 * Benchmark corpora, generated into a temporary folder (never into the repository).
 *
 * `realText` starts from the sentences of an ANERcorp CoNLL file and makes text that does
 * not repeat and whose vocabulary keeps growing, as a real corpus's does: every word is
 * swapped, with probability `swap`, for a word of the corpus that carries the same label
 * (B-PERS for B-PERS, O for O, drawn by corpus frequency, so names stay names and the
 * density of entities stays that of news), and a word of four letters or more then has one
 * letter changed with probability `mutate` (typos, rare inflections, unseen names: new
 * distinct words at a steady rate). Seeded and deterministic: the same options give the
 * same bytes.
 *
 * `bestCase` is the corpus of the earlier benchmark: the fixtures' sentences shuffled (about
 * 9,400 distinct words whatever the size), which keeps every per-word cache warm. It
 * flatters any engine that caches per word; it is kept only to compare with old figures.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** sfc32: a small, fast, well-mixed seeded generator; returns floats in [0, 1). */
export function seededRandom(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** Sentences of a CoNLL file: arrays of [token, label]; the label is the line's last field. */
export function readConll(path) {
  const sentences = [];
  let sentence = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      if (sentence.length) sentences.push(sentence);
      sentence = [];
      continue;
    }
    const cut = trimmed.lastIndexOf(' ');
    sentence.push(cut < 0 ? [trimmed, 'O'] : [trimmed.slice(0, cut), trimmed.slice(cut + 1)]);
  }
  if (sentence.length) sentences.push(sentence);
  return sentences;
}

const DOC_BYTES = 100_000;
const isArabicLetter = (c) => c >= 0x0621 && c <= 0x064a && c !== 0x0640;

/**
 * Writes the corpus twice, as the same bytes: a folder of ~100 KB documents (100 per
 * sub-folder) and one file that is their concatenation. Returns the paths, the size in
 * bytes, the number of documents and of distinct whitespace-separated words.
 */
function writeCorpus(dir, docs, distinct) {
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  let bytes = 0;
  docs.forEach((doc, i) => {
    const part = join(folder, `part-${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(part);
    writeFileSync(join(part, `doc-${String(i).padStart(5, '0')}.txt`), doc);
    bytes += Buffer.byteLength(doc);
  });
  const file = join(dir, 'one-file.txt');
  writeFileSync(file, docs.join(''));
  return { folder, file, bytes, documents: docs.length, distinct };
}

/** Assembles sentences (strings) into ~100 KB documents of paragraphs until `mb` MB. */
function assemble(mb, nextSentence, rand) {
  const docs = [];
  let total = 0;
  while (total < mb * 1e6) {
    const pieces = [];
    let bytes = 0;
    while (bytes < DOC_BYTES) {
      const s = nextSentence();
      // Arabic letters take two bytes in UTF-8, ASCII one: counting exactly costs little.
      bytes += Buffer.byteLength(s) + 1;
      pieces.push(s, rand() < 0.25 ? '\n' : ' ');
    }
    pieces[pieces.length - 1] = '\n';
    const doc = pieces.join('');
    docs.push(doc);
    total += bytes;
  }
  return docs;
}

export function realText({ dir, mb, seed = 1, conll, swap = 0.5, mutate = 0.08 }) {
  const rand = seededRandom(seed);
  // Words and labels as integer ids: the loop below runs once per word of the output (about
  // 4.5 million for 50 MB), so it draws and looks up numbers, not strings.
  const vocabulary = [];
  const wordIds = new Map();
  const labelIds = new Map();
  const idOf = (map, key, list) => {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
      if (list) list.push(key);
    }
    return id;
  };
  const sentences = readConll(conll).map((s) => ({
    words: Int32Array.from(s, ([w]) => idOf(wordIds, w, vocabulary)),
    labels: Int32Array.from(s, ([, l]) => idOf(labelIds, l)),
  }));
  // Pools of words by label, one entry per occurrence (draws follow corpus frequency).
  const pools = Array.from(labelIds, () => []);
  const letters = [];
  for (const { words, labels } of sentences) {
    for (let i = 0; i < words.length; i++) {
      pools[labels[i]].push(words[i]);
      const w = vocabulary[words[i]];
      for (let k = 0; k < w.length; k++) if (isArabicLetter(w.charCodeAt(k))) letters.push(w[k]);
    }
  }
  const seen = new Uint8Array(vocabulary.length);
  let seenCount = 0;
  const mutants = new Set();
  const out = [];
  const nextSentence = () => {
    const { words, labels } = sentences[Math.floor(rand() * sentences.length)];
    out.length = 0;
    for (let i = 0; i < words.length; i++) {
      let id = words[i];
      if (rand() < swap) {
        const pool = pools[labels[i]];
        id = pool[Math.floor(rand() * pool.length)];
      }
      const word = vocabulary[id];
      if (word.length >= 4 && rand() < mutate) {
        const at = Math.floor(rand() * word.length);
        if (isArabicLetter(word.charCodeAt(at))) {
          const mutant = word.slice(0, at) + letters[Math.floor(rand() * letters.length)] + word.slice(at + 1);
          const known = wordIds.get(mutant);
          if (known === undefined) mutants.add(mutant);
          else if (seen[known] === 0) {
            seen[known] = 1;
            seenCount++;
          }
          out.push(mutant);
          continue;
        }
      }
      if (seen[id] === 0) {
        seen[id] = 1;
        seenCount++;
      }
      out.push(word);
    }
    return out.join(' ');
  };
  const docs = assemble(mb, nextSentence, rand);
  return writeCorpus(dir, docs, seenCount + mutants.size);
}

/** The earlier benchmark's corpus: fixture sentences shuffled, known persons swapped from the lexicon. */
export function bestCase({ dir, mb, seed = 1, fixturesDir, persons }) {
  const rand = seededRandom(seed);
  const texts = readdirSync(fixturesDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(fixturesDir, f), 'utf8'));
  const sentences = texts.join('\n').split(/(?<=[.!؟?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 20);
  const known = ['قاسم سليماني', 'فلاديمير بوتين', 'علي خامنئي'];
  const distinct = new Set();
  const nextSentence = () => {
    let s = sentences[Math.floor(rand() * sentences.length)];
    for (const k of known) if (s.includes(k)) s = s.split(k).join(persons[Math.floor(rand() * persons.length)]);
    for (const w of s.split(/\s+/)) distinct.add(w);
    return s;
  };
  return writeCorpus(dir, assemble(mb, nextSentence, rand), distinct.size);
}
