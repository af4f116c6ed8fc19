import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileLexicon, splitEntryMeta, type CompiledLexicon } from '../../src/lexicon/compile.js';
import { shippedSources } from '../../src/lexicon/sources.js';
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
    '# kiyan: lexicon\nحزب الله\tORG\tarmed-group\tHezbollah\t?الحزب\nقاسم\tmale\tQasim\nنعيم قاسم\tPER\tpolitician\tNaim Qassem\tقاسم\nآية الله\tper-title\tayatollah\nالجيش\tdescriptive-head\tarmy\nالسوري\tnationality\tSyrian\nالجيش السوري\tORG\tarmy\tSyrian Army\n',
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
  const root = join(import.meta.dirname, '..', '..');
  const dist = join(root, 'dist', 'lexicon');
  let fresh: CompiledLexicon | undefined;
  // The lexicon as the build compiles it from lexicons/ and the country data, done here.
  const compiledNow = (): CompiledLexicon => {
    return (fresh ??= splitEntryMeta(compileLexicon(shippedSources(root).sources).lexicon).index);
  };
  test.each([false, true])('the shipped index.bin answers like the lexicon compiled from its sources (decode all first: %s)', (all) => {
    const packed = new PackedLexicon(readFileSync(join(dist, 'index.bin')));
    if (all) packed.toCompiled();
    const lex = compiledNow();
    sameAnswers(new LexiconIndex([lex]), new LexiconIndex([packed]), lex);
  }, 60000);
  // index.json (3.5 MB, a quarter of the tarball) was built and shipped, and nothing read it.
  test('the build writes no index.json and the package does not ship one', () => {
    expect(existsSync(join(dist, 'index.bin'))).toBe(true);
    expect(existsSync(join(dist, 'index.json'))).toBe(false);
    const pack = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8' });
    expect(pack.status).toBe(0);
    const files = (JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path);
    expect(files).toContain('dist/lexicon/index.bin');
    expect(files.filter((f) => f.startsWith('dist/lexicon/')).sort()).toEqual(['dist/lexicon/geo.json', 'dist/lexicon/index-meta.json', 'dist/lexicon/index.bin', 'dist/lexicon/name-shape.tsv', 'dist/lexicon/name-words-en.tsv']);
  }, 60000);
});
