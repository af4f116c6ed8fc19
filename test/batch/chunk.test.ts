import { describe, expect, test } from '@jest/globals';
import { chunkText } from '../../src/batch/chunk.js';

/** Decoded pieces as a stream decoder yields them: whole code points, `n` at a time. */
async function* piecesOf(text: string, n: number): AsyncGenerator<string> {
  const cps = Array.from(text);
  for (let i = 0; i < cps.length; i += n) yield cps.slice(i, i + n).join('');
}

async function chunksOf(text: string, pieceCps: number, chunkChars: number, contextChars: number) {
  const out = [];
  for await (const c of chunkText(piecesOf(text, pieceCps), chunkChars, contextChars)) out.push(c);
  return out;
}

describe('chunkText', () => {
  // Code points are counted only while the buffer holds a surrogate: a text with pairs in its
  // first part only, then none, then pairs again, checks both the count and the reset.
  test('each core starts at the code-point count of the cores before it, with and without surrogate pairs', async () => {
    const withPairs = ('ب'.repeat(40) + ' 😀𝒜 ' + 'ت'.repeat(60) + '\n').repeat(30);
    const without = ('ث'.repeat(90) + '\n').repeat(40);
    const text = withPairs + without + withPairs + without;
    for (const [pieceCps, chunkChars, contextChars] of [
      [37, 200, 40],
      [500, 300, 64],
      [7, 1000, 100],
    ]) {
      const chunks = await chunksOf(text, pieceCps, chunkChars, contextChars);
      expect(chunks.length).toBeGreaterThan(3);
      expect(chunks.map((c) => c.core).join('')).toBe(text);
      let cp = 0;
      for (const c of chunks) {
        expect(c.cpBase).toBe(cp);
        cp += Array.from(c.core).length;
        expect(text.endsWith(c.core + c.after) || text.includes(c.before + c.core + c.after)).toBe(true);
      }
      expect(cp).toBe(Array.from(text).length);
    }
  });
  test('an empty input is one empty first chunk', async () => {
    const chunks = await chunksOf('', 10, 100, 10);
    expect(chunks).toEqual([{ before: '', core: '', after: '', first: true, cpBase: 0 }]);
  });
});
