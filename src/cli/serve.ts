/** `kiyan serve`: the HTTP server (src/serve/) with the process's signals and messages. */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { UserError } from '../index.js';
import { errorLine } from './output.js';

interface ServeCliOptions {
  host: string;
  port: string;
  maxBody: string;
  jobs?: string;
  lexicon: string[];
  drainTimeout: string;
}

/** "16MB", "512k", "1000000" → bytes. */
export function parseSize(v: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  if (!m) throw new UserError(`${name} must be a size such as 16MB, 512KB or a number of bytes (got "${v}")`);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const bytes = Math.floor(Number(m[1]) * (unit === 'k' ? 2 ** 10 : unit === 'm' ? 2 ** 20 : unit === 'g' ? 2 ** 30 : 1));
  if (bytes < 1) throw new UserError(`${name} must be at least 1 byte (got "${v}")`);
  return bytes;
}

function wholeNumber(v: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UserError(`${name} must be a whole number from ${min} to ${max} (got "${v}")`);
  return Number(v);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run an HTTP server: POST /extract (JSON, plain text or NDJSON records), GET / (a page to paste text into), GET /health')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--max-body <size>', 'largest request body (for NDJSON: largest record), e.g. 16MB', '16MB')
    .option('-j, --jobs <n>', `worker threads, each with the lexicon loaded (default: number of cores, ${availableParallelism()} here)`)
    .option('-l, --lexicon <file>', 'extra lexicon file (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--drain-timeout <seconds>', 'on SIGTERM/SIGINT, how long to wait for requests in flight', '30')
    .action(async (opts: ServeCliOptions) => {
      process.exitCode = await runServe(opts);
    });
}

async function runServe(opts: ServeCliOptions): Promise<number> {
  const port = wholeNumber(opts.port, '--port', 0, 65535);
  const maxBody = parseSize(opts.maxBody, '--max-body');
  const jobs = opts.jobs === undefined ? availableParallelism() : wholeNumber(opts.jobs, '--jobs', 1, 256);
  const drainTimeoutMs = wholeNumber(opts.drainTimeout, '--drain-timeout', 0) * 1000;
  // Testing knob: a small worker heap lets a test make a worker run out of memory.
  const heap = process.env.KIYAN_SERVE_HEAP_MB;
  const workerHeapMb = heap ? wholeNumber(heap, 'KIYAN_SERVE_HEAP_MB', 16) : undefined;
  // Loaded only for this command: the other commands start without the server's code.
  const { startServer } = await import('../serve/server.js');
  let server;
  try {
    server = await startServer({ host: opts.host, port, maxBody, jobs, lexicons: opts.lexicon, drainTimeoutMs, workerHeapMb });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`cannot listen on ${opts.host}:${port}: the address is in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') throw new UserError(`cannot listen on ${opts.host}:${port} (${code})`);
    throw new UserError((e as Error).message);
  }
  process.stderr.write(`kiyan: serving on ${server.url} (${jobs} worker${jobs === 1 ? '' : 's'}); stop with SIGTERM or Ctrl-C\n`);
  const running = server;
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        errorLine(`${signal} again: stopping at once`);
        process.exit(1);
      }
      stopping = true;
      errorLine(`${signal}: finishing the requests in flight, then stopping`);
      running.close().then(resolve, (e: Error) => {
        errorLine(`internal error while stopping: ${e.message}`);
        process.exitCode = 3;
        resolve();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  errorLine('stopped');
  return 0;
}
