import { describe, expect, test } from '@jest/globals';
import { extract, type Document } from '../../src/index.js';
import { withTranslit } from '../../src/format/common.js';
import { conllSentences, conllTokens, formatConll } from '../../src/format/conll.js';
import { csvField, formatCsvRows, formatTsvRows, tsvField } from '../../src/format/delimited.js';
import { placesCollection } from '../../src/format/geojson.js';
import { formatHtml, joinsAcross, markText } from '../../src/format/html.js';
import type { GeoIndex } from '../../src/lexicon/geo-join.js';
import { parseConll, conllToText, spansFromBio } from '../../src/eval/conll.js';
import { seedText } from '../helpers.js';

const doc = (text: string, source = 'x.txt'): Document => extract(text, { source, language: 'arb' });

describe('conll', () => {
  test('words, punctuation and numbers as a reader cuts them; sentences at . ؟ ! and line ends', () => {
    const s = conllTokens('قال: "نعم" في 3.5 ساعة. هل جاء؟ نعم!\nسطر ثان');
    expect(s.map((x) => x.map((t) => t.text))).toEqual([
      ['قال', ':', '"', 'نعم', '"', 'في', '3.5', 'ساعة', '.'],
      ['هل', 'جاء', '؟'],
      ['نعم', '!'],
      ['سطر', 'ثان'],
    ]);
  });
  test('a closing quote after a full stop stays in its sentence', () => {
    const s = conllTokens('قال «انتهى.» ثم ذهب');
    expect(s.map((x) => x.map((t) => t.text))).toEqual([['قال', '«', 'انتهى', '.', '»'], ['ثم', 'ذهب']]);
  });
  test('a proclitic outside a mention becomes its own token, so the BIO span is exact', () => {
    const text = 'زار بوتين لموسكو أمس';
    const d = doc(text);
    const moscow = d.entities.find((e) => e.text === 'موسكو');
    expect(moscow).toBeDefined();
    const lines = formatConll(text, d.entities).trim().split('\n');
    expect(lines).toEqual(['زار O', 'بوتين B-PER', 'ل O', 'موسكو B-LOC', 'أمس O']);
  });
  test('token offsets are exact code points of the input', () => {
    const text = seedText();
    const cps = [...text];
    for (const s of conllSentences(text, doc(text).entities)) for (const t of s) expect(cps.slice(t.start, t.end).join('')).toBe(t.text);
  });
  test('read back with the eval parser gives the same spans', () => {
    const text = seedText();
    const d = doc(text);
    const sents = parseConll(formatConll(text, d.entities));
    const back = spansFromBio(conllToText(sents).tags);
    expect(back).toHaveLength(d.entities.length);
  });
});

describe('csv and tsv', () => {
  test('RFC 4180 quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  test('tsv escapes tabs, newlines and backslashes', () => {
    expect(tsvField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  });
  test('one row per mention, source with a comma quoted', () => {
    const d = doc('زار بوتين طهران', 'a,b.txt');
    const rows = formatCsvRows(d, false).split('\r\n').filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^"a,b\.txt",4,9,PER,بوتين,/);
    expect(formatTsvRows(d, false).split('\n')[1].split('\t')).toEqual(['a,b.txt', '10', '15', 'LOC', 'طهران', 'طهران', 'Tehran', 'LOC:طهران']);
  });
});

describe('translit', () => {
  test('added only where there is no English name', () => {
    const d = withTranslit(doc(seedText()), true);
    const nt = d.entities.find((e) => !e.en);
    expect(nt?.translit).toMatch(/^[A-Z]/);
    expect(d.entities.filter((e) => e.en).every((e) => e.translit === undefined)).toBe(true);
    expect(d.clusters.find((c) => !c.en)?.translit).toBeTruthy();
    expect(withTranslit(doc(seedText()), false).entities.some((e) => 'translit' in e)).toBe(false);
  });
});

describe('geojson', () => {
  const geo: GeoIndex = {
    version: 1,
    rule: '',
    stats: { bySubtype: {}, joinable: 0, joined: 0, locEntries: 0 },
    places: { طهران: { en: 'Tehran', subtype: 'city', coordinates: [51.4, 35.7], country: 'IR', geonameid: 112931, match: 'city-in-region' } },
  };
  test('places with counts; coordinates only where joined, null geometry otherwise', () => {
    const a = doc('زار بوتين طهران ثم دمشق', 'a');
    const b = doc('في طهران', 'b');
    const fc = placesCollection([a, b], geo);
    expect(fc.type).toBe('FeatureCollection');
    const tehran = fc.features.find((f) => f.properties.name === 'طهران')!;
    expect(tehran.geometry).toEqual({ type: 'Point', coordinates: [51.4, 35.7] });
    expect(tehran.properties.mentions).toBe(2);
    expect(tehran.properties.sources).toEqual({ a: 1, b: 1 });
    expect(tehran.properties.geonameid).toBe(112931);
    const damascus = fc.features.find((f) => f.properties.name === 'دمشق')!;
    expect(damascus.geometry).toBeNull();
    expect(fc.features.every((f) => f.id.startsWith('LOC:'))).toBe(true);
  });
});

describe('html', () => {
  test('zero-width joiners only where letters join across a mark boundary', () => {
    const cps = [...'لموسكو وموسكو الى'];
    expect(joinsAcross(cps, 1)).toBe(true); // ل|موسكو
    expect(joinsAcross(cps, 8)).toBe(false); // و|موسكو: و does not join forward
    expect(joinsAcross(cps, 6)).toBe(false); // word end
    const { html, marks } = markText('لموسكو', [{ ...doc('لموسكو').entities[0] }], 'd0-');
    expect(marks).toBe(1);
    expect(html.startsWith('ل\u200D<mark')).toBe(true);
    expect(html).toContain('>\u200Dموسكو</mark>');
  });
  test('text, file names and titles are escaped', () => {
    const text = 'زار بوتين <b onmouseover="x">طهران</b> & "ok"';
    const page = formatHtml([{ doc: doc(text, '<i>"name".txt'), text }]);
    expect(page).not.toContain('<b ');
    expect(page).not.toContain('<i>');
    expect(page).toContain('&lt;b onmouseover=&quot;x&quot;&gt;');
    expect(page).toContain('&amp; &quot;ok&quot;');
    expect(page).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page).not.toMatch(/<script|https?:\/\/|@import|url\(/);
  });
});
