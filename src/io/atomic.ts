/**
 * Result files written atomically: data goes to a temporary file in the same folder, which
 * is renamed over the destination only when complete. Temporary files still open are
 * tracked so that an interrupt (SIGINT) can remove them: no half-written result survives.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDirs } from './make-dirs.js';

const live = new Set<string>();
let counter = 0;

function tempFor(dest: string): string {
  return join(dirname(dest), `.${basename(dest)}.kiyan-${process.pid}-${counter++}.tmp`);
}

/** Writes all of data (writeSync may write a buffer in parts). */
function writeAll(fd: number, data: string | Uint8Array): void {
  if (typeof data === 'string') {
    writeSync(fd, data);
    return;
  }
  for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
}

/** Writes a whole file atomically (synchronously, so no signal can interrupt it halfway). */
export function writeFileAtomic(dest: string, data: string | Uint8Array): void {
  makeDirs(dirname(dest));
  const tmp = tempFor(dest);
  live.add(tmp);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, dest);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  } finally {
    live.delete(tmp);
  }
}

/** A result file written in pieces (big inputs): commit() renames it into place, abort() removes it. */
export class AtomicFile {
  private readonly tmp: string;
  private fd: number;
  constructor(readonly dest: string) {
    makeDirs(dirname(dest));
    this.tmp = tempFor(dest);
    live.add(this.tmp);
    this.fd = openSync(this.tmp, 'w');
  }
  write(s: string | Uint8Array): void {
    if (s.length) writeAll(this.fd, s);
  }
  commit(): void {
    closeSync(this.fd);
    renameSync(this.tmp, this.dest);
    live.delete(this.tmp);
  }
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* closed */
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      /* gone */
    }
    live.delete(this.tmp);
  }
}

/** Removes every temporary file still open (on interrupt). */
export function removeLiveTemps(): void {
  for (const t of live) {
    try {
      unlinkSync(t);
    } catch {
      /* gone */
    }
  }
  live.clear();
}
