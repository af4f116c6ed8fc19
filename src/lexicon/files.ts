/** The lexicon source files under a folder: every .tsv, recursively, in a stable order. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function lexiconFiles(dir: string): string[] {
  const out: string[] = [];
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) out.push(...lexiconFiles(p));
    else if (ent.name.endsWith('.tsv')) out.push(p);
  }
  return out.sort();
}
