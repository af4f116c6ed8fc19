/** `kiyan lexicon check | lookup | export`: inspect and validate the lexicons. */
import { statSync } from 'node:fs';
import { lexiconFiles, readLexiconFile } from '../lexicon/files.js';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { compileLexicon } from '../lexicon/compile.js';
import { loadLexiconIndex, packageRoot } from '../lexicon/load.js';
import { type ParsedSource } from '../lexicon/schema.js';
import { normalize, procliticAnalyses } from '../index.js';
import { phraseKey } from '../lexicon/compile.js';
import { UserError } from '../io/errors.js';
import { writeOut } from './output.js';

const collect = (v: string, acc: string[]): string[] => [...acc, v];


/** What each word kind does, for lookup's explanations. */
const KIND_RULES: Record<string, string> = {
  male: 'given name: starts or continues a person name (rule given-name, title)',
  female: 'given name: starts or continues a person name (rule given-name, title)',
  nationality: 'nationality adjective: never a place; completes ORG heads (الجيش السوري) and is skipped after titles',
  'per-title': 'person title: the name after it is a person (rule title)',
  'title-mod': 'title modifier: skipped between a title and the name (وزير الخارجية ...)',
  'org-head': 'organisation head: head + name is an organisation (rule org-head)',
  'org-context': 'organisation context word: confirms an ambiguous organisation after it, introduces a quoted name, ends person names',
  'org-label': 'organisation label: the name after it (or in quotes) is an organisation, label outside the span (rule org-label)',
  'descriptive-head': 'generic body: with a nationality adjective it describes, not names (الجيش اللبناني); tagged only with --descriptive-orgs',
  'loc-head': 'place head: the name after it is a place, head outside the span (rule loc-head)',
  'loc-part': 'place head that is part of the name (نهر، جبل ...) (rule loc-part)',
  'loc-context': 'place context: confirms an ambiguous place after it',
  'sport-context': 'sports word (مباراة، لاعب، حارس، أمام): a city right after it is its club (ORG)',
  'misc-head': 'event or document head (اتفاق الطائف، حرب الخليج): the name after it is not tagged as a place',
  'speech-verb': 'speech verb: ends a name',
  stop: 'common word: never part of a name',
};

export function registerLexicon(program: Command): void {
  const lex = program.command('lexicon').description('check, search and export the lexicons');

  lex
    .command('check')
    .description('validate lexicon files: malformed lines, duplicates, conflicting types (exit 1 on errors)')
    .argument('[files...]', 'lexicon files or folders (default: the lexicons shipped with kiyan)')
    .option('-q, --quiet', 'errors only, no warnings')
    .action((files: string[], opts: { quiet?: boolean }) => {
      const paths = (files.length ? files : [join(packageRoot(), 'lexicons')]).flatMap((p) => {
        let st;
        try {
          st = statSync(p);
        } catch {
          throw new UserError(`${p}: no such file or folder`);
        }
        return st.isDirectory() ? lexiconFiles(p) : [p];
      });
      const root = packageRoot();
      const sources: ParsedSource[] = paths.map((p) => readLexiconFile(p, relative(process.cwd(), p) || relative(root, p)));
      const { lexicon, diagnostics } = compileLexicon(sources);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      for (const d of diagnostics) {
        if (d.severity === 'warning' && opts.quiet) continue;
        process.stderr.write(`${d.file}:${d.line}: ${d.severity}: ${d.message}\n`);
      }
      writeOut(`${paths.length} files, ${lexicon.entries.length} entries, ${Object.keys(lexicon.forms).length} surface forms: ${errors.length} errors, ${diagnostics.length - errors.length} warnings\n`);
      process.exitCode = errors.length ? 1 : 0;
    });

  lex
    .command('lookup')
    .description('show every entry and rule that would match a word, after normalisation and clitic splitting')
    .argument('<word...>', 'an Arabic word or phrase')
    .option('-l, --lexicon <file>', 'extra lexicon file (repeatable)', collect, [] as string[])
    .action((words: string[], opts: { lexicon: string[] }) => {
      const index = loadLexiconIndex(opts.lexicon);
      const phrase = words.join(' ');
      const norm = phraseKey(phrase);
      writeOut(`input: ${phrase}\nnormalised: ${normalize(phrase)}\n`);
      const [first, ...rest] = norm.split(' ');
      let found = 0;
      for (const a of procliticAnalyses(first ?? '')) {
        const key = [a.form, ...rest].join(' ');
        const head = a.clitics ? `${a.clitics}+ ${key}` : key;
        const refs = index.lookup(key) ?? [];
        for (const r of refs) {
          const e = index.entry(r.entry);
          writeOut(`${head}\t${e.type}\t${e.arabic}\t${e.en}\t${e.subtype}\t${e.source}${r.ambiguous ? '\tambiguous: needs context' : ''}\n`);
          found++;
        }
        const longer = index.maxPhraseTokens(a.form);
        if (longer > 1 && rest.length === 0) writeOut(`${head}\tstarts lexicon phrases of up to ${longer} words\n`);
        const forms = new Set([key, key.startsWith('ال') && key.length > 3 ? key.slice(2) : key]);
        const kinds = new Set([...forms].flatMap((f) => index.kindsOf(f)));
        for (const kind of kinds) {
          writeOut(`${head}\t${kind}\t${KIND_RULES[kind] ?? ''}\n`);
          found++;
        }
      }
      if (!found) writeOut('no lexicon entry or rule word matches\n');
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
      const index = loadLexiconIndex(opts.lexicon);
      const seen = new Set<string>();
      let out = '';
      for (let i = 0; i < index.entryCount; i++) {
        const e = index.entry(i);
        for (const s of e.surfaces) {
          // '?' needs context, '~' is descriptive (tagged only with --descriptive-orgs).
          const amb = s.startsWith('?') || s.startsWith('~');
          if (amb && !opts.withAmbiguous) continue;
          const text = amb ? s.slice(1) : s;
          const line = `${e.type}\t${opts.normalized ? phraseKey(text) : text}`;
          if (seen.has(line)) continue;
          seen.add(line);
          out += line + '\n';
        }
      }
      writeOut(out);
    });
  for (const c of lex.commands) c.exitOverride();
  lex.exitOverride();
}
