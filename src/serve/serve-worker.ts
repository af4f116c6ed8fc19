/** Worker thread of `kiyan serve`: loads the lexicon index once, then answers jobs. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadLexiconIndex } from '../lexicon/load.js';
import { loadLanguageDetector } from '../text/language.js';
import { runJob, type Job } from './jobs.js';

const { lexicons } = workerData as { lexicons: string[] };
const index = loadLexiconIndex(lexicons);
// extract() detects the language synchronously: have franc loaded before the first job.
await loadLanguageDetector();

parentPort!.on('message', (msg: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id: msg.id, out: runJob(msg.job, index) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message });
  }
});
parentPort!.postMessage({ ready: true });
