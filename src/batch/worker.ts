/** Worker thread entry: loads the lexicon index once, then runs tasks posted by the pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadLexiconIndex } from '../lexicon/load.js';
import { loadOutputFormat } from '../format/index.js';
import { runTaskLoading, type Task, type TaskConfig } from './process.js';

const cfg = workerData as TaskConfig;
const index = loadLexiconIndex(cfg.lexicons);
const formatReady = loadOutputFormat(cfg.format, cfg.formatCtx);

parentPort!.on('message', async (msg: { id: number; task: Task }) => {
  await formatReady;
  const result = await runTaskLoading(msg.task, cfg, index);
  parentPort!.postMessage({ id: msg.id, result });
});
