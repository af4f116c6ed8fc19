/**
 * Language check: franc on a sample of the text, plus the share of Arabic-script letters
 * (franc alone confuses short Arabic with Persian or Urdu).
 *
 * franc takes ~45 ms to load and clearly Arabic text never needs it, so it is loaded only
 * when a text does: asynchronously by the CLI (loadLanguageDetector), or synchronously by
 * the library's detectLanguage() (require of an ES module, Node >= 20.19).
 */
import { createRequire } from 'node:module';

type Franc = (typeof import('franc'))['franc'];
let franc: Franc | undefined;

/** detectLanguageIfLoaded() needs franc and it is not loaded yet: await loadLanguageDetector() and retry. */
export class DetectorNotLoaded extends Error {
  constructor() {
    super('the language detector (franc) is not loaded');
  }
}

export async function loadLanguageDetector(): Promise<void> {
  franc ??= (await import('franc')).franc;
}

function loadSync(): Franc {
  try {
    return (franc ??= (createRequire(import.meta.url)('franc') as typeof import('franc')).franc);
  } catch (e) {
    throw new Error(`cannot load the language detector synchronously (${(e as Error).message}); await loadLanguageDetector() first`);
  }
}

const SAMPLE = 4000;

export interface LanguageInfo {
  /** ISO 639-3 code from franc ('arb' for Arabic), or 'und'. */
  code: string;
  /** Share of letters in the sample that are Arabic script (0..1). */
  arabicShare: number;
  /** True when the text looks like Arabic (or is too short to tell). */
  isArabic: boolean;
}

/** Letters of Persian, Urdu and other languages written in Arabic script, not of Arabic. */
const NON_ARABIC_LETTERS = new Set([0x067e, 0x0686, 0x0698, 0x06af, 0x06a9, 0x06cc, 0x0679, 0x0688, 0x0691, 0x06ba, 0x06d2, 0x06be, 0x06c1, 0x06d5]);
const LETTER_RE = /\p{L}/u;
const ARABIC_SCRIPT_RE = /\p{Script=Arabic}/u;

export function detectLanguage(text: string): LanguageInfo {
  return detect(text, loadSync);
}

/** detectLanguage without loading anything: throws DetectorNotLoaded when the text needs franc first. */
export function detectLanguageIfLoaded(text: string): LanguageInfo {
  return detect(text, () => {
    if (!franc) throw new DetectorNotLoaded();
    return franc;
  });
}

/** Format controls: bidi marks, embeddings and isolates, zero-width (non-)joiners and spaces, BOM, soft hyphen. */
const FORMAT_CONTROLS = /\p{Cf}/gu;

function detect(text: string, detector: () => Franc): LanguageInfo {
  // Controls say nothing about the language, but franc counts them in its trigrams: short
  // Arabic with an RLM or ZWNJ beside every space came out as Dari or Persian.
  const sample = (text.length > SAMPLE ? text.slice(0, SAMPLE) : text).replace(FORMAT_CONTROLS, '');
  let letters = 0;
  let arabic = 0;
  let nonArabicLetters = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    // Fast paths for the common ranges; the regexes only for the rest.
    if (c >= 0x0621 && c <= 0x064a) {
      letters++;
      arabic++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      letters++;
    } else if (c > 0x7f && c !== 0x640) {
      const ch = sample[i];
      if (LETTER_RE.test(ch)) {
        letters++;
        if (ARABIC_SCRIPT_RE.test(ch)) arabic++;
        if (NON_ARABIC_LETTERS.has(c)) nonArabicLetters++;
      }
    }
  }
  const arabicShare = letters ? arabic / letters : 0;
  if (letters < 20) return { code: letters && arabicShare > 0.5 ? 'arb' : 'und', arabicShare, isArabic: letters === 0 || arabicShare > 0.5 };
  // Clearly Arabic (Arabic script, none of the Persian/Urdu letters): no need to ask franc.
  if (arabicShare > 0.8 && nonArabicLetters === 0) return { code: 'arb', arabicShare, isArabic: true };
  const code = detector()(sample, { minLength: 10 });
  // Arabic-script text that franc calls Persian/Urdu is not Arabic; Latin text is not either.
  const isArabic = arabicShare > 0.5 && !['pes', 'urd', 'prs', 'pbu', 'uig', 'snd', 'ckb', 'kmr'].includes(code);
  return { code: isArabic && code === 'und' ? 'arb' : code, arabicShare, isArabic };
}
