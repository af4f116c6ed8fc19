import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileLexicon, type CompiledLexicon } from '../../src/lexicon/compile.js';
import { LexiconIndex } from '../../src/lexicon/lexicon-index.js';
import { packLexicon, PackedLexicon } from '../../src/lexicon/packed.js';
import { parseLexiconText, WORD_KINDS } from '../../src/lexicon/schema.js';

/** Every question the recogniser can ask, answered by both indexes (mismatches collected: expect() per key is slow). */
function sameAnswers(a: LexiconIndex, b: LexiconIndex, lex: CompiledLexicon): void {
  const keys = new Set<string>([...Object.keys(lex.forms), ...Object.values(lex.words).flat(), 'لا-شيء', '']);
  for (const k of [...keys]) for (const t of k.split(' ')) keys.add(t);
  expect(b.entryCount).toBe(a.entryCount);
  const diffs: string[] = [];
  const same = (what: string, x: unknown, y: unknown): void => {
    if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push(`${what}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  };
  for (const k of keys) {
    same(`lookup ${k}`, b.lookup(k), a.lookup(k));
    same(`maxPhraseTokens ${k}`, b.maxPhraseTokens(k), a.maxPhraseTokens(k));
    same(`kindsOf ${k}`, b.kindsOf(k), a.kindsOf(k));
    same(`isKnownSurname ${k}`, b.isKnownSurname(k), a.isKnownSurname(k));
    for (const kind of WORD_KINDS) {
      same(`isWord ${kind} ${k}`, b.isWord(kind, k), a.isWord(kind, k));
      same(`startsMultiWord ${kind} ${k}`, b.startsMultiWord(kind, k), a.startsMultiWord(kind, k));
    }
  }
  for (let i = 0; i < a.entryCount; i++) same(`entry ${i}`, b.entryBasics(i), a.entryBasics(i));
  expect(diffs.slice(0, 10)).toEqual([]);
}

describe('packed index', () => {
  const src = parseLexiconText(
    'حزب الله\tORG\tarmed-group\tHezbollah\t?الحزب\nقاسم\tmale\tQasim\nنعيم قاسم\tPER\tpolitician\tNaim Qassem\tقاسم\nآية الله\tper-title\tayatollah\nالجيش\tdescriptive-head\tarmy\nالسوري\tnationality\tSyrian\nالجيش السوري\tORG\tarmy\tSyrian Army\n',
    't.tsv',
  );
  const lex = compileLexicon([src]).lexicon;
  test('answers like the compiled (JSON) index', () => {
    sameAnswers(new LexiconIndex([lex]), new LexiconIndex([new PackedLexicon(packLexicon(lex))]), lex);
  });
  test('merged with a user lexicon, answers like the compiled index merged', () => {
    const user = compileLexicon([parseLexiconText('حزب الله\tORG\tparty\tHezbollah (user)\n', 'user.tsv')]).lexicon;
    const a = new LexiconIndex([lex, user]);
    const b = new LexiconIndex([new PackedLexicon(packLexicon(lex)), user]);
    sameAnswers(a, b, lex);
    expect(b.entry(b.lookup('حزب الله')![0].entry).en).toBe('Hezbollah (user)');
  });
  const dist = join(import.meta.dirname, '..', '..', 'dist', 'lexicon');
  test.each([false, true])('the shipped index.bin answers like index.json (decode all first: %s)', (all) => {
    if (!existsSync(join(dist, 'index.bin'))) return;
    const json = JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8')) as CompiledLexicon;
    const packed = new PackedLexicon(readFileSync(join(dist, 'index.bin')));
    if (all) packed.toCompiled();
    sameAnswers(new LexiconIndex([json]), new LexiconIndex([packed]), json);
  });
});
