#!/usr/bin/env node
/**
 * The peer of the throughput benchmark: wink-ner given kiyan's own lexicon.
 *
 *   node bench/peers/wink-ner.mjs LEXICON.tsv INPUT > out.jsonl
 *
 * LEXICON.tsv is `kiyan lexicon export --format tsv`; INPUT a folder or one file (see
 * units.mjs). This is wink-ner's fastest fair loop: text pre-split on whitespace (wink's own
 * tokenizer is for English and slower), every entry learnt once, one JSONL line per unit
 * with the entities it found. No normalisation, no clitics, no offsets: what it finds is
 * far less than kiyan finds; the point is the cost of a lexicon pass in plain JavaScript.
 */
import { createRequire } from 'node:module';
import { lineWriter, readLexicon, units } from './units.mjs';

const [lexiconPath, input] = process.argv.slice(2);
const winkNER = createRequire(import.meta.url)('wink-ner');
const ner = winkNER();
ner.learn(readLexicon(lexiconPath).map(([type, text]) => ({ text, entityType: type })));
const out = lineWriter();
let entities = 0;
for (const { source, text } of units(input)) {
  const tokens = text.split(/\s+/).filter(Boolean).map((value) => ({ value, tag: 'word' }));
  const found = ner.recognize(tokens).filter((t) => t.entityType);
  entities += found.length;
  out.write(JSON.stringify({ source, entities: found }) + '\n');
}
out.flush();
process.stderr.write(`${entities} entities\n`);
