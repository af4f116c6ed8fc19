import { describe, expect, test } from '@jest/globals';
import { transliterate } from '../../src/text/translit.js';

describe('transliterate (readable scheme)', () => {
  test.each([
    ['سليماني', 'Slimani'],
    ['بوتين', 'Butin'],
    ['نهرين نت', 'Nhrin Nt'],
    ['جيش الشام', 'Jish al-Sham'],
    ['القدس', 'Al-Qds'],
    ['دمشق', 'Dmshq'],
    ['وليد', 'Wlid'],
    ['خالد', 'Khald'],
    ['غزة', 'Ghza'],
    ['عمان', "'Man"],
    ['م\u064Fح\u064Eم\u0651\u064Eد', 'Muhammad'],
    ['م\u064Fح\u064Eم\u064E\u0651د', 'Muhammad'],
    ['ظبي', 'Zbi'],
  ])('%s -> %s', (ar, out) => {
    expect(transliterate(ar)).toBe(out);
  });
  test('vowel letters next to و and ي make them consonants', () => {
    expect(transliterate('نواف')).toBe('Nwaf');
    expect(transliterate('بيان')).toBe('Byan');
    expect(transliterate('يوسف')).toBe('Yusf');
  });
  test('tatweel is dropped, non-Arabic text is kept', () => {
    expect(transliterate('ســوريا 2015')).toBe('Surya 2015');
  });
  test('output is ASCII apart from what was not Arabic', () => {
    expect(transliterate('الإمارات العربية المتحدة ژ پ چ گ ک')).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('transliterate (Buckwalter)', () => {
  test('one-to-one table', () => {
    expect(transliterate('سليماني', 'buckwalter')).toBe('slymAny');
    expect(transliterate('م\u064Fح\u064Eم\u0651\u064Eد', 'buckwalter')).toBe('muHam~ad');
    expect(transliterate('إسرائيل', 'buckwalter')).toBe('<srA}yl');
    expect(transliterate('مدرسة', 'buckwalter')).toBe('mdrsp');
  });
});
