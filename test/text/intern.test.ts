import { describe, expect, test } from '@jest/globals';
import { WordTable, wordHash } from '../../src/text/intern.js';

function intern(table: WordTable<unknown>, text: string, start: number, end: number): number {
  return table.intern(text, start, end, wordHash(text.slice(start, end)).hash);
}

/** Distinct Arabic words (the letters whose hashes cluster in the low bits). */
function words(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    let w = '';
    for (let k = i; ; k = Math.floor(k / 28)) {
      w += String.fromCharCode(0x0628 + (k % 28));
      if (k < 28) break;
    }
    out.push(w);
  }
  return out;
}

describe('WordTable', () => {
  test('gives equal words one id, read from any range of any text, across growth', () => {
    const table = new WordTable<unknown>(1 << 16);
    table.beginDocument();
    const list = words(20000);
    const ids = list.map((w) => intern(table, `، ${w} .`, 2, 2 + w.length));
    expect(new Set(ids).size).toBe(list.length);
    list.forEach((w, k) => {
      expect(table.text(ids[k])).toBe(w);
      expect(intern(table, `${w}`, 0, w.length)).toBe(ids[k]);
    });
    expect(table.size).toBe(list.length);
  });

  test('find() answers prefix + rest for words held and -1 for others', () => {
    const table = new WordTable<unknown>(1 << 16);
    table.beginDocument();
    const list = words(5000);
    for (const w of list) intern(table, 'و' + w, 0, w.length + 1);
    for (const w of list.slice(0, 500)) {
      const { hash, power } = wordHash(w);
      expect(table.text(table.find('و', w, hash, power))).toBe('و' + w);
      expect(table.find('ب', w, hash, power)).toBe(-1);
      expect(table.find('', w, hash, power)).toBe(-1);
    }
  });

  test('after eviction the kept words are found again and new words get fresh ids', () => {
    const table = new WordTable<unknown>(1024);
    const list = words(3000);
    const hot = list.slice(0, 100);
    for (let d = 0; d < 30; d++) {
      table.beginDocument();
      for (const w of hot) intern(table, w, 0, w.length);
      for (const w of list.slice(100 + d * 90, 190 + d * 90)) intern(table, w, 0, w.length);
    }
    expect(table.evicted).toBeGreaterThan(0);
    table.beginDocument();
    const ids = new Set<number>();
    for (const w of hot) {
      const id = intern(table, w, 0, w.length);
      expect(table.text(id)).toBe(w);
      ids.add(id);
      const { hash, power } = wordHash(w);
      expect(table.find('', w, hash, power)).toBe(id);
    }
    expect(ids.size).toBe(hot.length);
    expect(table.size).toBeLessThanOrEqual(1024 + 90);
  });
});
