import { describe, expect, test } from '@jest/globals';
import { tokenize } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  test('splits on Arabic and Latin punctuation and keeps offsets', () => {
    const text = 'قال، «بوتين» (روسيا) - F16؛ 2015؟';
    const toks = tokenize(text);
    expect(toks.map((t) => t.text)).toEqual(['قال', 'بوتين', 'روسيا', 'F16', '2015']);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  test('marks breaks at punctuation and line ends, not at spaces', () => {
    const toks = tokenize('قاسم سليماني ، قائد\nفيلق');
    expect(toks.map((t) => t.breakBefore)).toEqual([true, false, true, true]);
  });
  test('records quotes around a token', () => {
    const toks = tokenize('لشبكة "نهرين نت" الاخبارية');
    expect(toks[1].quoteBefore).toBe(true);
    expect(toks[2].quoteAfter).toBe(true);
  });
});
