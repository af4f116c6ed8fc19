import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { ALL_STEPS, normalize, normalizeWithMap, parseSteps, toSourceSpan, type NormalizeStep } from '../../src/text/normalize.js';

const only = (s: string, step: NormalizeStep): string => normalize(s, [step]);

describe('normalisation steps', () => {
  test('alef variants fold to bare alef', () => {
    expect(only('أإآٱ', 'alef')).toBe('اااا');
    expect(normalize('إسرائيل')).toBe('اسراييل');
  });
  test('alef maqsura and Persian yeh fold to yaa', () => {
    expect(only('مصطفى', 'yaa')).toBe('مصطفي');
    expect(only('ایران', 'yaa')).toBe('ايران');
  });
  test('taa marbuta folds to haa', () => {
    expect(only('سورية', 'taa')).toBe('سوريه');
  });
  test('hamza carriers fold to their letter', () => {
    expect(only('مؤتمر', 'hamza')).toBe('موتمر');
    expect(only('الخامنئي', 'hamza')).toBe('الخامنيي');
  });
  test('harakat, tanween, shadda, sukun, dagger alef and Quranic marks are removed', () => {
    expect(only('مُحَمَّدٌ', 'diacritics')).toBe('محمد');
    expect(only('هٰذا', 'diacritics')).toBe('هذا');
    expect(only('الرَّحْمٰنِ ۚ', 'diacritics')).toBe('الرحمن ');
  });
  test('the Quranic small waw and small yeh (U+06E5, U+06E6) are removed with the other marks', () => {
    expect(only('لهۥ', 'diacritics')).toBe('له');
    expect(normalize('إِنَّهُۥ')).toBe('انه');
    expect(normalize('يُحْىِۦ')).toBe('يحي');
    const input = 'لهۥ كتاب';
    const norm = normalizeWithMap(input);
    const span = toSourceSpan(norm, input, 0, 2);
    expect(input.slice(span.start16, span.end16)).toBe('لهۥ');
  });
  test('tatweel is removed', () => {
    expect(only('بـاسم', 'tatweel')).toBe('باسم');
  });
  // Uthmani script writes a hamza on a tatweel (U+0640, marks, U+0654): removing the tatweel
  // and the mark lost a letter (تسـٔلوا gave تسلوا).
  test('a hamza on a tatweel is a letter: ئ (then ي), or آ (then ا) when a fatha leads to an alef', () => {
    expect(normalize('تسـٔلوا')).toBe('تسيلوا');
    expect(normalize('شيـٔا')).toBe('شييا');
    expect(normalize('شَيْـًٔا')).toBe(normalize('شيئا')); // the alef after tanween is its seat
    expect(normalize('تَسْـَٔلُوا')).toBe('تسيلوا');
    expect(normalize('ٱلْـَٔاخِرَةِ')).toBe(normalize('الآخرة'));
    expect(normalize('مَـَٔابٍ')).toBe(normalize('مآب'));
    expect(only('تسـٔلوا', 'tatweel')).toBe('تسئلوا');
    expect(normalize('تسـٔلوا', ['tatweel', 'diacritics'])).toBe('تسئلوا');
    expect(normalize('مَـَٔابٍ', ['tatweel', 'diacritics'])).toBe('مآب');
    // Without the tatweel step nothing is joined: the mark alone goes with the diacritics.
    expect(normalize('تسـٔلوا', ['diacritics'])).toBe('تسـلوا');
    expect(normalize('بـاسم')).toBe('باسم');
  });
  test('the hamza-on-tatweel letter maps back to the tatweel and its marks', () => {
    for (const [input, word] of [
      ['قال لا تَسْـَٔلُوا عنه', 'تسيلوا'],
      ['في ٱلْـَٔاخِرَةِ هنا', 'الاخره'],
      ['شَيْـًٔا', 'شييا'],
    ]) {
      const norm = normalizeWithMap(input);
      const i = norm.text.indexOf(word);
      expect(i).toBeGreaterThanOrEqual(0);
      const span = toSourceSpan(norm, input, i, i + word.length);
      expect(normalize(input.slice(span.start16, span.end16))).toBe(word);
      expect(input.slice(span.start16, span.end16)).toBe(input.split(' ').find((w) => normalize(w) === word));
    }
  });
  test('presentation forms map to base letters, then to the other steps', () => {
    expect(only('ﻻ', 'presentation')).toBe('لا');
    expect(normalize('ﺃﺣﻤﺪ')).toBe('احمد');
  });
  test('the basmala ligature ﷽ expands to its four words, all mapped to the one character', () => {
    expect(only('\uFDFD', 'presentation')).toBe('بسم الله الرحمن الرحيم');
    const input = 'قال ﷽ ثم';
    const norm = normalizeWithMap(input);
    expect(norm.text).toBe('قال بسم الله الرحمن الرحيم ثم');
    const at = input.indexOf('\uFDFD');
    for (const word of ['بسم', 'الله', 'الرحمن', 'الرحيم']) {
      const i = norm.text.indexOf(word);
      const span = toSourceSpan(norm, input, i, i + word.length);
      expect(span).toEqual({ start16: at, end16: at + 1, startCp: at, endCp: at + 1 });
    }
    const after = norm.text.indexOf('ثم');
    expect(input.slice(toSourceSpan(norm, input, after, after + 2).start16)).toBe('ثم');
  });
  test('Persian and Urdu letters', () => {
    expect(only('کرمانشاه', 'persian')).toBe('كرمانشاه');
    expect(only('پاکستان', 'persian')).toBe('باكستان');
  });
  test('Arabic-Indic and Persian digits become ASCII', () => {
    expect(only('٢٠١٥', 'digits')).toBe('2015');
    expect(only('۱۳۹۴', 'digits')).toBe('1394');
  });
  test('zero-width and bidi controls are removed', () => {
    expect(only('a\u200Bb\u200Fc\u202Bd\u2066e\uFEFF', 'controls')).toBe('abcde');
  });
  test('steps can be chosen and unknown steps are rejected', () => {
    expect(normalize('أَحمد', ['alef'])).toBe('اَحمد');
    expect(parseSteps('alef, yaa')).toEqual(['alef', 'yaa']);
    expect(() => parseSteps('alef,nope')).toThrow(/unknown normalisation step "nope"/);
  });
});

