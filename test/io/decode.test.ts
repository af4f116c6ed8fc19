import { describe, expect, test } from '@jest/globals';
import { decodeBytes, detectEncoding, BinaryInputError } from '../../src/io/decode.js';
import { decodeStream, findCut } from '../../src/batch/chunk.js';
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

const LE_BOM = Buffer.from([0xff, 0xfe]);
const BE_BOM = Buffer.from([0xfe, 0xff]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16le = (s: string) => Buffer.from(s, 'utf16le');
const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

async function streamed(b: Uint8Array, encoding: Parameters<typeof decodeBytes>[2], source = 'big.txt'): Promise<string> {
  let text = '';
  for await (const piece of decodeStream([b], source, encoding ?? 'auto', true)) text += piece;
  return text;
}

describe('a byte-order mark that contradicts --encoding', () => {
  test('is an error for that input, naming both encodings (whole and streamed inputs)', async () => {
    const le = Buffer.concat([LE_BOM, utf16le(AR)]);
    expect(() => decodeBytes(le, 'f.txt', 'utf16be')).toThrow(/^f\.txt: its byte-order mark says UTF-16 LE but --encoding utf16be was given/);
    await expect(streamed(le, 'utf16be')).rejects.toThrow(/big\.txt: its byte-order mark says UTF-16 LE but --encoding utf16be/);
    expect(() => decodeBytes(Buffer.concat([BE_BOM, utf16be(AR)]), 'f.txt', 'utf16le')).toThrow(/says UTF-16 BE but --encoding utf16le/);
    expect(() => decodeBytes(Buffer.concat([BE_BOM, utf16be(AR)]), 'f.txt', 'utf8')).toThrow(/says UTF-16 BE but --encoding utf8/);
    expect(() => decodeBytes(Buffer.concat([UTF8_BOM, Buffer.from(AR)]), 'f.txt', 'windows-1256')).toThrow(/says UTF-8 but --encoding windows-1256/);
    expect(() => decodeBytes(Buffer.concat([UTF8_BOM, Buffer.from(AR)]), 'f.txt', 'utf16le')).toThrow(/says UTF-8 but --encoding utf16le/);
  });
  test('a BOM that agrees is dropped as before', async () => {
    expect(decodeBytes(Buffer.concat([LE_BOM, utf16le(AR)]), 'f', 'utf16le').text).toBe(AR);
    expect(decodeBytes(Buffer.concat([BE_BOM, utf16be(AR)]), 'f', 'utf16be').text).toBe(AR);
    expect(decodeBytes(Buffer.concat([UTF8_BOM, Buffer.from(AR)]), 'f', 'utf8').text).toBe(AR);
    expect(await streamed(Buffer.concat([LE_BOM, utf16le(AR)]), 'utf16le')).toBe(AR);
  });
});

describe('UTF-16 without a BOM', () => {
  const text = `${AR}\n${AR} 2024\n`;
  test.each([
    ['LE', utf16le(text), 'utf16le'],
    ['BE', utf16be(text), 'utf16be'],
    ['LE, English', utf16le('The quick brown fox jumps over the lazy dog.\n'), 'utf16le'],
  ])('%s is not called binary: the error names the encoding to give', async (_, bytes, enc) => {
    const message = new RegExp(`^t\\.txt: looks like UTF-16 ${enc === 'utf16le' ? 'LE' : 'BE'} text without a byte-order mark; give --encoding ${enc}`);
    expect(() => decodeBytes(bytes, 't.txt')).toThrow(message);
    expect(() => decodeBytes(bytes, 't.txt')).not.toThrow(BinaryInputError);
    expect(() => decodeBytes(bytes, 't.txt', 'utf8')).toThrow(message);
    await expect(streamed(bytes, 'auto', 't.txt')).rejects.toThrow(message);
    expect(decodeBytes(bytes, 't.txt', enc as 'utf16le').text).toBe(_ === 'LE, English' ? 'The quick brown fox jumps over the lazy dog.\n' : text);
  });
  test('binary data with NUL bytes is still binary, without the hint', () => {
    const bin = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    expect(() => decodeBytes(bin, 'b.bin')).toThrow(BinaryInputError);
    expect(() => decodeBytes(bin, 'b.bin')).not.toThrow(/UTF-16/);
    const utf8WithNuls = Buffer.from(`${AR}\0\0${AR}`);
    expect(() => decodeBytes(utf8WithNuls, 'n.txt')).toThrow(BinaryInputError);
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
