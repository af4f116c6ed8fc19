import { describe, expect, test } from '@jest/globals';
import { compileLexicon } from '../../src/lexicon/compile.js';
import { NameShapeScorer, nameShapeScore, nameWordSource, parseNameShape, parseNameWordTable, serializeNameShape, trainNameShape } from '../../src/lexicon/name-words.js';
import { parseLexiconText } from '../../src/lexicon/schema.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/lexicon/load.js';

describe('name words from the Wikidata table', () => {
  const rows = parseNameWordTable('english\tarabic\tcount\nmiller\tميلر\t1081\nmeiler\tميلر\t1\nof\tمن\t515\nnour\tنور\t40\nbroken line\n');
  test('parses rows and keeps the most frequent romanisation per Arabic word', () => {
    const src = nameWordSource(rows, 'names.tsv');
    const miller = src.words.find((w) => w.arabic === 'ميلر');
    expect(miller?.en).toBe('Miller');
    expect(miller?.kind).toBe('name-word');
  });
  test('leaves out particles and words shorter than three letters', () => {
    const src = nameWordSource(rows, 'names.tsv');
    expect(src.words.map((w) => w.arabic)).not.toContain('من');
  });
  test('a name word that is a common word becomes name-word-weak', () => {
    const common = parseLexiconText('# kiyan: lexicon\nنور\tstop\tlight\n', 'common.tsv');
    const { lexicon, nameShape } = compileLexicon([common, nameWordSource(rows, 'names.tsv')]);
    expect(lexicon.words['name-word']).toContain('ميلر');
    expect(lexicon.words['name-word']).not.toContain('نور');
    expect(lexicon.words['name-word-weak']).toContain('نور');
    expect(nameShape).toBeDefined();
  });
});

describe('the name-shape model', () => {
  const names = ['بوتين', 'ميدفيديف', 'غورباتشوف', 'لافروف', 'يلتسين', 'كوفالسكي', 'نوفاكوفيتش', 'ميلوسيفيتش', 'بيرلسكوني', 'موغيريني', 'مانشيني', 'روسيني'];
  const words = ['الحكومه', 'المدينه', 'يستخدمون', 'قالت', 'الاجتماع', 'المفاوضات', 'سيطرتهم', 'مكتب', 'الوزراء', 'تعليمات', 'مستشفي', 'الجيش'];
  const model = trainNameShape(names, words, 0.05);
  test('scores an unseen foreign surname above an unseen Arabic word', () => {
    expect(nameShapeScore(model, 'كاسبروفيتش')).toBeGreaterThan(nameShapeScore(model, 'المستشفيات'));
  });
  test('survives serialisation', () => {
    const back = parseNameShape(serializeNameShape(model));
    expect(back.threshold).toBe(model.threshold);
    expect(nameShapeScore(back, 'بيليني')).toBeCloseTo(nameShapeScore(model, 'بيليني'), 6);
  });

  test('NameShapeScorer gives exactly nameShapeScore, without a string per gram', () => {
  const model = trainNameShape(['كاسبروفيتش', 'بيليني', 'ميلوسيفيتش', 'كوستوف', 'ايفانوف'], ['المستشفيات', 'الحكومة', 'كتاب', 'قال', 'مدينة']);
  const scorer = new NameShapeScorer(model);
  expect(scorer.threshold).toBe(model.threshold);
  for (const w of ['', 'ب', 'بيليني', 'كوستوفيتش', 'المدينة', 'رونالدو', 'x^$'])
    expect(scorer.score(w)).toBe(nameShapeScore(model, w));
});

  test('NameShapeScorer.fromText scores exactly as the model it was serialised from (the shipped model too)', () => {
    const text = serializeNameShape(model);
    const scorer = NameShapeScorer.fromText(text);
    const parsed = new NameShapeScorer(parseNameShape(text));
    expect(scorer.threshold).toBe(model.threshold);
    for (const w of ['', 'ب', 'بيليني', 'كاسبروفيتش', 'المدينة', 'رونالدو', 'x^$']) {
      expect(scorer.score(w)).toBe(parsed.score(w));
      expect(scorer.score(w)).toBe(nameShapeScore(model, w));
    }
    const shipped = join(packageRoot(), 'dist', 'lexicon', 'name-shape.tsv');
    const real = readFileSync(shipped, 'utf8');
    const a = NameShapeScorer.fromText(real);
    const b = new NameShapeScorer(parseNameShape(real));
    expect(a.threshold).toBe(b.threshold);
    for (const w of ['بوتين', 'غورباتشوف', 'الحكومه', 'قالت', 'ميلوسيفيتش', 'كوفالسكي']) expect(a.score(w)).toBe(b.score(w));
  });
});
