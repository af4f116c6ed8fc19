/** `kiyan extract [FILE...]`: files or stdin in, entities out. */
import type { Command } from 'commander';
import { ENTITY_TYPES, extract, detectLanguage, loadLexiconIndex, type Document, type EntityType } from '../index.js';
import { EXIT, InputError, UserError } from '../io/errors.js';
import { readTextInput } from '../io/input.js';
import { OUTPUT_FORMATS, outputFormat, type FormatContext } from '../format/index.js';
import { colorWanted, errorLine, warn, writeOut } from './output.js';


export interface ExtractCliOptions {
  format: string;
  types?: string;
  lexicon: string[];
  strict?: boolean;
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
  program
    .command('extract')
    .description('find people (PER), places (LOC) and organisations (ORG) in Arabic text')
    .argument('[files...]', 'text files; "-" or nothing reads stdin')
    .option('-f, --format <format>', `output format: ${Object.keys(OUTPUT_FORMATS).join(', ')}`, 'table')
    .option('-t, --types <types>', 'only these types, comma-separated (e.g. PER,LOC)')
    .option('-l, --lexicon <file>', 'extra lexicon file (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--strict', 'treat text that does not look like Arabic as an error')
    .option('--no-color', 'no colours in table output (NO_COLOR is respected too)')
    .action((files: string[], opts: ExtractCliOptions) => {
      process.exitCode = runExtract(files, opts);
    });
}

export function runExtract(files: string[], opts: ExtractCliOptions): number {
  const format = outputFormat(opts.format);
  if (!format) throw new UserError(`unknown format "${opts.format}" (known: ${Object.keys(OUTPUT_FORMATS).join(', ')})`);
  const types = parseTypes(opts.types);
  const inputs = files.length ? files : ['-'];
  if (inputs.includes('-') && process.stdin.isTTY) throw new UserError('no input: give a FILE, or pipe text into stdin');
  const index = loadLexiconIndex(opts.lexicon);
  const ctx: FormatContext = { color: colorWanted(opts.color), inputCount: inputs.length };
  const docs: Array<{ doc: Document; text: string }> = [];
  let failed = 0;
  if (format.begin) writeOut(format.begin(ctx));
  for (const path of inputs) {
    try {
      const { source, text } = readTextInput(path);
      const lang = detectLanguage(text);
      if (text.trim() && !lang.isArabic) {
        const msg = `${source}: text does not look like Arabic (detected ${lang.code}, ${Math.round(lang.arabicShare * 100)}% Arabic letters)`;
        if (opts.strict) throw new InputError(source, msg.slice(source.length + 2) + '; --strict makes this an error');
        warn(msg);
      }
      const doc = extract(text, { source, types, index, language: lang.code });
      if (format.document) writeOut(format.document(doc, text, ctx));
      if (format.needsAll) docs.push({ doc, text });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errorLine(e.message);
      failed++;
    }
  }
  if (format.end && (docs.length || !format.needsAll)) writeOut(format.end(docs, ctx));
  if (failed === inputs.length) return EXIT.USAGE;
  return failed ? EXIT.INPUT_FAILED : EXIT.OK;
}
