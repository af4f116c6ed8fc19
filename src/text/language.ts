/**
 * Language check: franc on a sample of the text, plus the share of Arabic-script letters
 * (franc alone confuses short Arabic with Persian or Urdu).
 */
import { franc } from 'franc';

const SAMPLE = 4000;

export interface LanguageInfo {
  /** ISO 639-3 code from franc ('arb' for Arabic), or 'und'. */
  code: string;
  /** Share of letters in the sample that are Arabic script (0..1). */
  arabicShare: number;
  /** True when the text looks like Arabic (or is too short to tell). */
  isArabic: boolean;
}

export function detectLanguage(text: string): LanguageInfo {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let letters = 0;
  let arabic = 0;
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/\p{Script=Arabic}/u.test(ch)) arabic++;
    }
  }
  const arabicShare = letters ? arabic / letters : 0;
  if (letters < 20) return { code: letters && arabicShare > 0.5 ? 'arb' : 'und', arabicShare, isArabic: letters === 0 || arabicShare > 0.5 };
  const code = franc(sample, { minLength: 10 });
  // Arabic-script text that franc calls Persian/Urdu is not Arabic; Latin text is not either.
  const isArabic = arabicShare > 0.5 && !['pes', 'urd', 'prs', 'pbu', 'uig', 'snd', 'ckb', 'kmr'].includes(code);
  return { code: isArabic && code === 'und' ? 'arb' : code, arabicShare, isArabic };
}
