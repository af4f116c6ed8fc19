/**
 * Person-name words mined from Wikidata (data/wikidata-names/person-name-tokens.tsv, CC0):
 * one word of a person's name in Arabic script with its English romanisation and how many
 * names contain it. They become the word kind `name-word` (given or family name of any
 * origin); the compiler moves those that are also common Arabic words to `name-word-weak`.
 * Neither kind is ever tagged alone: the person rules use them as evidence.
 *
 * The same words train the name-shape model: how much a word's letters look like a
 * transliterated foreign name (ـوف، ـسكي، ـيتش، ـيني، long-vowel spellings) rather than an
 * Arabic word, from character n-grams of name words against common words. It scores words
 * no list has.
 */
import type { ParsedSource, WordSourceEntry } from './schema.js';

export interface NameWordRow {
  en: string;
  arabic: string;
  count: number;
}

/** `english<TAB>arabic<TAB>count` lines after a header; malformed lines are skipped. */
export function parseNameWordTable(text: string): NameWordRow[] {
  const rows: NameWordRow[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [en, arabic, count] = line.split('\t');
    if (!en || !arabic || !/^\p{Script=Arabic}+$/u.test(arabic)) continue;
    rows.push({ en, arabic, count: Number(count) || 1 });
  }
  return rows;
}

/** Romanisations that are particles or function words, not names (of, de, van, bin, al). */
const PARTICLE_EN = new Set(['of', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'bint', 'al', 'el', 'abu', 'abou', 'ben', 'y', 'e', 'and', 'the', 'st', 'saint', 'sir', 'mc', 'mac', 'ap', 'zu', 'af']);

/**
 * One word entry per distinct Arabic spelling, with its most frequent romanisation (title
 * case). Words of fewer than three letters and particles are left out: they are name tails
 * (دي، فون), handled by the rules, not names.
 */
export function nameWordSource(rows: NameWordRow[], file: string): ParsedSource {
  const best = new Map<string, { en: string; count: number; total: number; line: number }>();
  rows.forEach((r, k) => {
    const b = best.get(r.arabic);
    if (!b) best.set(r.arabic, { en: r.en, count: r.count, total: r.count, line: k + 2 });
    else {
      b.total += r.count;
      if (r.count > b.count) Object.assign(b, { en: r.en, count: r.count });
    }
  });
  const words: WordSourceEntry[] = [];
  for (const [arabic, b] of best) {
    if ([...arabic].length < 3 || PARTICLE_EN.has(b.en.toLowerCase())) continue;
    const en = b.en.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    words.push({ kind: 'name-word', arabic, en, surfaces: [arabic], file, line: b.line });
  }
  return { entities: [], words, diagnostics: [] };
}

/**
 * Character n-gram log-odds: gram -> weight (log P(gram | name word) - log P(gram | common
 * word)), rounded. Grams of 2 and 3 letters with word boundaries (^, $).
 */
export interface NameShapeModel {
  version: 1;
  /** Mean weight above which a word no list has counts as name-like (5% of common words score above it). */
  threshold: number;
  grams: Record<string, number>;
}

function grams(word: string): string[] {
  const w = `^${word}$`;
  const out: string[] = [];
  for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n));
  return out;
}

/**
 * Trains the model on normalised words: positive (names of foreign shape) and negative
 * (common words, Arabic given names, trigger words). The threshold keeps `negativeRate` of
 * the negative words (at most) above it.
 */
