/**
 * Lexicon matching: at every token, for every proclitic analysis, the longest phrase of
 * the lexicon that starts there (multi-token, no punctuation inside).
 */
import { KIND, type TokenView } from './features.js';
import { candidate, type Candidate, type RecognizeOptions } from './types.js';

export function matchLexicon(view: TokenView, opts: RecognizeOptions = {}): Candidate[] {
  const { tokens, words, index } = view;
  const descriptive = Boolean(opts.descriptiveOrgs);
  const out: Candidate[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    // Most words start no lexicon phrase: one read decides. Of those that do, most are no
    // name alone and are not followed by a word that occurs inside a phrase: two more reads.
    const maxPhrase = view.maxPhraseAt(i);
    if (maxPhrase === 0) continue;
    if (!view.hasSingle(i) && !(maxPhrase > 1 && i + 1 < n && view.isInner(i + 1) && !tokens[i + 1].breakBefore)) continue;
    const w = words[i];
    let best: Candidate | undefined;
    const { analyses, phraseMax } = w;
    for (let ai = 0; ai < analyses.length; ai++) {
      const a = analyses[ai];
      const max = phraseMax[ai];
      if (max === 0) continue;
      // A longer phrase needs the next token to follow this form in some phrase, and goes on
      // only over adjacent tokens that occur inside some phrase: most keys are never built.
      let limit = 1;
      // (A word that follows another in a phrase is inside it: view.isInner() rules most out with one read.)
      if (max > 1 && i + 1 < n && view.isInner(i + 1) && !tokens[i + 1].breakBefore && w.nextWords[ai]?.has(tokens[i + 1].text)) {
        limit = 2;
        while (limit < max && i + limit < n && view.isInner(i + limit) && !tokens[i + limit].breakBefore) limit++;
      }
      for (let len = limit; len >= 1; len--) {
        if (best && len <= best.last - best.first) break;
        let ref;
        if (len === 1) ref = descriptive ? w.singleDescriptive[ai] : w.single[ai];
        else {
          let key = a.form;
          for (let k = 1; k < len; k++) key += ' ' + tokens[i + k].text;
          ref = index.bestRef(key, descriptive);
        }
        if (!ref) continue;
        // كتبت = ك+تبت, بليون = ب+ليون, كريم ماجد = ك+ريم ماجد: a clitic reading of a common
        // word or of a given name needs context.
        const ambiguous = ref.ambiguous || (a.skip > 0 && ((len === 1 && view.isStop(i)) || view.isExact(i, KIND.male | KIND.female)));
        const rule = a.clitics ? `lexicon (${a.clitics}+)` : 'lexicon';
        best = candidate(i, i + len, tokens[i].start + a.skip, tokens[i + len - 1].end, index.entryType(ref.entry), 'lexicon', ref.entry, ambiguous, rule, a.form);
        break;
      }
    }
    if (best) out.push(best);
  }
  return out;
}
