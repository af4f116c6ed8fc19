/** Lexicon source files: finding them under a folder, reading one. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLexiconBytes, type ParsedSource } from './schema.js';

/** Reads and parses one lexicon file (strict UTF-8); `name` is the file as messages show it. Throws on I/O errors. */
export function readLexiconFile(path: string, name = path): ParsedSource {
  return parseLexiconBytes(readFileSync(path), name);
}

/** The lexicon source files under a folder: every .tsv, recursively, in a stable order. */
export function lexiconFiles(dir: string): string[] {
  const out: string[] = [];
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) out.push(...lexiconFiles(p));
    else if (ent.name.endsWith('.tsv')) out.push(p);
  }
  return out.sort();
}
