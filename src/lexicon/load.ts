/**
 * Loading lexicons: the compiled default index shipped with the package, and user files
 * given at run time (same source format, compiled on the fly, no rebuild).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileLexicon, type CompiledLexicon } from './compile.js';
import { LexiconIndex } from './lexicon-index.js';
import { PackedLexicon } from './packed.js';
import { type Diagnostic } from './schema.js';
import { readLexiconFile } from './files.js';

/** The package root: the nearest folder above this module that holds kiyan's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'kiyan') return dir;
      } catch {
        /* keep walking up */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the kiyan package root');
    dir = up;
  }
}

/** The compiled default index, in the packed form that every run loads (see packed.ts). */
export function defaultPackedPath(): string {
  return join(packageRoot(), 'dist', 'lexicon', 'index.bin');
}

export class LexiconError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** Sources and written surfaces of the default entries (read only by lookup and export). */
export function defaultMetaPath(): string {
  return join(packageRoot(), 'dist', 'lexicon', 'index-meta.json');
}

/** The name-shape model trained at build time (name-words.ts). */
export function defaultNameShapePath(): string {
  return join(packageRoot(), 'dist', 'lexicon', 'name-shape.tsv');
}

/** Normalised name word -> English romanisation (from the Wikidata name words), for --translit. */
export function defaultNameWordsEnPath(): string {
  return join(packageRoot(), 'dist', 'lexicon', 'name-words-en.tsv');
}

let cachedNameWordsEn: Map<string, string> | undefined;

/** Name word -> English romanisation (empty when the build wrote none); read once, on first use. */
export function loadNameWordsEn(): Map<string, string> {
  if (cachedNameWordsEn) return cachedNameWordsEn;
  const map = new Map<string, string>();
  const path = defaultNameWordsEnPath();
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) map.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return (cachedNameWordsEn = map);
}

/** The shipped index, read from its file: each caller gets its own (it decodes on demand, and remembers what it decoded). */
export function loadDefaultPacked(): PackedLexicon {
  const path = defaultPackedPath();
  if (!existsSync(path)) throw new LexiconError(`the compiled lexicon is missing (${path}); run "npm run build"`);
  const packed = new PackedLexicon(readFileSync(path));
  packed.metaFile = defaultMetaPath();
  return packed;
}

/** Compiles user lexicon files; any error in them is fatal (file:line messages). */
export function compileUserFiles(paths: string[]): CompiledLexicon {
  const sources = paths.map((p) => {
    try {
      if (statSync(p).isDirectory()) throw new LexiconError(`${p}: is a directory, expected a lexicon file`);
      return readLexiconFile(p);
    } catch (e) {
      if (e instanceof LexiconError) throw e;
      throw new LexiconError(`${p}: cannot read lexicon file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  });
  const { lexicon, diagnostics } = compileLexicon(sources);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw new LexiconError(errors.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n'), errors);
  }
  return lexicon;
}

/**
 * The default index, plus user lexicon files if any (they take precedence). A new index at
 * each call (nothing is kept at module level): hold on to it, or to an Extractor.
 */
export function loadLexiconIndex(userFiles: string[] = []): LexiconIndex {
  const compiled: Array<CompiledLexicon | PackedLexicon> = [loadDefaultPacked()];
  if (userFiles.length) compiled.push(compileUserFiles(userFiles));
  const index = new LexiconIndex(compiled);
  if (existsSync(defaultNameShapePath())) index.nameShapeFile = defaultNameShapePath();
  return index;
}
