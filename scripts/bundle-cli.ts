/**
 * Build step: the command line as a few ES module files (dist/bundle/): the CLI entry, the
 * worker entry, shared chunks, and chunks loaded on demand (franc, chalk, output formats).
 * Node resolves and loads ~40 modules one by one otherwise, a third of a short run's
 * start-up. The library (dist/src/index.js) stays as tsc wrote it.
 */
import { build, type Plugin } from 'esbuild';
import { rmSync } from 'node:fs';
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
  entryPoints: { cli: join(root, 'dist', 'src', 'cli', 'main.js'), worker: join(root, 'dist', 'src', 'batch', 'worker.js') },
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