describe('offset map', () => {
  test('maps normalised spans back to the original, over removed marks', () => {
    const input = 'زار مُوسْكُو';
    const norm = normalizeWithMap(input);
    expect(norm.text).toBe('زار موسكو');
    const i = norm.text.indexOf('موسكو');
    const span = toSourceSpan(norm, input, i, i + 5);
    expect(input.slice(span.start16, span.end16)).toBe('مُوسْكُو');
    expect([...input].slice(span.startCp, span.endCp).join('')).toBe('مُوسْكُو');
  });
  test('code-point offsets stay right after astral characters', () => {
    const input = '😀 بغداد';
    const norm = normalizeWithMap(input);
    const i = norm.text.indexOf('بغداد');
    const span = toSourceSpan(norm, input, i, i + 5);
    expect(span.startCp).toBe(2);
    expect([...input].slice(span.startCp, span.endCp).join('')).toBe('بغداد');
  });
});

const arabicish = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةـ ًٌٍَُِّْٰ،؛؟«»ﻻﺃ٠١٢۳کیپ\u200B\u200F\u202B\u0654\u06E5\u06E6\uFDFD'.split('')),
    fc.constantFrom('ـٔ', 'ـَٔا', 'ـًٔا', 'ـٔا'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 80,
});

describe('properties', () => {
  test('normalisation is idempotent', () => {
    fc.assert(
      fc.property(arabicish, (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
      }),
    );
  });
  test('idempotent for every single step too', () => {
    fc.assert(
      fc.property(arabicish, fc.constantFrom(...ALL_STEPS), (s, step) => {
        const once = normalize(s, [step]);
        expect(normalize(once, [step])).toBe(once);
      }),
    );
  });
  test('the map is monotone and points inside the input', () => {
    fc.assert(
      fc.property(arabicish, (s) => {
        const n = normalizeWithMap(s);
        const cps = [...s].length;
        for (let k = 0; k < n.text.length; k++) {
          expect(n.toSourceCp[k]).toBeLessThan(cps);
          if (k > 0) expect(n.toSourceCp[k]).toBeGreaterThanOrEqual(n.toSourceCp[k - 1]);
        }
        expect(n.toSourceCp[n.text.length]).toBe(cps);
      }),
    );
  });
  test('every word of the normalised text slices back to source text that normalises to it', () => {
    fc.assert(
      fc.property(arabicish, (s) => {
        const n = normalizeWithMap(s);
        for (const m of n.text.matchAll(/[^ ]+/g)) {
          const span = toSourceSpan(n, s, m.index, m.index + m[0].length);
          const back = s.slice(span.start16, span.end16);
          expect([...s].slice(span.startCp, span.endCp).join('')).toBe(back);
          // A word inside an expansion (﷽) slices back to the whole character.
          expect(normalize(back)).toContain(m[0]);
        }
      }),
    );
  });
});
