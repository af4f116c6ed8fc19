/**
 * WorkerPool: a worker that dies (here: out of its capped heap on one huge text) fails the
 * task it held, and is replaced, so later tasks still run. Worker threads need the built
 * worker (dist/), so this imports the built pool.
 */
import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import type { WorkerPool as Pool } from '../../src/batch/pool.js';
import type { TaskConfig } from '../../src/batch/process.js';

describe('WorkerPool', () => {
  test('a task that runs its worker out of memory fails alone; the next task runs in a fresh worker', async () => {
    const { WorkerPool } = (await import(join(ROOT, 'dist', 'src', 'batch', 'pool.js'))) as { WorkerPool: typeof Pool };
    const cfg: TaskConfig = { lexicons: [], format: 'jsonl', formatCtx: { color: false, inputCount: 1 }, strict: false, encoding: 'auto', inputFormat: 'text', textField: 'text', standalone: false };
    const pool = new WorkerPool(1, cfg, { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 });
    try {
      const sentence = 'زار الرئيس الروسي فلاديمير بوتين العاصمة الإيرانية طهران يوم الاثنين، والتقى المرشد علي خامنئي. ';
      const huge = sentence.repeat(Math.ceil(12e6 / Buffer.byteLength(sentence)));
      await expect(pool.run({ kind: 'text', source: 'huge', text: huge, bytes: 0 })).rejects.toThrow(/memory|exited/);
      const after = await pool.run({ kind: 'text', source: 'small', text: 'زار بوتين طهران', bytes: 0 });
      expect(after.ok).toBe(true);
      expect(after.ok && after.counts).toEqual({ PER: 1, LOC: 1, ORG: 0 });
    } finally {
      await pool.close();
    }
  }, 120_000);
});
