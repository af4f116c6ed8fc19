import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguageIfLoaded, loadLanguageDetector } from '../../src/text/language.js';
import { ROOT } from '../helpers.js';

beforeAll(async () => {
  await loadLanguageDetector();
});

// Short Arabic with a few Latin words, so that franc is asked (clearly Arabic text never is).
const SHORT = ['مستوي سجل نموها عام 2001 عندما Al Jazeera', 'للمساهمة " في إرساء الاستقرار " the United Nations'];
const CONTROLS = {
  'RLM': '\u200f',
  'LRM': '\u200e',
  'ALM': '\u061c',
  'ZWNJ': '\u200c',
  'ZWJ': '\u200d',
  'ZWSP': '\u200b',
  'RLE/PDF': '\u202b',
  'RLI/PDI': '\u2067',
  'BOM': '\ufeff',
};

describe('language detection', () => {
  test.each(SHORT)('plain short Arabic with Latin words is Arabic: %s', (text) => {
    expect(detectLanguageIfLoaded(text)).toMatchObject({ code: 'arb', isArabic: true });
  });
  // franc took text with a bidi or zero-width mark beside every space for Dari (prs).
  test.each(Object.entries(CONTROLS))('%s marks around the words do not make it Persian', (_, mark) => {
    for (const text of SHORT) {
      const marked = text.replace(/ /g, `${mark} ${mark}`);
      expect(detectLanguageIfLoaded(marked)).toMatchObject({ code: 'arb', isArabic: true });
      const wrapped = text.replace(/(\S+)/g, `${mark}$1${mark}`);
      expect(detectLanguageIfLoaded(wrapped)).toMatchObject({ code: 'arb', isArabic: true });
    }
  });
  test('Persian and English stay not Arabic', () => {
    const fa = readFileSync(join(ROOT, 'fixtures', 'bad', 'persian.txt'), 'utf8');
    expect(detectLanguageIfLoaded(fa).isArabic).toBe(false);
    expect(detectLanguageIfLoaded(fa.replace(/ /g, '\u200c ')).isArabic).toBe(false);
    expect(detectLanguageIfLoaded('The quick brown fox jumps over the lazy dog near the river bank.').isArabic).toBe(false);
  });
});
