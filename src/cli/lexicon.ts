/** `kiyan lexicon check | lookup | export`: inspect and validate the lexicons (the library's lexicon tools, printed). */
import type { Command } from 'commander';
import { checkLexicons, exportSurfaces, lookupLexicon, UserError } from '../index.js';
import { writeOut } from './output.js';

const collect = (v: string, acc: string[]): string[] => [...acc, v];

export function registerLexicon(program: Command): void {
  const lex = program.command('lexicon').description('check, search and export the lexicons');

  lex
    .command('check')
    .description('validate lexicon files: malformed lines, duplicates, conflicting types (exit 1 on errors)')
    .argument('[files...]', 'lexicon files or folders (default: the lexicons shipped with kiyan)')
    .option('-q, --quiet', 'errors only, no warnings')
    .action((files: string[], opts: { quiet?: boolean }) => {
      const r = checkLexicons(files);
      for (const d of r.diagnostics) {
        if (d.severity === 'warning' && opts.quiet) continue;
        process.stderr.write(`${d.file}:${d.line}: ${d.severity}: ${d.message}\n`);
      }
      writeOut(`${r.files.length} files, ${r.entries} entries, ${r.surfaceForms} surface forms: ${r.errors} errors, ${r.warnings} warnings\n`);
      process.exitCode = r.errors ? 1 : 0;
    });

  lex
    .command('lookup')
    .description('show every entry and rule that would match a word, after normalisation and clitic splitting')
    .argument('<word...>', 'an Arabic word or phrase')
    .option('-l, --lexicon <file>', 'extra lexicon file (repeatable)', collect, [] as string[])
    .action((words: string[], opts: { lexicon: string[] }) => {
      const r = lookupLexicon(words.join(' '), opts.lexicon);
      let out = `input: ${r.input}\nnormalised: ${r.normalized}\n`;
      for (const m of r.matches) {
        if (m.kind === 'entry') out += `${m.head}\t${m.type}\t${m.arabic}\t${m.en}\t${m.subtype}\t${m.source}${m.ambiguous ? '\tambiguous: needs context' : ''}\n`;
        else if (m.kind === 'phrase-start') out += `${m.head}\tstarts lexicon phrases of up to ${m.longest} words\n`;
        else out += `${m.head}\t${m.wordKind}\t${m.rule}\n`;
      }
      if (!r.matches.some((m) => m.kind !== 'phrase-start')) out += 'no lexicon entry or rule word matches\n';
      writeOut(out);
    });

  lex
    .command('export')
    .description('print every surface form as TYPE<TAB>SURFACE, for other tools and peer benchmarks')
    .option('-f, --format <format>', 'tsv (the only format)', 'tsv')
    .option('--normalized', 'print the normalised lookup keys instead of the surfaces as written')
    .option('--with-ambiguous', 'include surfaces that need context')
    .option('-l, --lexicon <file>', 'extra lexicon file (repeatable)', collect, [] as string[])
    .action((opts: { format: string; normalized?: boolean; withAmbiguous?: boolean; lexicon: string[] }) => {
      if (opts.format !== 'tsv') throw new UserError(`unknown format "${opts.format}" (known: tsv)`);
      writeOut(exportSurfaces({ normalized: opts.normalized, withAmbiguous: opts.withAmbiguous, lexicons: opts.lexicon }).map((l) => l + '\n').join(''));
    });
  for (const c of lex.commands) c.exitOverride();
  lex.exitOverride();
}
