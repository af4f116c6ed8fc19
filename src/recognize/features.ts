/**
 * Per-token facts the matchers share: proclitic analyses and trigger-word kinds,
 * computed once per token.
 */
import { procliticAnalyses, type CliticAnalysis } from '../text/clitics.js';
import type { Token } from '../text/tokenize.js';
import type { LexiconIndex } from '../lexicon/lexicon-index.js';
import type { WordKind } from '../lexicon/schema.js';

export interface TokenView {
  tokens: Token[];
  analyses: CliticAnalysis[][];
  index: LexiconIndex;
  /** Kind -> analysis (of this token) whose form, or form without article, is a word of that kind. */
  kindAt(i: number, kind: WordKind): CliticAnalysis | undefined;
  /** The full token (no clitic stripping) is a word of that kind. */
  isExact(i: number, kind: WordKind): boolean;
  /** The token, or the token without one proclitic (وفي، ولم، بأن), is a common word. */
  isStop(i: number): boolean;
  /** Tokens i and i+1 are adjacent (only spaces between). */
  joined(i: number): boolean;
}

export function makeTokenView(tokens: Token[], index: LexiconIndex, maqsura?: Uint8Array): TokenView {
  const analyses = tokens.map((t) => procliticAnalyses(t.text));
  const stopCache = new Int8Array(tokens.length).fill(-1);
  // Per kind, per token: 0 = not computed, 1 = no analysis, k + 2 = analyses[i][k]. (A typed
  // array per kind: a Map keyed by token and kind was the hottest spot of the profile.)
  const cache = new Map<WordKind, Uint8Array>();
  return {
    tokens,
    analyses,
    index,
    kindAt(i, kind) {
      let arr = cache.get(kind);
      if (!arr) {
        arr = new Uint8Array(tokens.length);
        cache.set(kind, arr);
      }
      const hit = arr[i];
      if (hit !== 0) return hit === 1 ? undefined : analyses[i][hit - 2];
      const as = analyses[i];
      for (let k = 0; k < as.length; k++) {
        if (index.isWord(kind, as[k].form)) {
          arr[i] = k + 2;
          return as[k];
        }
      }
      arr[i] = 1;
      return undefined;
    },
    isStop(i) {
      if (stopCache[i] === -1) {
        // علي written على (alef maqsura in the original) is the preposition, not the name.
        const stop = analyses[i].some((a) => a.skip <= 1 && index.isWord('stop', a.form));
        const t = tokens[i].text;
        const givenSpelling = (index.isWord('male', t) || index.isWord('female', t)) && !(maqsura && maqsura[i]);
        stopCache[i] = stop && !givenSpelling ? 1 : 0;
      }
      return stopCache[i] === 1;
    },
    isExact(i, kind) {
      return index.isWord(kind, tokens[i].text);
    },
    joined(i) {
      return i + 1 < tokens.length && !tokens[i + 1].breakBefore;
    },
  };
}