export function trainNameShape(positive: Iterable<string>, negative: Iterable<string>, negativeRate = 0.05): NameShapeModel {
  const count = (words: Iterable<string>): { c: Map<string, number>; total: number } => {
    const c = new Map<string, number>();
    let total = 0;
    for (const w of words) for (const g of new Set(grams(w))) {
      c.set(g, (c.get(g) ?? 0) + 1);
      total++;
    }
    return { c, total };
  };
  const pos = count(positive);
  const neg = count(negative);
  const vocab = new Set([...pos.c.keys(), ...neg.c.keys()]);
  const model: NameShapeModel = { version: 1, threshold: 0, grams: {} };
  for (const g of vocab) {
    const p = pos.c.get(g) ?? 0;
    const q = neg.c.get(g) ?? 0;
    // Rare grams say little: they are left out (weight 0 at run time).
    if (p + q < 3) continue;
    const wgt = Math.log((p + 0.5) / (pos.total + vocab.size * 0.5)) - Math.log((q + 0.5) / (neg.total + vocab.size * 0.5));
    model.grams[g] = Math.round(wgt * 10) / 10;
  }
  const negScores = [...negative].map((w) => nameShapeScore(model, w)).sort((a, b) => b - a);
  model.threshold = negScores.length ? negScores[Math.floor(negScores.length * negativeRate)] : 0;
  return model;
}

/** The mean n-gram weight of a normalised word: high = looks like a transliterated foreign name. */
export function nameShapeScore(model: NameShapeModel, word: string): number {
  const gs = grams(word);
  let sum = 0;
  for (const g of gs) sum += model.grams[g] ?? 0;
  return gs.length ? sum / gs.length : 0;
}

/** A gram (s[from, to)) as a number: its UTF-16 units in base 65536. */
function gramCode(s: string, from: number, to: number): number {
  let code = 0;
  for (let i = from; i < to; i++) code = code * 65536 + s.charCodeAt(i);
  return code;
}

/** Serialised compactly: a threshold line, then `gram<TAB>weight` lines. */
/**
 * The model compiled for scoring many words: each gram as a number (its UTF-16 units in
 * base 65536), so a word is scored without building a string per gram. Gives exactly
 * nameShapeScore's value (same grams, same order of summation).
 */
export class NameShapeScorer {
  private readonly weights = new Map<number, number>();
  readonly threshold: number;

  constructor(model: NameShapeModel) {
    this.threshold = model.threshold;
    for (const g in model.grams) this.weights.set(gramCode(g, 0, g.length), model.grams[g]);
  }

  /**
   * The scorer of a serialised model (serializeNameShape), read straight into its table:
   * the same weights as new NameShapeScorer(parseNameShape(text)), without an object of
   * 6,700 string keys in between (that was ~10 ms of a short run's start).
   */
  static fromText(text: string): NameShapeScorer {
    const scorer = new NameShapeScorer({ version: 1, threshold: 0, grams: {} });
    let threshold = 0;
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', at);
      if (tab >= 0 && tab < end) {
        const value = Number(text.slice(tab + 1, end));
        if (tab - at === 9 && text.startsWith('threshold', at)) threshold = value;
        else scorer.weights.set(gramCode(text, at, tab), value);
      }
      at = end + 1;
    }
    (scorer as { threshold: number }).threshold = threshold;
    return scorer;
  }

  /** nameShapeScore(model, word). */
  score(word: string): number {
    const len = word.length + 2;
    const at = (i: number): number => (i === 0 ? 94 /* ^ */ : i === len - 1 ? 36 /* $ */ : word.charCodeAt(i - 1));
    let sum = 0;
    let count = 0;
    for (let i = 0; i + 2 <= len; i++, count++) sum += this.weights.get(at(i) * 65536 + at(i + 1)) ?? 0;
    for (let i = 0; i + 3 <= len; i++, count++) sum += this.weights.get((at(i) * 65536 + at(i + 1)) * 65536 + at(i + 2)) ?? 0;
    return count ? sum / count : 0;
  }
}

export function serializeNameShape(model: NameShapeModel): string {
  return [`threshold\t${model.threshold}`, ...Object.entries(model.grams).map(([g, w]) => `${g}\t${w}`)].join('\n') + '\n';
}

export function parseNameShape(text: string): NameShapeModel {
  const model: NameShapeModel = { version: 1, threshold: 0, grams: Object.create(null) as Record<string, number> };
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const key = line.slice(0, tab);
    const value = Number(line.slice(tab + 1));
    if (key === 'threshold') model.threshold = value;
    else model.grams[key] = value;
  }
  return model;
}
