/**
 * The lexicon tools behind `kiyan lexicon check | lookup | export`, as library functions
 * returning data (the CLI only prints it): validate lexicon files, explain what matches a
 * word, list every surface form.
 */
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lexiconFiles, readLexiconFile } from './files.js';
import { compileLexicon, phraseKey } from './compile.js';
import { loadLexiconIndex, packageRoot } from './load.js';
import type { EntityType } from '../model.js';
import { type Diagnostic, type ParsedSource } from './schema.js';
import { UserError } from '../io/errors.js';
import { normalize } from '../text/normalize.js';
import { procliticAnalyses } from '../text/clitics.js';

export interface LexiconCheck {
  /** The files read (folders expanded to their .tsv files). */
  files: string[];
  entries: number;
  surfaceForms: number;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

/**
 * Validates lexicon files or folders (default: the lexicons shipped with kiyan): malformed
 * lines, duplicates, conflicting types. Diagnostics name files relative to `cwd`.
 */
export function checkLexicons(paths: string[] = [], cwd = process.cwd()): LexiconCheck {
  const files = (paths.length ? paths : [join(packageRoot(), 'lexicons')]).flatMap((p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or folder`);
    }
    return st.isDirectory() ? lexiconFiles(p) : [p];
  });
  const root = packageRoot();
  const sources: ParsedSource[] = files.map((p) => readLexiconFile(p, relative(cwd, p) || relative(root, p)));
  const { lexicon, diagnostics } = compileLexicon(sources);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { files, entries: lexicon.entries.length, surfaceForms: Object.keys(lexicon.forms).length, diagnostics, errors, warnings: diagnostics.length - errors };
}

/** What each word kind does, for lookup's explanations. */
export const WORD_KIND_RULES: Record<string, string> = {
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
  'name-connector': 'name connector (بن، ابن، بنت، ابو، ام، آل): joins the next word to a person name',
  kunya: 'kunya (ابو، ام): starts a person name as a given name does',
  'compound-first': 'first half of a compound given name (عبد): starts a person name',
  'inner-connector': 'connector inside a name only (ولد)',
  'name-particle': 'name particle (دي، فان، فون): continues a name before a plain word',
  'name-link': 'name link (بن، عبد، ابو، الله): a bare family name right after it is part of a longer name',
  ordinal: 'regnal number (الأول، الثاني): ends a ruler\'s name',
  'school-head': 'school head (جامعة، معهد، كلية): with a foreign proper name after it, an organisation (rule org-head-school)',
  'company-head': 'company head (شركة): at build time a company name is also matched without it when one word follows',
  'match-word': 'sports word only sports reporting uses (مباراة، لاعب): makes a passage about a match (rule sport-passage)',
  'foreign-given': 'given name of the non-Arab world: any plain word after it may be the family name',
  'name-word': 'imported person-name word: evidence in the person rules, never tagged alone',
  'name-word-weak': 'imported name word that is also a common word: evidence only next to other evidence',
  'speech-report': 'speech report (قوله، قولها): the name right before it, after عن or إلى, is a person (rule speech-report)',
};

/** One thing that matches a looked-up phrase under one clitic analysis (`head`: "clitics+ key" or the key). */
export type LookupMatch =
  | { head: string; kind: 'entry'; type: EntityType; arabic: string; en: string; subtype: string; source: string; ambiguous: boolean }
  | { head: string; kind: 'phrase-start'; longest: number }
  | { head: string; kind: 'word'; wordKind: string; rule: string };

export interface LookupResult {
  input: string;
  normalized: string;
  matches: LookupMatch[];
}

/** Every lexicon entry and rule word that would match a word or phrase, after normalisation and clitic splitting. */
export function lookupLexicon(phrase: string, lexicons: string[] = []): LookupResult {
  const index = loadLexiconIndex(lexicons);
  const norm = phraseKey(phrase);
  const matches: LookupMatch[] = [];
  const [first, ...rest] = norm.split(' ');
  for (const a of procliticAnalyses(first ?? '')) {
    const key = [a.form, ...rest].join(' ');
    const head = a.clitics ? `${a.clitics}+ ${key}` : key;
    for (const r of index.lookup(key) ?? []) {
      const e = index.entry(r.entry);
      matches.push({ head, kind: 'entry', type: e.type, arabic: e.arabic, en: e.en, subtype: e.subtype, source: e.source, ambiguous: Boolean(r.ambiguous) });
    }
    const longer = index.maxPhraseTokens(a.form);
    if (longer > 1 && rest.length === 0) matches.push({ head, kind: 'phrase-start', longest: longer });
    const forms = new Set([key, key.startsWith('ال') && key.length > 3 ? key.slice(2) : key]);
    const kinds = new Set([...forms].flatMap((f) => index.kindsOf(f)));
    for (const kind of kinds) matches.push({ head, kind: 'word', wordKind: kind, rule: WORD_KIND_RULES[kind] ?? '' });
  }
  return { input: phrase, normalized: normalize(phrase), matches };
}

export interface ExportOptions {
  /** The normalised lookup keys instead of the surfaces as written. */
  normalized?: boolean;
  /** Include surfaces that need context ('?') and descriptive ones ('~'). */
  withAmbiguous?: boolean;
  lexicons?: string[];
}

/** Every surface form as `TYPE<TAB>SURFACE` (deduplicated, in entry order). */
export function exportSurfaces(opts: ExportOptions = {}): string[] {
  const index = loadLexiconIndex(opts.lexicons ?? []);
  const seen = new Set<string>();
  const out: string[] = [];
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
      out.push(line);
    }
  }
  return out;
}
