/** Worker thread entry: makes one extractor (lexicon index and word tables), then runs tasks posted by the pool. */
import { parentPort, resourceLimits, workerData } from 'node:worker_threads';
import { createExtractor } from '../extractor.js';
import { DEFAULT_WORD_CAPACITY } from '../text/intern.js';
import { loadOutputFormat } from '../format/index.js';
import { runTaskLoading, type Task, type TaskConfig } from './process.js';

const cfg = workerData as TaskConfig;
const encoder = new TextEncoder();
// A worker with a capped heap (streamed inputs) remembers as many words' facts as fit in
// what the index and the chunks leave of it (~400 bytes a word).
const heapMb = resourceLimits.maxOldGenerationSizeMb;
const wordCapacity = heapMb ? Math.max(1 << 14, Math.min(DEFAULT_WORD_CAPACITY, Math.floor(((heapMb - 64) * 1e6) / 500))) : undefined;
const extractor = createExtractor({ lexicons: cfg.lexicons, wordCapacity });
const formatReady = loadOutputFormat(cfg.format, cfg.formatCtx);

parentPort!.on('message', async (msg: { id: number; task: Task }) => {
  await formatReady;
  const result = await runTaskLoading(msg.task, cfg, extractor);
  // The output goes back as UTF-8 bytes whose buffer is handed over, not copied: the main
  // thread writes them as they are. As a string it was copied into the main thread's heap
  // and encoded there, which made that heap a third of a streamed gigabyte's peak memory
  // and its encoding a serial step of --jobs runs.
  if (result.ok && typeof result.out === 'string' && result.out.length > 0) {
    const bytes = encoder.encode(result.out);
    // Record outcomes say where each record's output ends: in bytes from now on.
    if (result.outcomes) {
      let from = 0;
      let at = 0;
      for (const o of result.outcomes) {
        at += Buffer.byteLength(result.out.slice(from, o.end));
        from = o.end;
        o.end = at;
      }
    }
    parentPort!.postMessage({ id: msg.id, result: { ...result, out: bytes } }, [bytes.buffer]);
  } else parentPort!.postMessage({ id: msg.id, result });
});
