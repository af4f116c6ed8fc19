/** The record-line shape (src/serve/record.ts), on its own. */
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { Document } from '../../src/index.js';
import { contentId, recordIdOf, recordResultLine } from '../../src/serve/record.js';

const doc = (text: string): Document => ({ source: '-', language: 'arb', entities: [], clusters: [{ id: `X:${text}`, type: 'PER', canonical: text, mentions: 1, first: 0, texts: [text] }] });

describe('recordResultLine', () => {
  test('the id keeps its JSON type; the document follows it', () => {
    for (const id of [7, 'a7']) {
      const line = JSON.stringify({ id, text: 'نص' });
      expect(JSON.parse(recordResultLine(line, 3, doc))).toEqual({ id, ...doc('نص') });
    }
    // as in the CLI's record mode: an id that is neither a string nor a number fails its record
    for (const id of [true, { k: 1 }, [1, 2]]) {
      const line = JSON.stringify({ id, text: 'نص' });
      expect(JSON.parse(recordResultLine(line, 3, doc))).toEqual({ id: contentId(line), error: 'id field "id" is not a string or a number', line: 3 });
    }
    expect(Object.keys(JSON.parse(recordResultLine('{"text":"x","id":1}', 1, doc)))[0]).toBe('id');
  });

  test('no id (or null): the first 16 hex digits of the SHA-256 of the line as read', () => {
    const line = '{"text": "نص",  "lang": "ar"}';
    const expected = createHash('sha256').update(Buffer.from(line, 'utf8')).digest('hex').slice(0, 16);
    expect(contentId(line)).toBe(expected);
    expect(JSON.parse(recordResultLine(line, 1, doc)).id).toBe(expected);
    expect(JSON.parse(recordResultLine('{"id":null,"text":"x"}', 1, doc)).id).toBe(contentId('{"id":null,"text":"x"}'));
    // the same content gives the same id, whatever its line number
    expect(recordResultLine(line, 1, doc)).toBe(recordResultLine(line, 900, doc));
  });

  test('failures: an error and the line number, never the document', () => {
    const run = (): Document => {
      throw new Error('must not run');
    };
    expect(JSON.parse(recordResultLine('{"text": ', 4, run))).toEqual({ id: contentId('{"text": '), error: 'not a JSON record', line: 4 });
    expect(JSON.parse(recordResultLine('"text"', 5, run))).toEqual({ id: contentId('"text"'), error: 'not a JSON object', line: 5 });
    expect(JSON.parse(recordResultLine('{"id":"q","text":3}', 6, run))).toEqual({ id: 'q', error: 'no string field "text"', line: 6 });
  });

  test('recordIdOf: the id an error line carries', () => {
    expect(recordIdOf('{"id":5}')).toBe(5);
    expect(recordIdOf('nope')).toBe(contentId('nope'));
  });
});
