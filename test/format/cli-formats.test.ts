/** Every export format through the real CLI (bin/kiyan.js over dist/), checked on the seed. */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConll, scoreSpans, spansFromBio, type Span } from '../../src/eval/conll.js';
import { formatConll } from '../../src/format/conll.js';
import { ROOT, SEED, SEED_GOLD, seedGold, seedText } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'kiyan.js');
let tmp: string;

function kiyan(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function evalF1(args: string[]): number {
  const r = kiyan(['eval', '-f', 'json', ...args]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out).ALL.f1 as number;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kiyan-formats-'));
});

describe('--format conll', () => {
  test('the seed export read back by kiyan eval against its own extraction gives F1 100', () => {
    const r = kiyan(['extract', '-f', 'conll', SEED]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^موسكو B-LOC$/m);
    expect(r.out).toMatch(/^ل O\nموسكو B-LOC$/m); // لموسكو: the proclitic is its own token
    const file = join(tmp, 'seed.conll');
    writeFileSync(file, r.out);
    expect(evalF1([file])).toBe(100);
  });

  test('the export scored against the seed gold gives the same F1 as the JSON output', () => {
    // Tokens of the export, located in the original text (they are in order; only whitespace is skipped).
    const text = seedText();
    const cps = [...text];
    const sents = parseConll(kiyan(['extract', '-f', 'conll', SEED]).out);
    const spans: Array<[number, number]> = [];
    let pos = 0;
    for (const s of sents)
      for (const t of s) {
        const len = [...t.word].length;
        while (cps.slice(pos, pos + len).join('') !== t.word) pos++;
        spans.push([pos, pos + len]);
        pos += len;
      }
    const pred = spansFromBio(sents.flat().map((t) => t.tag));
    // Gold spans in token units; a gold span whose ends are not token boundaries cannot be matched.
    const startAt = new Map(spans.map(([a], i) => [a, i]));
    const endAt = new Map(spans.map(([, b], i) => [b, i + 1]));
    const gold: Span[] = seedGold().map((g, k) => {
      const a = startAt.get(g.start);
      const b = endAt.get(g.end);
      return a !== undefined && b !== undefined ? { type: g.type, start: a, end: b } : { type: g.type, start: -1 - k, end: -1 - k };
    });
    const conllF1 = scoreSpans(gold, pred).ALL.f1;
    const jsonF1 = evalF1([SEED_GOLD, '--text', SEED]);
    expect(conllF1).toBe(jsonF1);
    // and the JSON output scored the same way
    const doc = JSON.parse(kiyan(['extract', '-f', 'json', SEED]).out);
    expect(scoreSpans(seedGold(), doc.entities).ALL.f1).toBe(jsonF1);
  });

  test('the seed gold written as CoNLL is read by kiyan eval as gold', () => {
    const file = join(tmp, 'gold.conll');
    writeFileSync(file, formatConll(seedText(), seedGold()));
    const f1 = evalF1([file]);
    expect(f1).toBeGreaterThan(90);
    // same gold, same extraction: within one mention of the JSON score (the extractor sees
    // "ل لجيش" where the text has "للجيش", which may change a decision)
    expect(Math.abs(f1 - evalF1([SEED_GOLD, '--text', SEED]))).toBeLessThan(1.5);
  });
});

describe('--format csv / tsv', () => {
  test('csv: header, one row per mention, CRLF', () => {
    const doc = JSON.parse(kiyan(['extract', '-f', 'json', SEED]).out);
    const r = kiyan(['extract', '-f', 'csv', SEED]);
    expect(r.code).toBe(0);
    const rows = r.out.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('source,start,end,type,text,canonical,en,id');
    expect(rows).toHaveLength(doc.entities.length + 1);
    expect(rows[2]).toBe(`${SEED},43,48,LOC,موسكو,موسكو,Moscow,LOC:موسكو`);
  });
  test('tsv: header once for several inputs, translit column with --translit', () => {
    const a = join(tmp, 'a.txt');
    writeFileSync(a, 'زار بوتين طهران');
    const r = kiyan(['extract', '-f', 'tsv', '--translit', a, SEED]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter(Boolean);
    expect(lines[0].split('\t')).toEqual(['source', 'start', 'end', 'type', 'text', 'canonical', 'en', 'id', 'translit']);
    expect(lines.filter((l) => l.startsWith('source\t'))).toHaveLength(1);
    expect(lines.every((l) => l.split('\t').length === 9)).toBe(true);
    expect(lines.some((l) => /\tORG\t/.test(l) && /\t[A-Z][a-z]+( [A-Z][a-z]+)*$/.test(l))).toBe(true);
  });
});

describe('--format geojson', () => {
  test('a FeatureCollection of the places, joined coordinates and GeoNames ids', () => {
    const r = kiyan(['extract', '-f', 'geojson', SEED]);
    expect(r.code).toBe(0);
    const fc = JSON.parse(r.out);
    expect(fc.type).toBe('FeatureCollection');
    const moscow = fc.features.find((f: { id: string }) => f.id === 'LOC:موسكو');
    expect(moscow.properties.en).toBe('Moscow');
    expect(moscow.properties.geonameid).toBe(524901);
    expect(moscow.properties.country).toBe('RU');
    expect(moscow.geometry.type).toBe('Point');
    const [lon, lat] = moscow.geometry.coordinates;
    expect(lon).toBeCloseTo(37.6, 0);
    expect(lat).toBeCloseTo(55.75, 0);
    const syria = fc.features.find((f: { id: string }) => f.id === 'LOC:سوريا');
    expect(syria.properties.country).toBe('SY');
    const locs = JSON.parse(kiyan(['extract', '-f', 'json', SEED]).out).entities.filter((e: { type: string }) => e.type === 'LOC');
    expect(fc.features.reduce((n: number, f: { properties: { mentions: number } }) => n + f.properties.mentions, 0)).toBe(locs.length);
    for (const f of fc.features) expect(f.geometry === null || f.geometry.coordinates.length === 2).toBe(true);
  });
});

describe('--translit', () => {
  test('a person named only with imported name words is romanised with their English spellings', () => {
    const r = kiyan(['extract', '-f', 'tsv', '--translit'], 'وقال جون ميلر إن الفريق جاهز.');
    const row = r.out.split('\n').find((l) => l.includes('جون ميلر'));
    expect(row?.split('\t').at(-1)).toBe('John Miller');
  });
  test('json gets translit only on entities without an English name', () => {
    const plain = JSON.parse(kiyan(['extract', '-f', 'json', SEED]).out);
    expect(plain.entities.some((e: object) => 'translit' in e)).toBe(false);
    const doc = JSON.parse(kiyan(['extract', '-f', 'json', '--translit', SEED]).out);
    const without = doc.entities.filter((e: { en?: string }) => !e.en);
    expect(without.length).toBeGreaterThan(0);
    for (const e of without) expect(e.translit).toMatch(/^[A-Za-z' -]+$/);
    for (const e of doc.entities.filter((x: { en?: string }) => x.en)) expect(e.translit).toBeUndefined();
  });
});

describe('--format html', () => {
  test('one page, every mention marked', () => {
    const doc = JSON.parse(kiyan(['extract', '-f', 'json', SEED]).out);
    const r = kiyan(['extract', '-f', 'html', SEED]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.out.match(/<mark class="e /g)).toHaveLength(doc.entities.length);
    expect(readFileSync(SEED, 'utf8').length).toBeGreaterThan(0);
  });
});
