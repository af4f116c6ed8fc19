/**
 * Build step: the command line as a few ES module files (dist/bundle/): the CLI entry, the
 * worker entry, shared chunks, and chunks loaded on demand (franc, chalk, output formats).
 * Node resolves and loads ~40 modules one by one otherwise, a third of a short run's
 * start-up. The library (dist/src/index.js) stays as tsc wrote it.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/lexicon/load.js';

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
  logLevel: 'warning',
});
