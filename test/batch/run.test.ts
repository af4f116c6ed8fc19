/**
 * runBatch() as a library: worker threads hand their output back as UTF-8 bytes (a
 * transferred buffer). A caller with outBytes() gets those bytes; one without gets them
 * decoded through out(). Either way the result equals the single-thread run.
 * Worker threads need the built worker (dist/), so this imports the built runner.
 */
import { describe, expect, test, beforeAll } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, seedText } from '../helpers.js';
import type { BatchIO, BatchOptions, BatchSummary } from '../../src/batch/run.js';

type RunBatch = (opts: BatchOptions, io: BatchIO) => Promise<BatchSummary>;
let runBatch: RunBatch;
let dir: string;

beforeAll(async () => {
  ({ runBatch } = (await import(join(ROOT, 'dist', 'src', 'batch', 'run.js'))) as { runBatch: RunBatch });
  dir = mkdtempSync(join(tmpdir(), 'kiyan-run-'));
  const seed = seedText();
  writeFileSync(join(dir, 'a.txt'), seed);
  writeFileSync(join(dir, 'b.txt'), 'زار الرئيس الروسي فلاديمير بوتين العاصمة الإيرانية طهران.\n');
  writeFileSync(join(dir, 'c.txt'), seed.split('\n').reverse().join('\n'));
});

async function run(jobs: number, bytes: boolean): Promise<{ text: string; summary: BatchSummary; sawBytes: boolean }> {
  let text = '';
  let sawBytes = false;
  const io: BatchIO = {
    out: (s) => void (text += s),
    error: (m) => {
      throw new Error(m);
    },
    warn: () => {},
    note: () => {},
    stdin: () => (async function* () {})(),
  };
  if (bytes)
    io.outBytes = (b) => {
      sawBytes = true;
      text += Buffer.from(b).toString('utf8');
    };
  const summary = await runBatch({ paths: [dir], format: 'jsonl', jobs, summary: false }, io);
  return { text, summary, sawBytes };
}

describe('runBatch output from worker threads', () => {
  test('bytes given to outBytes() and decoded for out() both equal the one-thread run', async () => {
    const one = await run(1, true);
    const viaBytes = await run(2, true);
    const viaStrings = await run(2, false);
    expect(one.summary.exitCode).toBe(0);
    expect([one.summary.workers, viaBytes.summary.workers]).toEqual([0, 2]);
    expect(one.sawBytes).toBe(false);
    expect(viaBytes.sawBytes).toBe(true);
    expect(viaBytes.text).toBe(one.text);
    expect(viaStrings.text).toBe(one.text);
    const docs = one.text.trim().split('\n').map((l) => JSON.parse(l) as { source: string; entities: Array<{ text: string; type: string }> });
    expect(docs.map((d) => d.source)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(docs[1].entities).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'فلاديمير بوتين', type: 'PER' }), expect.objectContaining({ text: 'طهران', type: 'LOC' })]));
  }, 60_000);
});

describe('runBatch worker count', () => {
  test('never more workers than inputs: --jobs 50 on three small files starts three', async () => {
    const fifty = await run(50, true);
    expect(fifty.summary.workers).toBe(3);
    expect(fifty.text).toBe((await run(1, true)).text);
  });
});
