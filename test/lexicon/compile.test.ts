import { describe, expect, test } from '@jest/globals';
import { compileLexicon, phraseKey } from '../../src/lexicon/compile.js';
import { LexiconIndex } from '../../src/lexicon/lexicon-index.js';
import { parseLexiconBytes, parseLexiconText } from '../../src/lexicon/schema.js';

const src = (text: string, file = 't.tsv') => parseLexiconText(text, file);
/** As generateCountrySource() marks its source: generated, not a file. */
const gen = (text: string) => ({ ...src(text, 'generated:countries'), options: { generated: true } });

describe('lexicon source format', () => {
  test('entity lines: variants, ? ambiguity, flags', () => {
    const p = src('بشار الأسد\tPER\thead-of-state\tBashar al-Assad\tبشار الاسد|?الأسد\nصور\tLOC\tcity\tTyre\t\tambiguous\n');
    expect(p.diagnostics).toEqual([]);
    expect(p.entities[0].surfaces).toEqual([
      { text: 'بشار الأسد', ambiguous: false },
      { text: 'بشار الاسد', ambiguous: false },
      { text: 'الأسد', ambiguous: true },
    ]);
    expect(p.entities[1].surfaces[0].ambiguous).toBe(true);
  });
  test('word lines and errors with line numbers', () => {
    const p = src('# kiyan: lexicon\nالرئيس\tper-title\tpresident\nموسكو\tLOC\tcity\nabc\tLOC\tcity\tX\nصور\tLOC\tcity\tTyre\t\tweird\n');
    expect(p.words[0]).toMatchObject({ kind: 'per-title', arabic: 'الرئيس' });
    expect(p.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
    ]);
  });
});

describe('file header', () => {
  test('fields say what the entries of the file are; the file name says nothing', () => {
    const words = 'بيتر\tmale\tPeter\n';
    const named = (header: string, file: string) => compileLexicon([src(header + words, file)]).lexicon.words['foreign-given'] ?? [];
    expect(named('# kiyan: lexicon names=foreign\n', 'a.tsv')).toEqual(['بيتر']);
    expect(named('# kiyan: lexicon\n', 'lexicons/words/given-names-foreign.tsv')).toEqual([]);
    const p = src('# a comment\n# kiyan: lexicon names=foreign spellings=hard-g countries=IQ,SY\n' + words);
    expect(p.diagnostics).toEqual([]);
    expect(p.options).toEqual({ foreignNames: true, hardG: true, countries: ['IQ', 'SY'] });
  });
  test('word lines need it; entity lines alone do not; a bad, late or second header is an error at its line', () => {
    expect(src('صور\tLOC\tcity\tTyre\n').diagnostics).toEqual([]);
    expect(src('# c\nقاسم\tmale\tQasim\nجون\tmale\tJohn\n').diagnostics.map((d) => [d.line, d.message.slice(0, 14)])).toEqual([[1, 'missing header']]);
    const bad = src('# kiyan: lexicon colour=blue\nصور\tLOC\tcity\tTyre\n# kiyan: lexicon\n');
    expect(bad.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [1, 'unknown header field "colour" (known: names, spellings, countries)'],
      [3, 'the header line comes before the first entry'],
    ]);
    expect(src('# kiyan: lexicon\n# kiyan: lexicon\n').diagnostics.map((d) => d.line)).toEqual([2]);
    expect(src('# kiyan: lexicon countries=iq\n').diagnostics[0].message).toMatch(/invalid value "iq" for header field countries/);
  });
});

describe('lexicon bytes', () => {
  test('each line that is not UTF-8 is an error at its line; the other lines are parsed', () => {
    const bytes = Buffer.concat([
      Buffer.from('\uFEFFصور\tLOC\tcity\tTyre\r\n'),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x09]), // "Café\t" in Latin-1
      Buffer.from('LOC\tx\ty\r\nحلب\tLOC\tcity\tAleppo\n'),
      Buffer.from('دمش'), Buffer.from([0xd9]), // cut inside a letter
    ]);
    const p = parseLexiconBytes(bytes, 'l.tsv');
    expect(p.diagnostics).toEqual([
      { file: 'l.tsv', line: 2, message: 'invalid UTF-8 at byte 3 of the line; lexicon files are UTF-8', severity: 'error' },
      { file: 'l.tsv', line: 4, message: 'invalid UTF-8 at byte 6 of the line; lexicon files are UTF-8', severity: 'error' },
    ]);
    expect(p.entities.map((e) => [e.arabic, e.line])).toEqual([['صور', 1], ['حلب', 3]]);
    expect(parseLexiconBytes(Buffer.from('صور\tLOC\tcity\tTyre\n'), 'l.tsv')).toEqual(parseLexiconText('صور\tLOC\tcity\tTyre\n', 'l.tsv'));
  });
});

