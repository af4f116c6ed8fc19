/**
 * Build step: the command line as one CommonJS file (dist/bundle/cli.cjs) with a V8 code
 * cache (cli.cjs.cache), and the worker entries as ES modules (dist/bundle/worker.js,
 * serve-worker.js and their chunks). The library (dist/src/index.js) stays as tsc wrote it.
 *
 * Why: a short run is mostly start-up. Node resolves and loads ~40 modules one by one
 * without a bundle; its ES module loader costs ~25 ms more than require() of one file; and
 * V8 parses and compiles the code it runs, which a code cache made from a real run skips
 * (bin/kiyan.js loads the bundle with it). Measured on the seed article (2026-11-25):
 * 92-166 ms over `node -e 0` before, 59-92 ms after (README, Benchmark).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { build, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { packageRoot } from '../src/lexicon/load.js';

/**
 * Node's built-ins through require(), not import: an ES import of a built-in makes Node
 * build a module facade over all its exports (node:fs alone reads every lazy getter),
 * ~10 ms of a short run.
 */
const builtinsByRequire: Plugin = {
  name: 'builtins-by-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

/**
 * commander requires node:child_process (and with it net, dgram, streams) at load, only
 * for subcommands that are separate executables, which kiyan has none of: load it if used.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.includes('commander') ? { path: 'child_process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let cp; module.exports = new Proxy({}, { get: (_, k) => (cp ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};

const root = packageRoot();
const outdir = join(root, 'dist', 'bundle');
// Chunk names carry content hashes: start empty so that no stale chunk ships.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'dist', 'src', 'cli', 'main.js') },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The sources locate their files (package root, worker entry) from import.meta.url.
  define: { 'import.meta.url': '__kiyanModuleUrl' },
  banner: { js: "const __kiyanModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
await build({
  entryPoints: { worker: join(root, 'dist', 'src', 'batch', 'worker.js'), 'serve-worker': join(root, 'dist', 'src', 'serve', 'serve-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies bundled into ES modules call require() for Node's built-ins.
  banner: { js: "import { createRequire as __kiyanRequire } from 'node:module';\nconst require = __kiyanRequire(import.meta.url);" },
  plugins: [lazyChildProcess, builtinsByRequire],
  logLevel: 'warning',
});

// The code cache: V8's compiled code for what a real run uses (start-up, one extraction).
// bin/kiyan.js writes it when asked; a cache V8 rejects (another Node) is only slower.
const seed = join(root, 'fixtures', 'news-soleimani-moscow.txt');
const run = spawnSync(process.execPath, [join(root, 'bin', 'kiyan.js'), 'extract', '-f', 'jsonl', seed], {
  env: { ...process.env, KIYAN_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0 || !existsSync(join(outdir, 'cli.cjs.cache'))) {
  console.error(`bundle-cli: no code cache written (exit ${run.status}); kiyan works without it, only starts slower`);
}
