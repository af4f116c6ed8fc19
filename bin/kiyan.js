#!/usr/bin/env node
'use strict';
// Launcher (CommonJS: see bin/package.json; require() of one file starts faster than Node's
// ES module loader). Runs the bundled CLI (dist/bundle/cli.cjs, see scripts/bundle-cli.ts)
// with V8's code cache for it when there is one that this Node accepts.
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Module = require('node:module');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const cacheFile = `${file}.cache`;
let source;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write(`kiyan: ${file} is missing: run npm run build (or npm ci) first\n`);
  process.exit(2);
}
let cachedData;
try {
  // V8 checks a cache against the source's length, not its text: a bundle changed after
  // its cache was made (newer file) must not get the old code.
  if (statSync(cacheFile).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cacheFile);
} catch {
  // No cache: V8 compiles as usual.
}
const script = new Script(Module.wrap(source), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, dirname(file));
const done = mod.exports.main(process.argv);
// The build asks for the cache after a real run, so that it holds the code that run compiled.
if (process.env.KIYAN_WRITE_CODE_CACHE === '1') done.then(() => writeFileSync(cacheFile, script.createCachedData()));
