#!/usr/bin/env node
/**
 * Throughput benchmark (npm run bench:throughput): what a user's run costs on text that
 * looks like a real corpus (see corpus.mjs: ANERcorp sentences with words swapped and
 * letters changed, so the vocabulary keeps growing; about 210,000 distinct words in 50 MB).
 *
 * The same text is run as ONE file and as a FOLDER of ~100 KB files, through:
 *   - kiyan (this repository's bin/kiyan.js) `extract -f jsonl`, with --jobs 1 and --jobs 2;
 *   - wink-ner given kiyan's exported lexicon (peers/wink-ner.mjs), the JavaScript peer;
 *   - the floor (peers/floor.mjs): table normalisation, token split, proclitic splits and
 *     Map look-ups of unigrams and bigrams, one JSONL line per unit: what the task costs.
 * Every run is a process of its own, timed end to end (start-up, lexicon load, read, work,
 * write). Per run it prints MB/s, the ratio to wink-ner and to the floor on the same layout
 * (by MB/s, and by CPU seconds), CPU seconds (user + sys, all threads) and peak RSS; then
 * the start-up overhead of `kiyan extract` on the seed article over `node -e 0`.
 *
 *   node bench/throughput.mjs [--mb 50] [--rounds 1] [--seed 1] [--best-case] [--keep]
 *                             [--only kiyan1,kiyan2,wink,floor]
 *
 * --rounds N runs every configuration N times in alternation and reports each by its
 * fastest wall time and median CPU (the machine is shared: only ratios within a run and CPU
 * seconds are worth comparing). --best-case uses the earlier benchmark's corpus instead
 * (fixture sentences shuffled: a vocabulary that stops growing, so every per-word cache
 * stays warm); its figures are a best case, not what users see.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bestCase, realText } from './corpus.mjs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kiyan.js');
const CONLL = join(ROOT, '..', 'shared', 'corpora', 'anercorp', 'dev.conll');
const SEED_ARTICLE = join(ROOT, 'fixtures', 'news-soleimani-moscow.txt');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const MB = option('--mb', 50);
const ROUNDS = option('--rounds', 1);
const SEED = option('--seed', 1);
const BEST_CASE = args.includes('--best-case');
const KEEP = args.includes('--keep');
// --only kiyan1,floor (of kiyan1, kiyan2, wink, floor): a quick look at some runs; ratios to a
// peer that did not run are left out.
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;

const dir = mkdtempSync(join(tmpdir(), 'kiyan-bench-'));
const node = process.execPath;

// ---- lexicon and corpus ----------------------------------------------------------------------
const lexiconPath = join(dir, 'lexicon.tsv');
const exported = spawnSync(node, [BIN, 'lexicon', 'export', '--format', 'tsv'], { maxBuffer: 1 << 28 });
if (exported.status !== 0) throw new Error(`kiyan lexicon export failed: ${exported.stderr}`);
writeFileSync(lexiconPath, exported.stdout);

const tGen = process.hrtime.bigint();
let corpus;
if (BEST_CASE) {
  const rows = exported.stdout.toString('utf8').split('\n').map((l) => l.split('\t'));
  const persons = rows.filter((r) => r[0] === 'PER' && r[1]?.includes(' ')).map((r) => r[1]);
  corpus = bestCase({ dir, mb: MB, seed: SEED, fixturesDir: join(ROOT, 'fixtures'), persons });
} else {
  if (!existsSync(CONLL)) throw new Error(`${CONLL} not found: the corpus is built from its sentences`);
  corpus = realText({ dir, mb: MB, seed: SEED, conll: CONLL });
}
const genSecs = Number(process.hrtime.bigint() - tGen) / 1e9;
const corpusMb = corpus.bytes / 1e6;
console.log(
  `corpus: ${BEST_CASE ? 'BEST CASE (fixture sentences shuffled), ' : 'ANERcorp dev sentences, words swapped (p 0.5) and letters changed, '}` +
    `seed ${SEED}: ${corpusMb.toFixed(1)} MB, ${corpus.distinct.toLocaleString('en')} distinct words, ` +
    `as one file and as ${corpus.documents} files of ~100 KB (made in ${genSecs.toFixed(1)} s, in ${dir})`,
);

// ---- one timed process -------------------------------------------------------------------------
const hasTime = existsSync('/usr/bin/time');
const USAGE_HOOK = join(import.meta.dirname, 'peers', 'resource-usage.cjs');
/**
 * Runs `node ...nodeArgs` with stdout into outFile: wall seconds, CPU seconds (user + sys,
 * all threads) and peak RSS in MB, from /usr/bin/time, or else from the child's own
 * process.resourceUsage() written at exit by a preloaded hook (same figures: getrusage).
 */
function timedNode(nodeArgs, outFile) {
  const out = openSync(outFile, 'w');
  const usageFile = join(dir, 'usage.json');
  const env = { ...process.env, CI: '1' };
  const [cmd, cmdArgs] = hasTime
    ? ['/usr/bin/time', ['-f', 'BENCH-TIME %M %U %S', node, ...nodeArgs]]
    : [node, ['-r', USAGE_HOOK, ...nodeArgs]];
  if (!hasTime) env.KIYAN_BENCH_USAGE = usageFile;
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { stdio: ['ignore', out, 'pipe'], env, maxBuffer: 1 << 26 });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  closeSync(out);
  const stderr = r.stderr.toString('utf8');
  if (r.status !== 0) throw new Error(`${nodeArgs.join(' ')} exited with ${r.status}:\n${stderr.slice(-1000)}`);
  let cpu;
  let rssMb;
  if (hasTime) {
    const [rssKb, user, sys] = stderr.slice(stderr.lastIndexOf('BENCH-TIME')).split(/\s+/).slice(1).map(Number);
    cpu = user + sys;
    rssMb = rssKb / 1024;
  } else {
    const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
    cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    rssMb = usage.maxRSS / 1024;
  }
  return { secs, cpu, rssMb };
}

