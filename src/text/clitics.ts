/**
 * Proclitic analyses of one normalised token. Arabic attaches conjunctions (و ف),
 * prepositions (ب ك ل) and the article (ال) to the word; the contraction لل is ل + ال with
 * the alef dropped. An analysis gives the lookup form of the stem and how many
 * characters of the token the proclitics take, so the entity span can exclude them.
 *
 * The article is kept in the stem (العراق is the name), except in `bareStem`, which
 * trigger-word lookups use (الرئيس and رئيس are the same title).
 */

export interface CliticAnalysis {
  /** The form to look up (normalised). */
  form: string;
  /** Characters of the token taken by proclitics: the entity starts at token.start + skip. */
  skip: number;
  /** The proclitics, for explanations (e.g. "و+ب"). */
  clitics: string;
}

const MIN_STEM = 2;

/** Analyses from the longest stem (no proclitic) to the shortest. */
export function procliticAnalyses(token: string): CliticAnalysis[] {
  // Runs once per distinct word of a text (100,000s on real text): no sets or closures.
  const out: CliticAnalysis[] = [{ form: token, skip: 0, clitics: '' }];
  addStripped(out, token, 0, '');
  const c0 = token[0];
  if ((c0 === 'و' || c0 === 'ف') && token.length > MIN_STEM) {
    const base = token.slice(1);
    add(out, base, 1, c0);
    addStripped(out, base, 1, c0);
  }
  return out;
}

/** The analyses of base (the token, or the token after و/ف) without a preposition or with لل read as ل + ال. */
function addStripped(out: CliticAnalysis[], base: string, skip: number, cl: string): void {
  const p = base[0];
  if (base.startsWith('لل') && base.length > 3) {
    // لل + X: the article's lam is the second lam; report the span from there.
    add(out, 'ال' + base.slice(2), skip + 1, join(cl, 'ل'));
  }
  if ((p === 'ب' || p === 'ك' || p === 'ل') && base.length > MIN_STEM + 1) add(out, base.slice(1), skip + 1, join(cl, p));
}

/** Adds an analysis unless its form is too short or already there. */
function add(out: CliticAnalysis[], form: string, skip: number, clitics: string): void {
  if (form.length < MIN_STEM) return;
  for (const a of out) if (a.form === form) return;
  out.push({ form, skip, clitics });
}

function join(a: string, b: string): string {
  return a ? `${a}+${b}` : b;
}

/** The stem without proclitics nor article: الرئيس، والرئيس، للرئيس، رئيس -> رئيس. */
export function bareStems(token: string): string[] {
  const stems = new Set<string>();
  for (const a of procliticAnalyses(token)) {
    stems.add(a.form);
    if (a.form.startsWith('ال') && a.form.length > 3) stems.add(a.form.slice(2));
  }
  return [...stems];
}

export function hasArticle(form: string): boolean {
  return form.startsWith('ال') && form.length > 3;
}

/** Third-person attached pronouns: ـها، ـهم، ـهما، ـهن (اراضيها، يقطنها). */
const THIRD_PERSON_PRONOUNS = ['ها', 'هم', 'هما', 'هن'];

/**
 * A word ending in an attached third-person pronoun (the one pattern for the rules that ask;
 * callers add their own length test). Place names end in ـنا (فيينا، غانا), so the place
 * rule asks only this one.
 */
export const THIRD_PERSON_SUFFIX = new RegExp(`(${THIRD_PERSON_PRONOUNS.join('|')})$`);

/** A word ending in an attached pronoun of any person: the third-person ones, ـكم and ـنا (لدينا، اراضيها). */
export const PRONOUN_SUFFIX = new RegExp(`(${[...THIRD_PERSON_PRONOUNS, 'كم', 'نا'].join('|')})$`);
