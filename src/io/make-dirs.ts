/**
 * `mkdir -p` for result folders, without Node's `mkdirSync(dir, { recursive: true })`: that
 * one spins forever (100% CPU, deaf to SIGINT and SIGTERM) when a folder exists but the
 * system answers ENOENT for a folder inside it, as procfs and sysfs do (`--out-dir
 * /proc/x` hung kiyan; seen with Node 20.20). Here the walk is bounded by the path's depth.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

function errCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

/** Makes dir and its missing parents; throws the system's error (with its code) when one cannot be made. */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  // Up to the deepest folder that exists ...
  for (let cur = resolve(dir); ; ) {
    let isDir: boolean;
    try {
      isDir = statSync(cur).isDirectory();
    } catch (e) {
      // ENOTDIR: some parent is a file; going up finds it and names it.
      if (errCode(e) !== 'ENOENT' && errCode(e) !== 'ENOTDIR') throw e;
      missing.push(cur);
      const parent = dirname(cur);
      if (parent === cur) break;
      cur = parent;
      continue;
    }
    if (!isDir) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${cur}'`), { code: 'ENOTDIR', path: cur });
    break;
  }
  // ... then down, one mkdir each: an ENOENT under a folder that exists is final.
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by another process (several kiyan shards writing one tree).
      if (errCode(e) === 'EEXIST' && statSync(d).isDirectory()) continue;
      throw e;
    }
  }
}

/** One line for a makeDirs() failure: where, and why in words (the code in brackets). */
export function describeMakeDirsError(e: unknown): string {
  const { code, path } = e as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOENT: 'the file system does not allow a folder there',
    ENOTDIR: 'a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
  };
  const reason = code ? `${why[code] ?? 'cannot create it'} (${code})` : (e as Error).message;
  return path ? `${path}: ${reason}` : reason;
}
