/** The package as a user's project sees it: imported by its name, through the "exports" map. */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

function node(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("import { extract } from 'kiyan'", () => {
  test('self-reference by name from the repository root', () => {
    const r = node(['--input-type=module', '-e', "import { extract } from 'kiyan'; const d = extract('زار بوتين طهران'); console.log(JSON.stringify(d.entities.map((e) => [e.type, e.text, e.en])))"], ROOT);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual([
      ['PER', 'بوتين', 'Vladimir Putin'],
      ['LOC', 'طهران', 'Tehran'],
    ]);
  });

  test("docs/api.md's example runs as written and prints what it says", () => {
    const md = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(md)![1];
    const r = node(['--input-type=module', '-e', code], ROOT);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const expected = [...code.matchAll(/^\/\/ (PER|LOC|ORG)\s+(\d+-\d+)\s+(\S+(?: \S+)*?)\s{2,}(.*)$/gm)].map((m) => [m[1], m[2], m[3], m[4]].join('\t'));
    expect(expected.length).toBe(3);
    expect(r.out.trim().split('\n').slice(0, expected.length)).toEqual(expected);
  });

  test('a separate project that depends on the package gets typed results (tsc --noEmit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiyan-user-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(ROOT, join(dir, 'node_modules', 'kiyan'), 'dir');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user', type: 'module', dependencies: { kiyan: '*' } }));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] } }),
      );
      writeFileSync(
        join(dir, 'main.ts'),
        [
          "import { extract, type Document, type Entity, type EntityType } from 'kiyan';",
          "const doc: Document = extract('زار بوتين طهران', { types: ['PER'] });",
          'const first: Entity | undefined = doc.entities[0];',
          "const t: EntityType | undefined = first?.type;",
          'const n: number = doc.clusters.length + (first?.start ?? 0);',
          '// @ts-expect-error: no such field',
          'doc.entities[0].nope;',
          'console.log(t, n);',
        ].join('\n'),
      );
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const r = node([tsc, '-p', dir], dir);
      expect(r.out + r.err).toBe('');
      expect(r.code).toBe(0);
      const run = node(['--input-type=module', '-e', "import { extract } from 'kiyan'; console.log(extract('زار بوتين طهران').entities.length)"], dir);
      expect(run.out.trim()).toBe('2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the batch API and the lexicon tools are part of the package entry', () => {
  test("runBatch, contentId and the lexicon tools, imported from 'kiyan'", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiyan-api-batch-'));
    writeFileSync(join(dir, 'r.jsonl'), '{"text":"زار بوتين طهران"}\nnot json\n');
    const script = `
      import { runBatch, contentId, checkLexicons, lookupLexicon, exportSurfaces } from 'kiyan';
      let out = '';
      const errors = [];
      const s = await runBatch({ paths: [${JSON.stringify(join(dir, 'r.jsonl'))}], format: 'jsonl', inputFormat: 'jsonl', summary: false },
        { out: (x) => (out += x), error: (m) => errors.push(m), warn: () => {}, note: () => {}, stdin: () => process.stdin });
      const check = checkLexicons();
      const look = lookupLexicon('لموسكو').matches.filter((m) => m.kind === 'entry').map((m) => [m.head, m.type, m.en]);
      console.log(JSON.stringify({ ids: out.trim().split('\\n').map((l) => JSON.parse(l).id), want: [contentId('{"text":"زار بوتين طهران"}'), contentId('not json')],
        exitCode: s.exitCode, errors: errors.length, checkErrors: check.errors, entries: check.entries > 1000, look, exported: exportSurfaces().includes('LOC\\tموسكو') }));`;
    const r = node(['--input-type=module', '-e', script], ROOT);
    expect(r.err).toBe('');
    const got = JSON.parse(r.out);
    expect(got.ids).toEqual(got.want);
    expect(got).toMatchObject({ exitCode: 1, errors: 1, checkErrors: 0, entries: true, exported: true });
    expect(got.look).toContainEqual(['ل+ موسكو', 'LOC', 'Moscow']);
  });

  test('the CLI imports only the package entry; library code neither exits nor handles signals', () => {
    const cli = join(ROOT, 'src', 'cli');
    for (const f of readdirSync(cli).filter((n) => n.endsWith('.ts'))) {
      const specs = [...readFileSync(join(cli, f), 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      for (const s of specs) expect([f, s]).toEqual([f, expect.stringMatching(/^(\.\.\/index\.js|\.\/[\w-]+\.js|commander|node:[\w/]+)$/)]);
    }
    const lib = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'cli' ? [] : lib(join(d, e.name))) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));
    for (const f of lib(join(ROOT, 'src'))) expect([f, /process\.(exit|on|once)\(/.test(readFileSync(f, 'utf8'))]).toEqual([f, false]);
  });
});
