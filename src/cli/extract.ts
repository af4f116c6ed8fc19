/** `kiyan extract [FILE...]`: files or stdin in, entities out. */
import type { Command } from 'commander';
import { ENTITY_TYPES, OUTPUT_FORMATS, UserError, type EntityType } from '../index.js';
import { addBatchOptions, runExtractBatch, type BatchCliOptions } from './batch-options.js';


export interface ExtractCliOptions extends BatchCliOptions {
  format: string;
  types?: string;
  lexicon: string[];
  strict?: boolean;
  descriptiveOrgs?: boolean;
  translit?: boolean;
  color?: boolean;
}

export function parseTypes(spec: string | undefined): EntityType[] | undefined {
  if (!spec) return undefined;
  const types = spec
    .split(',')
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  for (const t of types) if (!(ENTITY_TYPES as readonly string[]).includes(t)) throw new UserError(`unknown entity type "${t}" in --types (known: ${ENTITY_TYPES.join(', ')})`);
  return types as EntityType[];
}

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('find people (PER), places (LOC) and organisations (ORG) in Arabic text')
    .argument('[paths...]', 'files, folders (walked) or quoted globs; "-" or nothing reads stdin')
    .option('-f, --format <format>', `output format: ${Object.keys(OUTPUT_FORMATS).join(', ')}`, 'table')
    .option('-t, --types <types>', 'only these types, comma-separated (e.g. PER,LOC)')
    .option('-l, --lexicon <file>', 'extra lexicon file (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--strict', 'treat text that does not look like Arabic as an error')
    .option('--descriptive-orgs', 'also tag descriptive organisations: a generic body + nationality (الجيش السوري)')
    .option('--translit', 'add a romanisation (translit) to entities that have no English name')
    .option('--no-color', 'no colours in table output (NO_COLOR is respected too)');
  addBatchOptions(cmd);
  cmd.action(async (files: string[], opts: ExtractCliOptions, command: Command) => {
    process.exitCode = await runExtract(files, opts, command);
  });
}

export function runExtract(files: string[], opts: ExtractCliOptions, cmd?: Command): Promise<number> {
  return runExtractBatch(files, opts, cmd);
}
