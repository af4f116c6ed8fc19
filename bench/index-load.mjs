#!/usr/bin/env node
/**
 * Index load benchmark (npm run bench:index-load): time to load the shipped lexicon index
 * (read + parse + ready for lookups: loadLexiconIndex() and a first lookup) in fresh
 * processes, so that no run profits from another's warm caches. Prints the median.
 *
 *   node bench/index-load.mjs [--runs 15]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 15;

// Modules are imported before the clock starts: this measures the index, not module loading.
const child = `
const { loadLexiconIndex } = await import(${JSON.stringify(join(ROOT, 'dist', 'src', 'lexicon', 'load.js'))});
const t = process.hrtime.bigint();
const index = loadLexiconIndex();
// One lookup inside the clock: the index must be able to answer, not merely exist.
if (!index.lookup('موسكو')) throw new Error('index not ready');
const ms = Number(process.hrtime.bigint() - t) / 1e6;
process.stdout.write(String(ms));
`;
const times = [];
for (let i = 0; i < runs; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  times.push(Number(r.stdout));
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`index load: median ${median.toFixed(1)} ms over ${runs} fresh processes (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)})`);
