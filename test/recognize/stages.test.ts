/**
 * The recogniser's stages take their inputs and return their outputs (pipeline.ts): none
 * changes what an earlier stage returned, and what a rule decides about a lexicon match
 * shows in what matchPatterns returns.
 */
import { describe, expect, test } from '@jest/globals';
import { loadLexiconIndex } from '../../src/lexicon/load.js';
import { WordStore, makeTokenView } from '../../src/recognize/features.js';
import { matchLexicon } from '../../src/recognize/lexicon-match.js';
import { isCommonWord, matchPatterns } from '../../src/recognize/patterns.js';
import { propagate, surfaceKey } from '../../src/recognize/propagate.js';
import { confirmAmbiguous, entityId, resolveOverlaps } from '../../src/recognize/resolve.js';
import { normalize } from '../../src/text/normalize.js';
import { tokenize } from '../../src/text/tokenize.js';

const index = loadLexiconIndex();

function stages(raw: string) {
  const text = normalize(raw);
  const store = new WordStore();
  const doc = store.table.beginDocument();
  const view = makeTokenView(tokenize(text, store.table), index, store, doc);
  const lexicon = matchLexicon(view);
  const lexiconBefore = structuredClone(lexicon);
  const patterns = matchPatterns(view, lexicon, {}, text);
  const usable = confirmAmbiguous([...patterns.lexicon, ...patterns.found], (c) => isCommonWord(view, c));
  const usableBefore = structuredClone(usable);
  const chosen = resolveOverlaps(usable, view.tokens.length);
  const chosenBefore = structuredClone(chosen);
  const ids = chosen.map((c) => entityId(c, index, surfaceKey(view, c), new Array<string>(index.entryCount).fill('')));
  const idsBefore = [...ids];
  const propagated = propagate(view, chosen, ids);
  return { view, lexicon, lexiconBefore, patterns, usable, usableBefore, chosen, chosenBefore, ids, idsBefore, propagated };
}

describe('recogniser stages', () => {
  // صور is Tyre and "pictures" (ambiguous in the lexicon): مدينة confirms it; الرئيس confirms
  // an ambiguous person; a known full name lends its id to the bare family name later.
  const text = 'زار الرئيس بشار الأسد مدينة صور امس. وقال الأسد ان قاسم سليماني وصل. واضاف سليماني ان الزيارة مهمة.';

  test('no stage changes what the stage before it returned', () => {
    const r = stages(text);
    expect(r.lexicon).toEqual(r.lexiconBefore);
    expect(r.usable).toEqual(r.usableBefore);
    expect(r.chosen).toEqual(r.chosenBefore);
    expect(r.ids).toEqual(r.idsBefore);
  });

  test('rule decisions about lexicon matches are in what matchPatterns returns, not in its input', () => {
    const r = stages(text);
    const tyreAt = r.lexicon.findIndex((c) => surfaceKey(r.view, c) === 'صور');
    expect(tyreAt).toBeGreaterThanOrEqual(0);
    expect(r.lexicon[tyreAt]).toMatchObject({ type: 'LOC', ambiguous: true });
    // The place head مدينة decided: a place, context found.
    expect(r.patterns.lexicon[tyreAt]).toMatchObject({ type: 'LOC', ambiguous: false });
    expect(r.patterns.lexicon).toHaveLength(r.lexicon.length);
  });

  test('propagation returns the mentions and ids, index for index: the bare family name takes the full name\'s id', () => {
    const r = stages(text);
    const { mentions, ids } = r.propagated;
    expect(mentions).toHaveLength(ids.length);
    const key = (i: number) => surfaceKey(r.view, mentions[i]);
    const full = mentions.findIndex((_, i) => key(i) === 'قاسم سليماني');
    const bare = mentions.findIndex((_, i) => key(i) === 'سليماني');
    expect(full).toBeGreaterThanOrEqual(0);
    expect(bare).toBeGreaterThanOrEqual(0);
    expect(ids[bare]).toBe(ids[full]);
  });
});
