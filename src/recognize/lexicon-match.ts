/**
 * Lexicon matching: at every token, for every proclitic analysis, the longest phrase of
 * the lexicon that starts there (multi-token, no punctuation inside).
 */
import type { TokenView } from './features.js';
import type { Candidate, RecognizeOptions } from './types.js';

export function matchLexicon(view: TokenView, opts: RecognizeOptions = {}): Candidate[] {
  const { tokens, analyses, index } = view;
  const out: Candidate[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    let best: Candidate | undefined;
    const maxes = view.phraseMax(i);
    for (let ai = 0; ai < analyses[i].length; ai++) {
      const a = analyses[i][ai];
      const max = maxes[ai];
      if (max === 0) continue;
      let limit = 1;
      while (limit < max && i + limit < n && !tokens[i + limit].breakBefore) limit++;
      for (let len = limit; len >= 1; len--) {
        if (best && len <= best.last - best.first) break;
        let key = a.form;
        for (let k = 1; k < len; k++) key += ' ' + tokens[i + k].text;
        let refs = index.lookup(key);
        if (refs && !opts.descriptiveOrgs) refs = refs.filter((r) => !r.descriptive);
        if (!refs || refs.length === 0) continue;
        const ref = refs.find((r) => !r.ambiguous) ?? refs[0];
        best = {
          first: i,
          last: i + len,
          start: tokens[i].start + a.skip,
          end: tokens[i + len - 1].end,
          type: index.entryType(ref.entry),
          source: 'lexicon',
          entry: ref.entry,
          // كتبت = ك+تبت, بليون = ب+ليون, كريم ماجد = ك+ريم ماجد: a clitic reading of a common
          // word or of a given name needs context.
          ambiguous: ref.ambiguous || (a.skip > 0 && ((len === 1 && view.isStop(i)) || view.isExact(i, 'male') || view.isExact(i, 'female'))),
          rule: a.clitics ? `lexicon (${a.clitics}+)` : 'lexicon',
          firstForm: a.form,
        };
        break;
      }
    }
    if (best) out.push(best);
  }
  return out;
}
