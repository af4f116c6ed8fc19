/** Reading one input (a file or stdin) into text, with clear errors. */
import { readFileSync, statSync } from 'node:fs';
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

export function readTextInput(path: string, encoding: Encoding = 'auto'): TextInput {
  const bytes = path === '-' ? readStdinBytes() : readFileBytes(path);
  return { source: path, text: decodeBytes(bytes, path, encoding).text };
}
