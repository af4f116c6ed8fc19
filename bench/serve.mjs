#!/usr/bin/env node
/**
 * Load benchmark of `kiyan serve` (npm run bench:serve): starts the built server on a free
 * loopback port, then N keep-alive clients POST /extract as fast as they are answered for
 * a fixed time, each request a run of 1-6 consecutive real sentences of ANERcorp's dev set
 * (varied text, 10 to 300+ words). Prints requests/s, p50/p99 latency, the server's peak
 * RSS (VmHWM) and CPU seconds, and the error count; exits 1 if any request failed or the
 * server did not stop cleanly on SIGTERM. Bounded in time and in count; loopback only.
 *
 *   node bench/serve.mjs [--clients 8] [--seconds 20] [--jobs 2] [--corpus FILE.conll] [--max-requests 200000]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const clients = Number(opt('clients', 8));
const seconds = Number(opt('seconds', 20));
const jobs = Number(opt('jobs', 2));
const maxRequests = Number(opt('max-requests', 200000));
const corpus = opt('corpus', '/work/shared/corpora/anercorp/dev.conll');

/** Sentences of a CoNLL file (tokens joined by spaces), or the seed article's lines. */
function sentences() {
  if (existsSync(corpus)) {
    const out = [];
    for (const block of readFileSync(corpus, 'utf8').split(/\n\s*\n/)) {
      const words = block.split('\n').map((l) => l.split(/\s+/)[0]).filter(Boolean);
      if (words.length) out.push(words.join(' '));
    }
    return { from: corpus, list: out };
  }
  const seed = join(ROOT, 'fixtures', 'news-soleimani-moscow.txt');
  return { from: seed, list: readFileSync(seed, 'utf8').split('\n').filter((l) => l.trim()) };
}

const { from, list } = sentences();
// A fixed pseudo-random sequence: the same texts in every run.
let seed = 12345;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const bodies = Array.from({ length: 2000 }, () => {
  const at = rand(list.length);
  const text = list.slice(at, at + 1 + rand(6)).join(' ');
  return JSON.stringify({ text });
});

const server = spawn(process.execPath, [join(ROOT, 'bin', 'kiyan.js'), 'serve', '--port', '0', '--jobs', String(jobs)], { stdio: ['ignore', 'ignore', 'pipe'] });
let serverErr = '';
server.stderr.setEncoding('utf8');
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
const url = await new Promise((resolve, reject) => {
  server.stderr.on('data', (d) => {
    serverErr += d;
    const m = /serving on (http:\/\/\S+)/.exec(serverErr);
    if (m) resolve(m[1]);
  });
  exited.then((code) => reject(new Error(`kiyan serve exited (${code}): ${serverErr}`)));
});

function procStat(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)[1]) * 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100; // utime + stime, in clock ticks (100/s)
  return { hwm, cpu };
}

const agent = new Agent({ keepAlive: true, maxSockets: clients });
const target = new URL('/extract', url);
function post(body) {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let size = 0;
      res.on('data', (b) => (size += b.length));
      res.on('end', () => resolve({ ok: res.statusCode === 200 && size > 0, ms: Number(process.hrtime.bigint() - t) / 1e6 }));
      res.on('error', () => resolve({ ok: false, ms: 0 }));
    });
    req.on('error', () => resolve({ ok: false, ms: 0 }));
    req.end(body);
  });
}

// Warm-up (not counted): every worker compiles its hot code.
for (let i = 0; i < 4 * jobs; i++) await post(bodies[i]);
const before = procStat(server.pid);
const latencies = [];
let errors = 0;
let sent = 0;
const start = process.hrtime.bigint();
const deadline = Date.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (Date.now() < deadline && sent < maxRequests) {
      const r = await post(bodies[sent++ % bodies.length]);
      if (r.ok) latencies.push(r.ms);
      else errors++;
    }
  }),
);
const wall = Number(process.hrtime.bigint() - start) / 1e9;
const after = procStat(server.pid);
agent.destroy();
server.kill('SIGTERM');
const code = await exited;

latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const done = latencies.length + errors;
console.log(`kiyan serve: ${clients} keep-alive clients for ${wall.toFixed(1)} s on loopback, ${jobs} workers, texts of 1-6 sentences from ${from}`);
console.log(`requests: ${done} (${(done / wall).toFixed(1)} requests/s), errors: ${errors}`);
console.log(`latency: p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`);
console.log(`server: peak RSS ${(after.hwm / 2 ** 20).toFixed(0)} MB, CPU ${(after.cpu - before.cpu).toFixed(1)} s (${(((after.cpu - before.cpu) / Math.max(1, latencies.length)) * 1000).toFixed(2)} ms per request); exit on SIGTERM: ${code}`);
if (errors > 0 || code !== 0) process.exitCode = 1;
