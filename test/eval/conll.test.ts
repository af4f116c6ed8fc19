import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conllToText, entitiesToTags, parseConll, scoreSpans, spansFromBio } from '../../src/eval/conll.js';
import { ROOT, SEED, SEED_GOLD } from '../helpers.js';

const SCORER = join(ROOT, 'test', 'tools', 'score.py'); // a copy of ../shared/tools/score.py
const CONLL = join(ROOT, 'fixtures', 'gold', 'news-soleimani-moscow.conll');

describe('CoNLL scoring', () => {
  test('BIO tags become typed spans; PERS is PER; MISC is ignored', () => {
    expect(spansFromBio(['B-PERS', 'I-PERS', 'O', 'B-LOC', 'B-MISC', 'I-ORG'])).toEqual([
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'ORG', start: 5, end: 6 },
    ]);
  });
  test('text is tokens joined by spaces and sentences by newlines, with code-point spans', () => {
    const c = conllToText(parseConll('زار O\nموسكو B-LOC\n\nبوتين B-PERS\n'));
    expect(c.text).toBe('زار موسكو\nبوتين\n');
    expect(c.spans).toEqual([
      [0, 3],
      [4, 9],
      [10, 15],
    ]);
  });
  test('a predicted span covers every token it overlaps; first come, first served', () => {
    const spans: Array<[number, number]> = [
      [0, 3],
      [4, 10],
      [11, 15],
    ];
    expect(entitiesToTags([{ start: 5, end: 14, type: 'ORG' }, { start: 0, end: 3, type: 'PER' }], spans)).toEqual(['B-PER', 'B-ORG', 'I-ORG']);
  });
  test('precision, recall and F1 are exact-match', () => {
    const s = scoreSpans(
      [
        { type: 'PER', start: 0, end: 2 },
        { type: 'LOC', start: 3, end: 4 },
      ],
      [
        { type: 'PER', start: 0, end: 2 },
        { type: 'LOC', start: 3, end: 5 },
      ],
    );
    expect(s.PER.f1).toBe(100);
    expect(s.LOC.f1).toBe(0);
    expect(s.ALL).toMatchObject({ p: 50, r: 50, f1: 50 });
  });
});

describe('kiyan eval agrees with the shared scorer', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kiyan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const py = (args: string[]) => {
    const r = spawnSync('python3', [SCORER, '--repo', ROOT, ...args], { cwd: ROOT, encoding: 'utf8' });
    if (r.error) throw new Error(`python3 is needed to run the shared scorer: ${r.error.message}`);
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout);
  };
  const pick = (d: Record<string, { p: number; r: number; f1: number }>) => Object.fromEntries(['PER', 'LOC', 'ORG', 'ALL'].map((t) => [t, [d[t].p, d[t].r, d[t].f1]]));
  test.each([
    ['CoNLL gold', [CONLL], [CONLL]],
    ['JSON gold', [SEED_GOLD, '--text', SEED], [SEED_GOLD, '--text', SEED]],
  ])('%s', (_name, kiyanArgs, scorerArgs) => {
    const ours = run(['eval', '--format', 'json', ...kiyanArgs]);
    expect(ours.status).toBe(0);
    const theirs = py(['--gold', ...scorerArgs]);
    expect(pick(JSON.parse(ours.stdout))).toEqual(pick(theirs));
  });
});

describe('kiyan eval on a gold file that is not CoNLL', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'kiyan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  test('no BIO tag at all (a text file given as gold): usage error, not an empty gold scored', () => {
    const r = run(['eval', SEED]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no line ends in a BIO tag .*is it a CoNLL file/);
  });
  test('a few stray tags: scored as O (as score.py does), with a warning', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'kiyan-eval-')), 'mixed.conll');
    writeFileSync(f, 'زار O\nبوتين B-PER\nطهران X-LOC\n');
    const r = run(['eval', '-f', 'json', f]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: .*mixed\.conll: 1 of 3 tags are not O, B-TYPE or I-TYPE \(first: "X-LOC"\)/);
    const s = JSON.parse(r.stdout);
    expect([s.PER.gold, s.LOC.gold]).toEqual([1, 0]);
  });
});
