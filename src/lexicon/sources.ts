/**
 * The sources the shipped index is compiled from, in priority order: the generated country
 * names, the curated files under lexicons/, then the person-name words imported from
 * Wikidata (CC0), last so that curated entries keep priority. One list for the build and
 * for the test that checks the shipped index against its sources.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateCountrySource } from './countries.js';
import { lexiconFiles, readLexiconFile } from './files.js';
import { nameWordSource, parseNameWordTable } from './name-words.js';
import type { ParsedSource } from './schema.js';

export function shippedSources(root: string): { sources: ParsedSource[]; nameWords: ParsedSource } {
  const nameWordFile = join(root, 'data', 'wikidata-names', 'person-name-tokens.tsv');
  const nameWords = nameWordSource(parseNameWordTable(readFileSync(nameWordFile, 'utf8')), relative(root, nameWordFile));
  const curated = lexiconFiles(join(root, 'lexicons')).map((f) => readLexiconFile(f, relative(root, f)));
  return { sources: [generateCountrySource(), ...curated, nameWords], nameWords };
}