describe('curated spellings of generated countries', () => {
  // As generateCountrySource() makes them: world-countries' Arabic name (misspelled for Mexico) and English name.
  const generated = gen('المسكيك\tLOC\tcountry\tMexico\tالمكسيك\n');
  test('a curated entry with the same English name joins the generated one, and its spelling is the canonical', () => {
    const { lexicon } = compileLexicon([generated, src('المكسيك\tLOC\tcountry\tMexico\tمكسيكو\n', 'countries.tsv')]);
    expect(lexicon.entries).toHaveLength(1);
    expect(lexicon.entries[0].slice(0, 4)).toEqual(['LOC', 'المكسيك', 'country', 'Mexico']);
    expect(lexicon.entries[0][4]).toBe('countries.tsv:1, generated:countries:1');
    for (const form of ['المسكيك', 'المكسيك', 'مكسيكو']) expect(lexicon.forms[phraseKey(form)]).toEqual([[0, 0]]);
  });
  test('the same name once normalised but spelt otherwise (world-countries writes مولدوڤا): the curated spelling is canonical', () => {
    const { lexicon } = compileLexicon([gen('مولدوڤا\tLOC\tcountry\tMoldova\n'), src('مولدوفا\tLOC\tcountry\tMoldova\tمولدافيا\n', 'countries.tsv')]);
    expect(lexicon.entries).toHaveLength(1);
    expect(lexicon.entries[0][1]).toBe('مولدوفا');
    expect(lexicon.forms[phraseKey('مولدافيا')]).toEqual([[0, 0]]);
  });
  test('not a place of another kind that shares the English name (a US state Georgia)', () => {
    const { lexicon } = compileLexicon([gen('جورجيا\tLOC\tcountry\tGeorgia\n'), src('ولاية جورجيا\tLOC\tstate\tGeorgia\n', 'us.tsv')]);
    expect(lexicon.entries.map((e) => e[1])).toEqual(['جورجيا', 'ولاية جورجيا']);
  });
  test('in the shipped lexicon: المكسيك and بيلاروسيا are found under the curated canonical names', async () => {
    const { extract } = await import('../../src/index.js');
    const ids = extract('زار المكسيك ثم بيلاروسيا وروسيا البيضاء.').entities.map((e) => e.id);
    expect(ids).toEqual(['LOC:المكسيك', 'LOC:روسيا البيضاء', 'LOC:روسيا البيضاء']);
  });
});

describe('compiling', () => {
  test('surfaces are stored normalised and tokenised like the text', () => {
    expect(phraseKey('الإمارات العربية المتحدة')).toBe('الامارات العربيه المتحده');
    expect(phraseKey('سي. آي. إيه')).toBe('سي اي ايه');
  });
  test('a bare given name as a person variant becomes ambiguous; titled variants are dropped', () => {
    const { lexicon } = compileLexicon([src('# kiyan: lexicon\nقاسم\tmale\tQasim\nاللواء\tper-title\tmajor general\nنعيم قاسم\tPER\tpolitician\tNaim Qassem\tقاسم|اللواء نعيم قاسم\n')]);
    expect(lexicon.forms['قاسم']).toEqual([[0, 1]]);
    expect(lexicon.forms['اللواء نعيم قاسم']).toBeUndefined();
  });
  test('a generic body + nationality adjective is descriptive', () => {
    const { lexicon } = compileLexicon([src('# kiyan: lexicon\nالجيش\tdescriptive-head\tarmy\nالسوري\tnationality\tSyrian\nالجيش السوري\tORG\tarmy\tSyrian Army\n')]);
    expect(lexicon.forms['الجيش السوري']).toEqual([[0, 2]]);
  });
  test('the same surface with two types is an error unless one is ambiguous', () => {
    const bad = compileLexicon([src('باردو\tLOC\ttown\tBardo\nتامير باردو\tPER\tofficial\tTamir Pardo\tباردو\n')]);
    expect(bad.diagnostics.some((d) => d.severity === 'error' && /"باردو" is PER here but LOC/.test(d.message))).toBe(true);
    const ok = compileLexicon([src('باردو\tLOC\ttown\tBardo\nتامير باردو\tPER\tofficial\tTamir Pardo\t?باردو\n')]);
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  test('the index finds multi-word phrases by their first word; user lexicons win', () => {
    const base = compileLexicon([src('حزب الله\tORG\tarmed-group\tHezbollah\n')]).lexicon;
    const user = compileLexicon([src('حزب الله\tORG\tparty\tHezbollah (user)\n', 'user.tsv')]).lexicon;
    const index = new LexiconIndex([base, user]);
    expect(index.maxPhraseTokens('حزب')).toBe(2);
    expect(index.entry(index.lookup('حزب الله')![0].entry).en).toBe('Hezbollah (user)');
  });
});
