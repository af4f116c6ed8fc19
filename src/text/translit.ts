/**
 * Romanisation of Arabic names, as data (character maps) applied by one small mapper,
 * in the manner of CAMeL Tools' transliteration.
 *
 * Two schemes:
 * - `readable` (the default, used by `--translit`): a simplified ALA-LC-like spelling
 *   without dots or macrons, meant to be read by people, e.g. سليماني -> Slimani,
 *   جيش الشام -> Jish al-Sham, نهرين نت -> Nhrin Nt. Unvowelled Arabic does not write
 *   short vowels, so neither does this (it writes the ones that diacritics give).
 * - `buckwalter`: Tim Buckwalter's one-to-one ASCII transliteration, reversible, meant
 *   for machines (سليماني -> slymAny).
 *
 * The readable scheme, letter by letter:
 *   ا آ ٱ -> a   أ -> a (word start) or ' (elsewhere)   إ -> i (word start) or '
 *   ب b  ت t  ث th  ج j  ح h  خ kh  د d  ذ dh  ر r  ز z  س s  ش sh  ص s  ض d  ط t  ظ z
 *   ع '  غ gh  ف f  ق q  ك k  ل l  م m  ن n  ه h  ء ؤ ئ '  ة a  ى a
 *   و -> w at the start of a word, next to a vowel letter or before ا; u elsewhere
 *   ي -> y at the start of a word, next to a vowel letter or before ا; i elsewhere
 *   ال at the start of a word -> al- (the first word of a name is capitalised: Al-Quds)
 *   diacritics: fatha a, kasra i, damma u, tanwin an/in/un, shadda doubles, sukun nothing
 *   Persian letters: پ p  چ ch  ژ zh  گ g  ک k  ی as ي
 * Each word is capitalised; anything that is not Arabic is copied as it is.
 */

export type TranslitScheme = 'readable' | 'buckwalter';

const CONSONANTS: Record<string, string> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: "'", غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n',
  ه: 'h', ء: "'", ؤ: "'", ئ: "'", ة: 'a', ى: 'a', ا: 'a', آ: 'a', ٱ: 'a',
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
};

const DIACRITICS: Record<string, string> = {
  '\u064E': 'a', '\u0650': 'i', '\u064F': 'u', '\u064B': 'an', '\u064D': 'in', '\u064C': 'un', '\u0652': '', '\u0670': 'a',
};
const SHADDA = '\u0651';
const TATWEEL = '\u0640';
const VOWEL_LETTERS = new Set(['ا', 'آ', 'أ', 'إ', 'ى', 'ٱ']);

/** Buckwalter's table (with the usual extensions for ٱ and Persian letters). */
const BUCKWALTER: Record<string, string> = {
  ء: "'", آ: '|', أ: '>', ؤ: '&', إ: '<', ئ: '}', ا: 'A', ب: 'b', ة: 'p', ت: 't', ث: 'v', ج: 'j', ح: 'H',
  خ: 'x', د: 'd', ذ: '*', ر: 'r', ز: 'z', س: 's', ش: '$', ص: 'S', ض: 'D', ط: 'T', ظ: 'Z', ع: 'E', غ: 'g',
  ـ: '_', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w', ى: 'Y', ي: 'y',
  '\u064B': 'F', '\u064C': 'N', '\u064D': 'K', '\u064E': 'a', '\u064F': 'u', '\u0650': 'i', '\u0651': '~', '\u0652': 'o',
  '\u0670': '`', ٱ: '{', پ: 'P', چ: 'J', ژ: 'R', گ: 'G', ک: 'k', ی: 'y',
};

export function transliterate(text: string, scheme: TranslitScheme = 'readable'): string {
  if (scheme === 'buckwalter') return [...text].map((c) => BUCKWALTER[c] ?? c).join('');
  let first = true;
  return text.replace(/[\p{Script=Arabic}\p{M}\u0640]+/gu, (word) => {
    const out = readableWord(word, first);
    first = false;
    return out;
  });
}

function isArabicLetter(c: string | undefined): boolean {
  return c !== undefined && /[\u0621-\u064A\u0671-\u06D3]/.test(c);
}

function readableWord(word: string, firstWord: boolean): string {
  const chars = [...word].filter((c) => c !== TATWEEL);
  let out = '';
  let i = 0;
  let article = false;
  if (chars.length > 3 && (chars[0] === 'ا' || chars[0] === 'ٱ') && chars[1] === 'ل') {
    article = true;
    i = 2;
  }
  /** The next Arabic letter at or after k (diacritics skipped). */
  const letterFrom = (k: number): string | undefined => {
    while (k < chars.length && !isArabicLetter(chars[k])) k++;
    return chars[k];
  };
  for (; i < chars.length; i++) {
    const c = chars[i];
    const atStart = out === '';
    if (c in DIACRITICS) {
      out += DIACRITICS[c];
      continue;
    }
    if (c === SHADDA) {
      // double the last consonant, before any vowel a diacritic already wrote
      out = out.replace(/(sh|th|kh|gh|dh|zh|ch|[b-df-hj-np-tv-z'])([aiu]*)$/, '$1$1$2');
      continue;
    }
    if (c === 'و' || c === 'ي' || c === 'ی') {
      const prevOut = out.slice(-1);
      const next = chars[i + 1];
      const nextLetter = letterFrom(i + 1);
      const diacriticNext = next !== undefined && next in DIACRITICS && DIACRITICS[next] !== '';
      const consonantal = atStart || /[aiu]/.test(prevOut) || nextLetter === 'ا' || diacriticNext || VOWEL_LETTERS.has(nextLetter ?? '');
      out += consonantal ? (c === 'و' ? 'w' : 'y') : c === 'و' ? 'u' : 'i';
      continue;
    }
    if (c === 'أ') {
      out += atStart ? 'a' : "'";
      continue;
    }
    if (c === 'إ') {
      out += atStart ? 'i' : "'";
      continue;
    }
    out += CONSONANTS[c] ?? c;
  }
  out = out.replace(/''+/g, "'");
  const cap = (s: string): string => {
    const k = s.search(/[a-z]/);
    return k < 0 ? s : s.slice(0, k) + s[k].toUpperCase() + s.slice(k + 1);
  };
  if (article) return (firstWord ? 'Al-' : 'al-') + cap(out);
  return cap(out);
}
