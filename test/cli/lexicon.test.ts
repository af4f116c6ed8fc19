import { describe, expect, test, beforeAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'kiyan.js');
const kiyan = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kiyan-lex-'));
});

describe('kiyan lexicon', () => {
  test('check passes on the shipped lexicons', () => {
    const r = kiyan(['lexicon', 'check', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 errors/);
  });
  test('check reports malformed lines, duplicates and conflicting types with file:line, exit 1', () => {
    const bad = join(tmp, 'bad.tsv');
    writeFileSync(bad, ['# test', 'كفرنبل\tLOC\ttown\tKafr Nabl', 'كفرنبل\tLOC\ttown\tKafr Nabl', 'كفرنبل\tPER\tpolitician\tSomeone', 'بلا عمود', 'زيد\tXYZ\tx\ty'].join('\n'));
    const r = kiyan(['lexicon', 'check', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.tsv:3: warning: duplicate entry "كفرنبل"/);
    expect(r.err).toMatch(/bad\.tsv:4: error: "كفرنبل" is PER here but LOC/);
    expect(r.err).toMatch(/bad\.tsv:5: error: expected TAB-separated columns/);
    expect(r.err).toMatch(/bad\.tsv:6: error: unknown type or kind "XYZ"/);
  });
  // Bytes that are not UTF-8 became U+FFFD inside names ("كفر\uFFFDبل" matched nothing, silently).
  test('invalid UTF-8 in a lexicon file is a file:line error: exit 2 with --lexicon, exit 1 in check', () => {
    const bad = join(tmp, 'latin1.tsv');
    const good = Buffer.from('كفرنبودة الشرقية\tLOC\tvillage\tKafr Nabuda East\n');
    const broken = Buffer.concat([Buffer.from('كفر'), Buffer.from([0xe9]), Buffer.from('بل\tLOC\ttown\tKafr Nabl\n')]);
    writeFileSync(bad, Buffer.concat([Buffer.from('# comment\n'), good, broken, good]));
    const r = kiyan(['extract', '-f', 'json', '--lexicon', bad, '-'], 'وصلوا الى كفرنبودة الشرقية امس');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/latin1\.tsv:3: invalid UTF-8 at byte 6 of the line; lexicon files are UTF-8/);
    expect(r.err).not.toMatch(/\uFFFD/);
    expect(r.out).toBe('');
    const c = kiyan(['lexicon', 'check', bad]);
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/latin1\.tsv:3: error: invalid UTF-8 at byte 6 of the line/);
    expect(c.out).toMatch(/1 errors/);
  });
  test('lookup explains lexicon entries and rule words after clitic splitting', () => {
    const r = kiyan(['lexicon', 'lookup', 'لموسكو']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ل\+ موسكو\tLOC\tموسكو\tMoscow/);
    expect(kiyan(['lexicon', 'lookup', 'والرئيس']).out).toMatch(/per-title/);
    // The words the person rules read inside names are word kinds of lexicons/words/name-parts.tsv.
    expect(kiyan(['lexicon', 'lookup', 'بن']).out).toMatch(/^بن\tname-connector\t/m);
    expect(kiyan(['lexicon', 'lookup', 'الثانية']).out).toMatch(/^الثانيه\tordinal\t/m);
    // ملعقة (spoon): قلم and كرسي are also imported name words (Qalam, Kursi), so lookup lists them.
    expect(kiyan(['lexicon', 'lookup', 'ملعقة']).out).toMatch(/no lexicon entry or rule word matches/);
  });
  test('export prints TYPE<TAB>SURFACE for every surface', () => {
    const r = kiyan(['lexicon', 'export', '--format', 'tsv']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10000);
    expect(lines).toContain('LOC\tموسكو');
    for (const l of lines.slice(0, 500)) expect(l).toMatch(/^(PER|LOC|ORG)\t\S/);
  });
  test('a user lexicon adds entries at run time; a bad one gets file:line errors and exit 2', () => {
    const mine = join(tmp, 'mine.tsv');
    writeFileSync(mine, 'كفرنبودة الشرقية\tLOC\tvillage\tKafr Nabuda East\n');
    const r = kiyan(['extract', '-f', 'json', '--lexicon', mine, '-'], 'وصلوا الى كفرنبودة الشرقية امس');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out).entities.find((x: { text: string }) => x.text === 'كفرنبودة الشرقية');
    expect(e).toMatchObject({ type: 'LOC', en: 'Kafr Nabuda East', source: 'lexicon' });
    const broken = join(tmp, 'broken.tsv');
    writeFileSync(broken, 'كفرنبودة\tLOC\tvillage\n');
    const b = kiyan(['extract', '--lexicon', broken, '-'], 'نص');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/broken\.tsv:1: an entity line has 4 to 6 columns/);
  });
  test('a word file without a header, or with a wrong one, is a file:line error in check and with --lexicon', () => {
    const bare = join(tmp, 'words-bare.tsv');
    writeFileSync(bare, '# my titles\nالقبطان\tper-title\tcaptain\n');
    const r = kiyan(['lexicon', 'check', bare]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/words-bare\.tsv:1: error: missing header: a file of word lines starts with "# kiyan: lexicon"/);
    expect(kiyan(['extract', '--lexicon', bare, '-'], 'نص').code).toBe(2);
    const wrong = join(tmp, 'words-wrong.tsv');
    writeFileSync(wrong, '# my titles\n# kiyan: lexicon names=french\nالقبطان\tper-title\tcaptain\n');
    const w = kiyan(['lexicon', 'check', wrong]);
    expect(w.code).toBe(1);
    expect(w.err).toMatch(/words-wrong\.tsv:2: error: invalid value "french" for header field names/);
    const typo = join(tmp, 'words-typo.tsv');
    writeFileSync(typo, '# kiyan: lexcon\nالقبطان\tper-title\tcaptain\n');
    expect(kiyan(['lexicon', 'check', typo]).err).toMatch(/words-typo\.tsv:1: error: a header line reads "# kiyan: lexicon"/);
    const good = join(tmp, 'words-good.tsv');
    writeFileSync(good, '# kiyan: lexicon\n# my titles\nالقبطان\tper-title\tcaptain\n');
    const g = kiyan(['lexicon', 'check', good]);
    expect(g.code).toBe(0);
    expect(g.out).toMatch(/0 errors/);
  });
  // compileLexicon once chose behaviour by file name (given-names-foreign*.tsv, world*.tsv):
  // now the header does, and a user file does the same whatever it is called.
  test('a user lexicon works the same whatever its file name; the header, not the name, asks for the other hard-g spelling', () => {
    const text = 'وصل جوستافو ميندوزا امس';
    const entry = 'غوستافو ميندوزا\tPER\tathlete\tGustavo Mendoza\n';
    const run = (name: string, content: string) => {
      const file = join(tmp, name);
      writeFileSync(file, content);
      const r = kiyan(['extract', '-f', 'json', '--lexicon', file, '-'], text);
      expect(r.code).toBe(0);
      return JSON.parse(r.out).entities.filter((e: { source: string }) => e.source === 'lexicon').map((e: { text: string; en: string }) => [e.text, e.en]);
    };
    // Named like a shipped world file, without the header: no other spelling.
    const plain = run('world.tsv', entry);
    expect(run('mine-1.tsv', entry)).toEqual(plain);
    expect(plain).not.toContainEqual(['جوستافو ميندوزا', 'Gustavo Mendoza']);
    // Any name, with the header: the ج spelling is found.
    for (const name of ['mine-2.tsv', 'given-names-foreign-x.tsv']) {
      expect(run(name, '# kiyan: lexicon spellings=hard-g\n' + entry)).toContainEqual(['جوستافو ميندوزا', 'Gustavo Mendoza']);
    }
  });
});
