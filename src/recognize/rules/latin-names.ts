/**
 * Names written in Latin script inside Arabic text (company, channel, agency, school and
 * product names): Arabic text gives no capital letters, but a Latin run does, and its
 * neighbours say what it is.
 *
 *  - latin-gloss:   a Latin run in brackets right after a mention repeats that mention in
 *                   the original language (جامعة آستون (Aston University), ألبرت أينشتاين
 *                   (Albert Einstein)): it takes the mention's type.
 *  - latin-keyword: a capitalised Latin run holding an English organisation word (University,
 *                   Institute, Group, Airlines ...) is an organisation.
 * Well-known Latin names (BBC, CNN) are lexicon variants and need no rule.
 */
import type { Candidate } from '../types.js';
import { push, type Scan } from './facts.js';

const LATIN_START = /^[A-Za-z\u00C0-\u024F]/;
const CAPITALISED = /^[A-Z\u00C0-\u00DE]/;

/** Lower-case words that may sit inside a Latin name (Free University of Berlin, El Telegramma del Rif). */
const INNER_LOWER = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'des', 'du', 'la', 'le', 'di', 'da', 'von', 'van', 'y', 'et', 'al', 'el']);

/** English (and a few French/Spanish) words that only organisation names hold. */
const ORG_WORDS = new Set([
  'University', 'Universität', 'Université', 'Universidad', 'College', 'Institute', 'Institut', 'School', 'Academy', 'Group', 'Holding', 'Holdings',
  'Technologies', 'Inc', 'Corp', 'Corporation', 'Ltd', 'Limited', 'LLC', 'PLC', 'GmbH', 'AG', 'SA', 'Company', 'Co', 'Bank', 'Banque',
  'Association', 'Agency', 'Foundation', 'Fondation', 'Council', 'Committee', 'Organization', 'Organisation', 'Federation', 'Union', 'Society',
  'Airlines', 'Airways', 'Motors', 'Petroleum', 'News', 'Times', 'Post', 'Press', 'Telegraph', 'Herald', 'Tribune', 'Journal', 'Gazette',
  'Network', 'Media', 'Systems', 'Solutions', 'Industries', 'Enterprises', 'Partners', 'Capital', 'Investments', 'Consulting', 'Laboratories',
  'Labs', 'Club', 'FC', 'Ministry', 'Party', 'Movement', 'Front', 'Army', 'Forces', 'Church', 'Museum', 'Centre', 'Center', 'Hospital', 'Hotel',
  'Hotels', 'Records', 'Pictures', 'Studios', 'Broadcasting', 'Television', 'Radio', 'Magazine',
]);

function isLatin(t: string): boolean {
  // Arabic letters (and digits) are most tokens: one code-unit test rules them out.
  const c = t.charCodeAt(0);
  return c < 0x0250 && c >= 0x41 && LATIN_START.test(t);
}

/** Where the Latin run starting at a ends: adjacent Latin words, lower-case ones only inside. */
function runEnd(s: Scan, a: number): number {
  const { tokens, n } = s;
  let b = a + 1;
  while (b < n && !tokens[b].breakBefore && (isLatin(tokens[b].text) || /^[0-9]+$/.test(tokens[b].text))) b++;
  // A run does not end on a linking word (Institute of).
  while (b - 1 > a && INNER_LOWER.has(tokens[b - 1].text)) b--;
  return b;
}

/** The mention (lexicon or rule) that ends right before token a, if any. */
function mentionBefore(s: Scan, a: number): Candidate | undefined {
  let best: Candidate | undefined;
  const better = (c: Candidate): void => {
    if (c.last === a && !c.ambiguous && (!best || c.last - c.first > best.last - best.first)) best = c;
  };
  for (const c of s.lexCands) better(c);
  for (const c of s.out) better(c);
  return best;
}

export function latinNameRules(s: Scan, text: string | undefined): void {
  const { view, tokens, n, starts } = s;
  for (let a = 0; a < n; a++) {
    const t = tokens[a].text;
    if (!isLatin(t)) continue;
    const b = runEnd(s, a);
    const first = a;
    a = b - 1;
    if (!CAPITALISED.test(t)) continue;
    // Every word of the run is capitalised or an inner linking word (not a Latin sentence).
    let names = true;
    for (let k = first; k < b; k++) {
      const w = tokens[k].text;
      if (!CAPITALISED.test(w) && !INNER_LOWER.has(w) && !/^[0-9]+$/.test(w)) names = false;
    }
    if (!names) continue;
    const known = starts.get(first);
    if (known && known.last >= b) continue;
    const gap = first > 0 && text !== undefined ? text.slice(tokens[first - 1].end, tokens[first].start) : '';
    const before = first > 0 ? mentionBefore(s, first) : undefined;
    if (before && gap.includes('(')) {
      push(s.out, view, first, b, 0, before.type, 'latin-gloss');
      continue;
    }
    // (A Latin run right after شركة، قناة، شبكة was measured at 0 of 1 on ANERcorp dev and is
    // not a rule: شبكة XM الإذاعية is untagged there.)
    let orgWord = false;
    for (let k = first; k < b; k++) if (ORG_WORDS.has(tokens[k].text)) orgWord = true;
    if (orgWord && b - first >= 2) push(s.out, view, first, b, 0, 'ORG', 'latin-keyword');
  }
}
