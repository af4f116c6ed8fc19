import { describe, expect, test } from '@jest/globals';
import { decodeBytes, detectEncoding, BinaryInputError } from '../../src/io/decode.js';
import { findCut } from '../../src/batch/chunk.js';
import { fnv1a, inShard, parseShard } from '../../src/io/walk.js';

const AR = 'زار الرئيس بوتين طهران ولقي خامنئي في العاصمة.';
const cp1256 = (s: string) => {
  const dec = new TextDecoder('windows-1256');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...s].map((c) => map.get(c)!));
};

describe('decoding', () => {
  test('UTF-8 with and without BOM, UTF-16 LE/BE with BOM, Windows-1256', () => {
    const utf8 = Buffer.from(AR);
    expect(decodeBytes(utf8, 'x')).toEqual({ text: AR, encoding: 'utf8' });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'x').text).toBe(AR);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(AR, 'utf16le')]);
    expect(decodeBytes(le, 'x')).toEqual({ text: AR, encoding: 'utf16le' });
    const be = Buffer.from(Buffer.from(AR, 'utf16le')).swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'x')).toEqual({ text: AR, encoding: 'utf16be' });
    expect(decodeBytes(cp1256(AR), 'x')).toEqual({ text: AR, encoding: 'windows-1256' });
  });
  test('broken UTF-8 is an error, not Windows-1256 mojibake', () => {
    const b = Buffer.from(AR);
    b[7] = 0xff;
    expect(() => decodeBytes(b, 'f.txt')).toThrow(/f\.txt: invalid UTF-8 at byte 7/);
  });
  test('NUL bytes without a UTF-16 BOM are binary', () => {
    expect(() => detectEncoding(Buffer.from([0x61, 0, 0x62]), 'b')).toThrow(BinaryInputError);
  });
  test('a forced encoding is strict too', () => {
    expect(() => decodeBytes(cp1256(AR), 'x', 'utf8')).toThrow(/invalid UTF-8/);
    expect(decodeBytes(Buffer.from('abc'), 'x', 'windows-1256').text).toBe('abc');
  });
});

describe('chunk cuts', () => {
  test('at a line end, else a sentence end, else a space, never inside a surrogate pair', () => {
    expect(findCut('aaaa\nbbbbbb', 8)).toBe(5);
    expect(findCut('aaa. bbbbbbbbbb ccc', 16)).toBe(16);
    expect(findCut('aaaaaaa. bbbbbbbbbbb', 16)).toBe(9);
    const s = 'x'.repeat(9) + '😀' + 'y';
    expect(findCut(s, 10)).toBe(9);
  });
});

describe('sharding', () => {
  test('K/N is parsed and every key lands in exactly one shard', () => {
    expect(parseShard('2/3')).toEqual({ k: 2, n: 3 });
    expect(parseShard('0/3')).toBeUndefined();
    expect(parseShard('4/3')).toBeUndefined();
    for (const key of ['a.txt', 'b/c.txt', 'doc-17']) {
      const hits = [1, 2, 3].filter((k) => inShard(key, { k, n: 3 }));
      expect(hits).toEqual([(fnv1a(key) % 3) + 1]);
    }
  });
});
