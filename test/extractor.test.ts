import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createExtractor, extract, type Entity } from '../src/index.js';
import { seedText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kiyan-extractor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lexiconFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const shown = (es: Entity[]) => es.map((e) => [e.text, e.type, e.id]);

describe('extractors with different user lexicons in one process', () => {
  // A made-up name no shipped lexicon has: one user calls it a person, the other an organisation.
  const text = 'وصل زرقويل الى المدينة امس ثم غادر زرقويل بعد الاجتماع';
  const people = createExtractor({ lexicons: [lexiconFile('per.tsv', ['زرقويل\tPER\tpolitician\tZarquil'])] });
  const companies = createExtractor({ lexicons: [lexiconFile('org.tsv', ['زرقويل\tORG\tcompany\tZarquil Ltd'])] });

  test('each finds the name with its own lexicon, whatever the other did before', () => {
    for (let round = 0; round < 2; round++) {
      const p = people.extract(text).entities.filter((e) => e.text === 'زرقويل');
      const o = companies.extract(text).entities.filter((e) => e.text === 'زرقويل');
      expect(p.map((e) => [e.type, e.en, e.id])).toEqual([
        ['PER', 'Zarquil', 'PER:زرقويل'],
        ['PER', 'Zarquil', 'PER:زرقويل'],
      ]);
      expect(o.map((e) => [e.type, e.en, e.id])).toEqual([
        ['ORG', 'Zarquil Ltd', 'ORG:زرقويل'],
        ['ORG', 'Zarquil Ltd', 'ORG:زرقويل'],
      ]);
    }
  });

  test('an extractor without the user lexicon does not know the name', () => {
    expect(createExtractor().extract(text).entities.filter((e) => e.text === 'زرقويل')).toEqual([]);
    expect(extract(text).entities.filter((e) => e.text === 'زرقويل')).toEqual([]);
  });

  test('the shipped lexicon still works in both', () => {
    for (const ex of [people, companies]) expect(shown(ex.extract('زار الرئيس بوتين طهران').entities).map((x) => x[1])).toEqual(['PER', 'LOC']);
  });

  test('extractor options are defaults that a call can override', () => {
    const perOnly = createExtractor({ types: ['PER'] });
    const t = 'زار الرئيس بوتين طهران';
    expect(perOnly.extract(t).entities.map((e) => e.type)).toEqual(['PER']);
    expect(perOnly.extract(t, { types: ['LOC'] }).entities.map((e) => e.type)).toEqual(['LOC']);
  });
});

/** Deterministic stream of varied words: seed-text words, some with a letter changed, so the vocabulary keeps growing. */
function variedWords(seed: number): () => string {
  const words = seedText().split(/\s+/).filter(Boolean);
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let s = seed >>> 0;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  return () => {
    let w = words[Math.floor(rnd() * words.length)];
    if (rnd() < 0.3) {
      const k = Math.floor(rnd() * w.length);
      w = w.slice(0, k) + letters[Math.floor(rnd() * letters.length)] + w.slice(k + 1);
    }
    return w;
  };
}

function feed(ex: ReturnType<typeof createExtractor>, count: number, seed: number): void {
  const next = variedWords(seed);
  for (let done = 0; done < count; ) {
    const doc: string[] = [];
    for (let k = 0; k < 2000; k++) doc.push(next());
    ex.extract(doc.join(' '), { language: 'arb' });
    done += doc.length;
  }
}

describe('the word-id layer does not change results', () => {
  const seedSentences = seedText().split(/(?<=[.،\n])/).filter((s) => s.trim());
  // Texts made of seed sentences (names, titles, clitics) and varied words between them.
  const texts = fc
    .tuple(fc.array(fc.tuple(fc.integer({ min: 0, max: seedSentences.length - 1 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 12 }), fc.integer())
    .map(([parts, seed]) => {
      const next = variedWords(seed);
      return parts.map(([k, extra]) => seedSentences[k] + ' ' + Array.from({ length: extra }, next).join(' ')).join(' ');
    });

  test('the same text gives the same entities alone, after a million other words, and with constant eviction', () => {
    const worn = createExtractor();
    feed(worn, 1_000_000, 7);
    expect(worn.wordStats.words).toBeGreaterThan(10_000);
    // Forgets all but its 32 most recent words at every document.
    const tiny = createExtractor({ wordCapacity: 64 });
    feed(tiny, 20_000, 8);
    expect(tiny.wordStats.evicted).toBeGreaterThan(0);
    let round = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const alone = JSON.stringify(createExtractor().extract(text, { language: 'arb' }));
        expect(JSON.stringify(worn.extract(text, { language: 'arb' }))).toBe(alone);
        expect(JSON.stringify(tiny.extract(text, { language: 'arb' }))).toBe(alone);
        // More varied words between runs, so that ids and eviction keep moving.
        feed(worn, 2000, ++round);
        feed(tiny, 2000, round);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
