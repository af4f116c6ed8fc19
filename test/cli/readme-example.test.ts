/** README's `kiyan extract` example (table headline, first rows, the JSON cluster) is what kiyan prints. */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = join(ROOT, 'bin', 'kiyan.js');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const run = (args: string[]): string =>
  spawnSync(process.execPath, [BIN, 'extract', ...args, 'fixtures/news-soleimani-moscow.txt'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;

/** The cells of a table row (│ a │ b │), trimmed. */
const cells = (row: string): string[] => row.split('│').slice(1, -1).map((c) => c.trim());

describe('README example of kiyan extract', () => {
  test('the table headline and its first two rows', () => {
    const shown = README.split('\n');
    const head = shown.findIndex((l) => l.startsWith('fixtures/news-soleimani-moscow.txt: '));
    expect(head).toBeGreaterThan(0);
    const out = run(['--no-color']).split('\n');
    expect(out[0]).toBe(shown[head]);
    const rows = (lines: string[]): string[][] => lines.filter((l) => /^│ (PER|LOC|ORG) /.test(l)).map(cells);
    const readmeRows = rows(shown.slice(head, head + 10));
    expect(readmeRows.length).toBeGreaterThanOrEqual(2);
    expect(rows(out).slice(0, readmeRows.length)).toEqual(readmeRows);
  });

  test('the JSON cluster shown is the first cluster of the document', () => {
    const m = /"clusters": \[\n\s+(\{ "id": "PER:قاسم سليماني"[\s\S]*?\})\n/.exec(README);
    expect(m).not.toBeNull();
    const shown = JSON.parse(m![1]) as Record<string, unknown>;
    const doc = JSON.parse(run(['--format', 'json'])) as { clusters: Array<Record<string, unknown>> };
    expect(doc.clusters[0]).toMatchObject(shown);
  });
});
