/** `kiyan eval GOLD`: precision, recall and F1 of the real extraction against gold. */
import type { Command } from 'commander';
import { createRequire } from 'node:module';
import { createExtractor, conllToText, entitiesToTags, errorReport, parseConll, readTextInput, scoreSpans, spansFromBio, EVAL_TYPES, UserError, type Scores, type Span, type ErrorExample } from '../index.js';

/** cli-table3 (CommonJS), loaded only when the scores are printed as a table. */
const tableClass = (): typeof import('cli-table3') => createRequire(import.meta.url)('cli-table3') as typeof import('cli-table3');
import { warn, writeOut } from './output.js';

interface EvalOptions {
  format: string;
  errors?: string | boolean;
  text?: string;
  lexicon: string[];
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score extraction against gold: CoNLL (token TAG per line) or JSON spans with --text')
    .argument('<gold>', 'gold file: .conll, or .json with {"entities":[{start,end,type}]} plus --text')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('-e, --errors [n]', 'list the n most frequent false positives and misses (default 30)')
    .option('--text <file>', 'the plain text a JSON gold file annotates')
    .option('-l, --lexicon <file>', 'extra lexicon file (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .action((goldPath: string, opts: EvalOptions) => {
      if (!['table', 'json'].includes(opts.format)) throw new UserError(`unknown format "${opts.format}" (known: table, json)`);
      const extractor = createExtractor({ lexicons: opts.lexicon });
      const { text: goldText } = readTextInput(goldPath);
      let gold: Span[];
      let pred: Span[];
      let words: string[] = [];
      if (goldPath.endsWith('.json')) {
        if (!opts.text) throw new UserError('a JSON gold file needs --text FILE (the text it annotates)');
        let doc: { entities?: Array<{ start: number; end: number; type: string }> };
        try {
          doc = JSON.parse(goldText);
        } catch (e) {
          throw new UserError(`${goldPath}: not valid JSON (${(e as Error).message})`);
        }
        const { text } = readTextInput(opts.text);
        const ents = extractor.extract(text, { language: 'arb' }).entities;
        const norm = (t: string): string => (t.toUpperCase() === 'PERS' ? 'PER' : t.toUpperCase());
        const keep = (t: string): boolean => (EVAL_TYPES as readonly string[]).includes(norm(t));
        gold = (doc.entities ?? []).filter((e) => keep(e.type)).map((e) => ({ type: norm(e.type) as Span['type'], start: e.start, end: e.end }));
        pred = ents.filter((e) => keep(e.type)).map((e) => ({ type: e.type, start: e.start, end: e.end }));
        words = [...text];
      } else {
        let sents;
        try {
          sents = parseConll(goldText);
        } catch (e) {
          throw new UserError(`${goldPath}: ${(e as Error).message}`);
        }
        const conll = conllToText(sents);
        checkTags(goldPath, conll.tags);
        const ents = extractor.extract(conll.text, { language: 'arb' }).entities;
        gold = spansFromBio(conll.tags);
        pred = spansFromBio(entitiesToTags(ents, conll.spans));
        words = conll.words;
      }
      const scores = scoreSpans(gold, pred);
      const limit = opts.errors === undefined ? 0 : opts.errors === true ? 30 : Number(opts.errors);
      if (Number.isNaN(limit) || limit < 0) throw new UserError(`--errors expects a number, got "${opts.errors}"`);
      const errors = limit ? errorReport(gold, pred, words, limit, goldPath.endsWith('.json') ? '' : ' ') : [];
      if (opts.format === 'json') writeOut(JSON.stringify(limit ? { ...scores, errors } : scores, null, 2) + '\n');
      else writeOut(scoreTable(scores) + (limit ? errorTable(errors) : ''));
    });
}

/**
 * Tags that are not O, B-TYPE or I-TYPE count as O (as score.py counts them), but a gold file
 * where none is a BIO tag is not CoNLL at all (a text file, say), and would score as an
 * empty gold: that is a usage error, and a few stray tags are a warning.
 */
function checkTags(goldPath: string, tags: string[]): void {
  const isBio = (t: string): boolean => t === 'O' || /^[BI]-./.test(t);
  const bad = tags.filter((t) => !isBio(t));
  if (!bad.length) return;
  if (bad.length === tags.length) throw new UserError(`${goldPath}: no line ends in a BIO tag (O, B-TYPE, I-TYPE); is it a CoNLL file ("token TAG" per line)?`);
  warn(`${goldPath}: ${bad.length} of ${tags.length} tags are not O, B-TYPE or I-TYPE (first: "${bad[0].slice(0, 20)}"); they count as O, as in score.py`);
}

export function scoreTable(s: Scores): string {
  const Table = tableClass();
  const t = new Table({ head: ['type', 'precision', 'recall', 'F1', 'gold', 'predicted'], style: { head: [], border: [] } });
  for (const typ of [...EVAL_TYPES, 'ALL'] as const) {
    const x = s[typ];
    t.push([typ === 'ALL' ? 'micro' : typ, x.p.toFixed(2), x.r.toFixed(2), x.f1.toFixed(2), String(x.gold), String(x.pred)]);
  }
  return t.toString() + '\n';
}

function errorTable(errors: ErrorExample[]): string {
  const Table = tableClass();
  const t = new Table({ head: ['kind', 'type', 'count', 'text', 'context'], style: { head: [], border: [] } });
  for (const e of errors) t.push([e.kind, e.type, String(e.count), e.text, e.context]);
  return t.toString() + '\n';
}
