import { describe, expect, test } from '@jest/globals';
import { WordStore, makeTokenView } from '../../src/recognize/features.js';
import { tokenize } from '../../src/text/tokenize.js';
import { loadLexiconIndex } from '../../src/lexicon/load.js';

const index = loadLexiconIndex();

function view(text: string, store = new WordStore()) {
  const doc = store.table.beginDocument();
  return makeTokenView(tokenize(text, store.table), index, store, doc);
}

describe('TokenView over word ids', () => {
  test('view.analyses[i] (kept for rule code) is view.words[i].analyses', () => {
    const v = view('وللجيش بالرئيس فلاديمير');
    expect(v.analyses.map((a) => a.map((x) => x.form))).toEqual(v.words.map((w) => w.analyses.map((x) => x.form)));
    expect(v.analyses[0].map((a) => a.form)).toEqual(['وللجيش', 'للجيش', 'الجيش', 'لجيش']);
  });

  test('the column reads agree with the word facts', () => {
    const v = view('قال الرئيس فلاديمير بوتين في موسكو');
    v.words.forEach((w, i) => {
      expect(v.has(i, 0xffffffff)).toBe(w.kinds !== 0);
      expect(v.maxPhraseAt(i)).toBe(w.maxPhrase);
      expect(v.isInner(i)).toBe(w.innerWord);
      expect(v.isKnownSurname(i)).toBe(index.isKnownSurname(v.tokens[i].text));
    });
  });

  test('name starts are marked for the words with that analysis, in this document only', () => {
    const store = new WordStore();
    const first = view('وبوتين بوتين لبوتين كريم', store);
    first.markNameStarts(['بوتين']);
    expect(first.tokens.map((_, i) => first.startsName(i))).toEqual([true, true, true, false]);
    const next = view('وبوتين كريم', store);
    expect(next.startsName(0)).toBe(false);
  });
});
