#!/usr/bin/env node
// Accuracy benchmark: per-type precision/recall/F1 on a CoNLL corpus (default: the shared
// ANERcorp dev portion) and on the seed article, plus precision per rule, so a rule change
// can be judged by what it adds and what it breaks.
//   node bench/accuracy.mjs [GOLD.conll]
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { extract } = await import(join(root, 'dist/src/index.js'));
const { parseConll, conllToText, entitiesToTags, spansFromBio, scoreSpans } = await import(join(root, 'dist/src/eval/conll.js'));

const goldPath = process.argv[2] ?? join(root, '..', 'shared', 'corpora', 'anercorp', 'dev.conll');
const table = (title, s) => {
  console.log(`\n${title}`);
  console.log('type   precision  recall     F1   gold  predicted');
  for (const t of ['PER', 'LOC', 'ORG', 'ALL']) {
    const x = s[t];
    console.log(`${(t === 'ALL' ? 'micro' : t).padEnd(6)} ${x.p.toFixed(2).padStart(9)} ${x.r.toFixed(2).padStart(7)} ${x.f1.toFixed(2).padStart(6)} ${String(x.gold).padStart(6)} ${String(x.pred).padStart(10)}`);
  }
};

if (existsSync(goldPath)) {
  const conll = conllToText(parseConll(readFileSync(goldPath, 'utf8')));
  const t0 = performance.now();
  const doc = extract(conll.text, { language: 'arb' });
  const ms = performance.now() - t0;
  const gold = spansFromBio(conll.tags);
  table(`${goldPath} (${conll.spans.length} tokens, extraction ${ms.toFixed(0)} ms)`, scoreSpans(gold, spansFromBio(entitiesToTags(doc.entities, conll.spans))));
  // Precision per rule: a mention is right when its token span and type match a gold span.
  const goldKeys = new Set(gold.map((g) => `${g.type}:${g.start}:${g.end}`));
  const perRule = new Map();
  for (const e of doc.entities) {
    const tags = entitiesToTags([e], conll.spans);
    const [span] = spansFromBio(tags);
    const key = span ? `${span.type}:${span.start}:${span.end}` : '';
    const rule = `${e.type} ${e.rule.replace(/ \(.*\)/, '')}`;
    const r = perRule.get(rule) ?? { n: 0, ok: 0 };
    r.n++;
    if (goldKeys.has(key)) r.ok++;
    perRule.set(rule, r);
  }
  console.log('\nrule                              mentions  correct  precision');
  for (const [rule, r] of [...perRule].sort((a, b) => b[1].n - a[1].n)) console.log(`${rule.padEnd(34)} ${String(r.n).padStart(8)} ${String(r.ok).padStart(8)} ${((100 * r.ok) / r.n).toFixed(1).padStart(9)}`);
} else {
  console.log(`(no corpus at ${goldPath}; give a CoNLL file as the first argument)`);
}

const seedText = readFileSync(join(root, 'fixtures/news-soleimani-moscow.txt'), 'utf8');
const seedGold = JSON.parse(readFileSync(join(root, 'fixtures/gold/news-soleimani-moscow.gold.json'), 'utf8')).entities;
const seedPred = extract(seedText).entities.map((e) => ({ type: e.type, start: e.start, end: e.end }));
table('seed article (exact character spans)', scoreSpans(seedGold, seedPred));
