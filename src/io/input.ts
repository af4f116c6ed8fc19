/** Reading one input (a file or stdin) into text, with clear errors. */
import { constants, openSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeBytes, type Encoding } from './decode.js';
import { InputError } from './errors.js';

export interface TextInput {
  source: string;
  text: string;
}

export function readStdinBytes(): Buffer {
  try {
    return readFileSync(0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') throw new InputError('-', 'stdin is not readable (non-blocking terminal); pipe text in or give a file');
    if (code === 'EOF') return Buffer.alloc(0);
    throw new InputError('-', `cannot read stdin (${code ?? (e as Error).message})`);
  }
}

export function readFileBytes(path: string): Buffer {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'no such file' : `cannot read (${code})`);
  }
  if (st.isDirectory()) throw new InputError(path, 'is a directory, expected a file (give files, or use a folder with batch mode)');
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'EACCES' ? 'permission denied' : `cannot read (${code})`);
  }
}

/** A named pipe (FIFO) or an anonymous one (/dev/fd/N from `<(cmd)`): read with readFifoBytes. */
export function isFifo(path: string): boolean {
  try {
    return statSync(path).isFIFO();
  } catch {
    return false;
  }
}

/**
 * All bytes of a FIFO, without blocking the event loop. A plain open() of a FIFO waits in the
 * kernel until a writer opens it, and a signal handler (SIGTERM, SIGINT) cannot run meanwhile;
 * an asynchronous open waits in a libuv thread that an exiting process then waits for. So the FIFO
 * is opened non-blocking (which returns at once) and read as a stream: on Linux, a FIFO that
 * has had no writer yet reports nothing until one writes, then end of input when it closes.
 */
/** node:net is loaded only to read a FIFO (a short run on a file need not load it). */
const lazyRequire = createRequire(import.meta.url);

export function readFifoBytes(path: string, source = path): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return Promise.reject(new InputError(source, code === 'EACCES' ? 'permission denied' : `cannot read (${code})`));
  }
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const { Socket } = lazyRequire('node:net') as typeof import('node:net');
    const pipe = new Socket({ fd, readable: true, writable: false });
    pipe.on('data', (b: Buffer) => parts.push(b));
    pipe.on('end', () => resolve(Buffer.concat(parts)));
    pipe.on('error', (e: NodeJS.ErrnoException) => reject(new InputError(source, `cannot read (${e.code ?? e.message})`)));
  });
}

export function readTextInput(path: string, encoding: Encoding = 'auto'): TextInput {
  const bytes = path === '-' ? readStdinBytes() : readFileBytes(path);
  return { source: path, text: decodeBytes(bytes, path, encoding).text };
}