// ---- the runs ------------------------------------------------------------------------------------
const layouts = [
  { name: 'one file', input: corpus.file },
  { name: 'folder', input: corpus.folder },
];
const allTools = [
  { name: 'kiyan --jobs 1', key: 'kiyan1', args: (input) => [BIN, 'extract', '-f', 'jsonl', '--jobs', '1', '--no-summary', input] },
  { name: 'kiyan --jobs 2', key: 'kiyan2', args: (input) => [BIN, 'extract', '-f', 'jsonl', '--jobs', '2', '--no-summary', input] },
  { name: 'wink-ner', key: 'wink', args: (input) => [join(import.meta.dirname, 'peers', 'wink-ner.mjs'), lexiconPath, input] },
  { name: 'floor', key: 'floor', args: (input) => [join(import.meta.dirname, 'peers', 'floor.mjs'), lexiconPath, input] },
];
const tools = allTools.filter((t) => !ONLY || ONLY.includes(t.key));
if (!tools.length) throw new Error(`--only: none of ${ONLY} is one of ${allTools.map((t) => t.key).join(', ')}`);
const configs = layouts.flatMap((layout) => tools.map((tool) => ({ layout, tool, runs: [], out: join(dir, `${tool.name.replace(/\W+/g, '-')}-${layout.name.replace(/\W+/g, '-')}.jsonl`) })));
for (let round = 1; round <= ROUNDS; round++) {
  for (const c of configs) {
    const run = timedNode(c.tool.args(c.layout.input), c.out);
    c.runs.push(run);
    console.log(`  round ${round}: ${c.tool.name.padEnd(14)} ${c.layout.name.padEnd(8)} ${run.secs.toFixed(1).padStart(6)} s wall, ${run.cpu.toFixed(1).padStart(6)} s CPU, ${run.rssMb.toFixed(0).padStart(4)} MB peak RSS`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const c of configs) {
  c.secs = Math.min(...c.runs.map((r) => r.secs));
  c.cpu = median(c.runs.map((r) => r.cpu));
  c.rssMb = Math.max(...c.runs.map((r) => r.rssMb));
  c.mbps = corpusMb / c.secs;
}
const find = (tool, layout) => configs.find((c) => c.tool.name === tool && c.layout === layout);

console.log(`\n${corpusMb.toFixed(1)} MB, ${corpus.distinct.toLocaleString('en')} distinct words; ${ROUNDS > 1 ? `fastest wall and median CPU of ${ROUNDS} rounds` : 'one round'}; ratios against the same layout (wall MB/s, then CPU seconds)`);
const header = ['run', 'layout', 'MB/s', 'x wink-ner', 'x floor', 'CPU s', 'MB per CPU s', 'peak RSS'];
const rows = configs.map((c) => {
  const wink = find('wink-ner', c.layout);
  const floor = find('floor', c.layout);
  const ratio = (peer) => (peer ? `${(c.mbps / peer.mbps).toFixed(2)} / ${(peer.cpu / c.cpu).toFixed(2)}` : '-');
  return [c.tool.name, c.layout.name, c.mbps.toFixed(2), ratio(wink), ratio(floor), c.cpu.toFixed(1), (corpusMb / c.cpu).toFixed(2), `${c.rssMb.toFixed(0)} MB`];
});
const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
for (const r of [header, ...rows]) console.log(r.map((cell, k) => (k < 2 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  '));

for (const layout of layouts) {
  if (!find('kiyan --jobs 1', layout) || !find('kiyan --jobs 2', layout)) continue;
  const same = readFileSync(find('kiyan --jobs 1', layout).out).equals(readFileSync(find('kiyan --jobs 2', layout).out));
  console.log(`kiyan output identical for --jobs 1 and --jobs 2 (${layout.name}): ${same}`);
}
const oneFile = find('kiyan --jobs 1', layouts[0]);
const folder = find('kiyan --jobs 1', layouts[1]);
if (oneFile) console.log(`kiyan --jobs 1, one file against folder: ${(oneFile.cpu / folder.cpu).toFixed(2)}x the CPU seconds (${oneFile.cpu.toFixed(1)} against ${folder.cpu.toFixed(1)})`);

// ---- start-up: kiyan extract on the seed article against node -e 0 -------------------------------
// Alternating pairs, so that drift in the machine's speed falls on both alike.
const spawnMs = (cmd) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(node, cmd, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const baseMs = [];
const kiyanMs = [];
for (let i = 0; i < (ONLY ? 0 : 15); i++) {
  baseMs.push(spawnMs(['-e', '0']));
  kiyanMs.push(spawnMs([BIN, 'extract', '-f', 'jsonl', SEED_ARTICLE]));
}
const overhead = median(kiyanMs.map((k, i) => k - baseMs[i]));
if (!ONLY) console.log(`start-up: node -e 0 ${median(baseMs).toFixed(0)} ms, kiyan extract (seed article) ${median(kiyanMs).toFixed(0)} ms (medians of 15 alternating pairs); overhead ${overhead.toFixed(0)} ms (median of the pairs' differences)`);

if (!KEEP) rmSync(dir, { recursive: true, force: true });
