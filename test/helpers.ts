import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreSpans, type Scores, type Span } from '../src/eval/conll.js';
import type { Entity } from '../src/model.js';

export const ROOT = join(import.meta.dirname, '..');
export const SEED = join(ROOT, 'fixtures', 'news-soleimani-moscow.txt');
export const SEED_GOLD = join(ROOT, 'fixtures', 'gold', 'news-soleimani-moscow.gold.json');

export function seedText(): string {
  return readFileSync(SEED, 'utf8');
}

export function seedGold(): Span[] {
  const doc = JSON.parse(readFileSync(SEED_GOLD, 'utf8')) as { entities: Span[] };
  return doc.entities.map((e) => ({ type: e.type, start: e.start, end: e.end }));
}

export function scoreAgainstSeed(entities: Entity[]): Scores {
  return scoreSpans(seedGold(), entities.map((e) => ({ type: e.type, start: e.start, end: e.end })));
}
