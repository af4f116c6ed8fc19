/** Worker thread of `kiyan serve`: one extractor (lexicon index and word caches) for its life, answering jobs. */
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor } from '../extractor.js';
import { loadLanguageDetector } from '../text/language.js';
import { runJob, type Job } from './jobs.js';

const { lexicons } = workerData as { lexicons: string[] };
const extractor = createExtractor({ lexicons });
// extract() detects the language synchronously: have franc loaded before the first job.
await loadLanguageDetector();

parentPort!.on('message', (msg: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id: msg.id, out: runJob(msg.job, extractor) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
