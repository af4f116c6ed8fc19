/**
 * Command-line paths to a deterministic list of inputs: files as given, folders walked
 * recursively (entries sorted by name, so the order never depends on the file system),
 * quoted globs expanded. Walking follows symbolic links but never enters a folder twice
 * (symlink loops are safe), skips hidden entries and node_modules / .git unless asked, and
 * keeps files whose name matches the include globs and not the exclude globs. Files named
 * explicitly are always taken, whatever the globs say.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

type Picomatch = typeof import('picomatch');
let pm: Picomatch | undefined;
/** picomatch (CommonJS) is loaded only when a folder is walked or a glob expanded, not for plain files. */
const picomatch = (...args: Parameters<Picomatch>): ReturnType<Picomatch> => (pm ??= createRequire(import.meta.url)('picomatch') as Picomatch)(...args);

/** Default include globs: the usual text formats. */
export const DEFAULT_INCLUDE = ['*.txt', '*.text', '*.md', '*.csv', '*.tsv', '*.json', '*.jsonl', '*.ndjson', '*.html', '*.htm', '*.xml'];
/** Default include globs in record mode (--input-format jsonl). */
export const DEFAULT_RECORD_INCLUDE = ['*.jsonl', '*.ndjson', '*.json'];
/** Folders skipped unless --no-ignore. */
export const IGNORED_DIRS = ['node_modules', '.git', '.hg', '.svn'];

export interface WalkOptions {
  include?: string[];
  exclude?: string[];
  /** Walk hidden files and folders (names starting with "."). */
  hidden?: boolean;
  /** Walk node_modules, .git, .hg, .svn too. */
  noIgnore?: boolean;
}

export interface InputSpec {
  /** "-" for stdin, else a file system path. */
  path: string;
  /** The name reported in results: as given for files and globs, relative to the folder for walked files. */
  source: string;
  /** Named on the command line (errors for binary files), as opposed to found by walking. */
  explicit: boolean;
  /** A problem found while expanding (missing file, unreadable folder, glob without match). */
  error?: string;
}

export interface Expansion {
  inputs: InputSpec[];
  /** Entries left out while walking (hidden, ignored folders, not matching the globs do not count; symlink loops and broken links do). */
  skipped: number;
}

const GLOB_CHARS = /[*?[\]{}]/;

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

export function expandInputs(args: string[], opts: WalkOptions = {}): Expansion {
  const include = opts.include && opts.include.length ? opts.include : DEFAULT_INCLUDE;
  let included: ((p: string) => boolean) | undefined;
  let excluded: ((p: string) => boolean) | undefined;
  const isIncluded = (p: string): boolean => (included ??= picomatch(include, { basename: true, dot: true }))(p);
  const isExcluded = (p: string): boolean => (excluded ??= opts.exclude && opts.exclude.length ? picomatch(opts.exclude, { basename: true, dot: true }) : () => false)(p);
  // Globs given by the user are compiled at once, so that a bad one fails as it always did.
  if (opts.include?.length || opts.exclude?.length) {
    isIncluded('');
    isExcluded('');
  }
  const inputs: InputSpec[] = [];
  let skipped = 0;

  const walk = (root: string, keep: (rel: string, full: string) => boolean, source: (rel: string, full: string) => string): void => {
    const seen = new Set<string>();
    const visit = (dir: string): void => {
      let real: string;
      try {
        real = realpathSync(dir);
      } catch {
        skipped++;
        return;
      }
      if (seen.has(real)) {
        skipped++; // a symlink loop or a second link to the same folder
        return;
      }
      seen.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        inputs.push({ path: dir, source: source(toPosix(relative(root, dir)), dir), explicit: false, error: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const ent of entries) {
        const name = ent.name;
        if (!opts.hidden && name.startsWith('.')) continue;
        const full = join(dir, name);
        const rel = toPosix(relative(root, full));
        let isDir = ent.isDirectory();
        let isFile = ent.isFile();
        if (ent.isSymbolicLink()) {
          try {
            const st = statSync(full);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            skipped++; // broken link
            continue;
          }
        }
        if (isDir) {
          if (!opts.noIgnore && IGNORED_DIRS.includes(name)) continue;
          if (isExcluded(rel)) continue;
          visit(full);
        } else if (isFile) {
          if (isExcluded(rel) || !keep(rel, full)) continue;
          inputs.push({ path: full, source: source(rel, full), explicit: false });
        }
      }
    };
    visit(root);
  };

  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ path: '-', source: '-', explicit: true });
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && GLOB_CHARS.test(arg)) {
        const before = inputs.length;
        expandGlob(arg);
        if (inputs.length === before) inputs.push({ path: arg, source: arg, explicit: true, error: 'no files match this glob' });
        continue;
      }
      inputs.push({ path: arg, source: arg, explicit: true, error: code === 'ENOENT' ? 'no such file' : `cannot read (${code})` });
      continue;
    }
    if (st.isDirectory()) walk(arg, (rel) => isIncluded(rel), (rel) => rel);
    else inputs.push({ path: arg, source: arg, explicit: true });
  }
  return { inputs, skipped };

  function expandGlob(pattern: string): void {
    const posix = toPosix(pattern);
    const parts = posix.split('/');
    const baseParts: string[] = [];
    for (const p of parts) {
      if (GLOB_CHARS.test(p)) break;
      baseParts.push(p);
    }
    const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
    try {
      if (!statSync(base).isDirectory()) return;
    } catch {
      return;
    }
    const matches = picomatch(posix, { dot: Boolean(opts.hidden) });
    const shown = (rel: string): string => (baseParts.length === 0 ? rel : `${base === '/' ? '' : base}/${rel}`);
    walk(base, (rel) => matches(shown(rel)), (rel) => shown(rel));
  }
}

/** FNV-1a (32 bit) of a string: the stable hash `--shard` uses. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Shard {
  /** 1-based. */
  k: number;
  n: number;
}

export function parseShard(spec: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m) return undefined;
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) return undefined;
  return { k, n };
}

/** Whether a key (a file's source path, a record's id) belongs to the shard. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return !shard || fnv1a(key) % shard.n === shard.k - 1;
}
