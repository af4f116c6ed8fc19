/**
 * The headless Chromium for browser tests, brought by the npm dependencies alone:
 * @sparticuz/chromium ships the browser Brotli-compressed inside its package, and it is
 * unpacked once into node_modules/.cache (nothing is downloaded). KIYAN_CHROMIUM=/path
 * uses another build instead (e.g. Debian's /usr/bin/chromium).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { ROOT } from './helpers.js';

/** As root on a closed network: no sandbox, no GPU, no background connections. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function chromiumExecutable(): Promise<string> {
  if (process.env.KIYAN_CHROMIUM) return process.env.KIYAN_CHROMIUM;
  const pkg = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
  const packed = join(pkg, 'bin', 'chromium.br');
  if (!existsSync(packed)) throw new Error(`${packed} is missing: run npm ci (the browser comes with the devDependency @sparticuz/chromium)`);
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = join(ROOT, 'node_modules', '.cache', 'kiyan-chromium', version);
  const exe = join(dir, 'chromium');
  if (existsSync(exe)) return exe;
  mkdirSync(dir, { recursive: true });
  // Unpack beside it and rename: test files running in parallel never see half a binary.
  const part = `${exe}.${process.pid}.part`;
  await pipeline(createReadStream(packed), createBrotliDecompress(), createWriteStream(part, { mode: 0o755 }));
  renameSync(part, exe);
  return exe;
}
