/**
 * HTML view: one self-contained page per run (inline CSS, no scripts, no fonts or
 * anything else fetched), dir="rtl" lang="ar". Each input's text with every mention in a
 * <mark> coloured by type, a title on hover (canonical Arabic name, English name, how it
 * was found), and a table of its entities with mention counts whose rows link to the
 * first mention. With several inputs the page starts with an index of the files and a
 * table of the entities that recur across them.
 *
 * Arabic shaping across highlight boundaries: when a mark starts or ends inside a word
 * (ل + موسكو, the ل left outside the mark), the letters on both sides must still join.
 * The mark is a plain inline element with a background only (no padding, border, margin
 * or inline-block, which would break the run), and a ZERO WIDTH JOINER (U+200D) is put on
 * both sides of such a boundary: after the outside letter and before the first marked
 * letter (and mirrored at the end), so every browser shapes the letters in their joined
 * forms even when it shapes the two elements separately.
 */
import type { Cluster } from '../model.js';
import { codePointIndex, docLabel, escapeHtml, mentionsOf, type OutCluster, type OutDocument, type OutEntity } from './common.js';

const ZWJ = '\u200D';

/** Letters that join to the letter after them (Unicode joining type D, plus tatweel). */
const DUAL =
  'ئبتثجحخسشصضطظعغـفقكلمنهيىٮٯځڅچڇڈپڠڡڢڣڤڥڦڧڨکګگڳڱڹںڻڼڽھہۃیېۍێ';
/** Letters that join only to the letter before them (joining type R). */
const RIGHT = 'آأؤإاةدذرزوٱٲٳٵٶٷډڊڋڌڍڎڏڐڑڒړڔڕږڗژڙۀۄۅۆۇۈۉۊۋۏےۓەۮۯ';
const DUAL_SET = new Set([...DUAL]);
const JOINS_BEFORE = new Set([...DUAL, ...RIGHT]);
/** Diacritics and other marks are transparent to joining. */
const TRANSPARENT = /\p{M}/u;

function lastBase(cps: string[], end: number, from: number): string | undefined {
  for (let k = end - 1; k >= from; k--) if (!TRANSPARENT.test(cps[k])) return cps[k];
  return undefined;
}

function firstBase(cps: string[], start: number, to: number): string | undefined {
  for (let k = start; k < to; k++) if (!TRANSPARENT.test(cps[k])) return cps[k];
  return undefined;
}

/** Do the letters on both sides of the boundary at `at` join (so the boundary needs ZWJs)? */
export function joinsAcross(cps: string[], at: number): boolean {
  const before = lastBase(cps, at, Math.max(0, at - 8));
  const after = firstBase(cps, at, Math.min(cps.length, at + 8));
  return before !== undefined && after !== undefined && DUAL_SET.has(before) && JOINS_BEFORE.has(after);
}

export const TYPE_NAMES: Record<string, { ar: string; en: string }> = {
  PER: { ar: 'أشخاص', en: 'people' },
  LOC: { ar: 'أماكن', en: 'places' },
  ORG: { ar: 'منظمات', en: 'organisations' },
};

const SOURCE_NAMES: Record<string, string> = {
  lexicon: 'lexicon',
  pattern: 'pattern rule',
  propagated: 'repeated mention in the document',
};

function howFound(e: OutEntity): string {
  const src = SOURCE_NAMES[e.source] ?? e.source;
  if (!e.rule || e.rule === e.source) return src;
  if (e.rule.startsWith(e.source)) return src + e.rule.slice(e.source.length); // lexicon (ل+)
  return `${src}: ${e.rule}`;
}

function entityTitle(e: OutEntity): string {
  const lines = [`${e.type} · ${e.canonical ?? e.normalized}`];
  if (e.en) lines.push(e.en);
  else if (e.translit) lines.push(`${e.translit} (romanised)`);
  lines.push(`found by ${howFound(e)}`);
  return lines.join('\n');
}

/** The text with marks; anchors are `${prefix}m${i}` for the i-th entity. */
export function markText(text: string, entities: OutEntity[], prefix: string): { html: string; marks: number } {
  const cps = [...text];
  const idx = codePointIndex(text);
  const slice = (a: number, b: number): string => text.slice(idx[a], idx[b]);
  let out = '';
  let pos = 0;
  let marks = 0;
  entities.forEach((e, i) => {
    if (e.start < pos || e.end <= e.start || e.end > cps.length) return; // overlapping or out of range: not drawn
    const joinStart = joinsAcross(cps, e.start);
    const joinEnd = joinsAcross(cps, e.end);
    out += escapeHtml(slice(pos, e.start)) + (joinStart ? ZWJ : '');
    const inner = (joinStart ? ZWJ : '') + escapeHtml(slice(e.start, e.end)) + (joinEnd ? ZWJ : '');
    out += `<mark class="e ${e.type}" id="${prefix}m${i}" title="${escapeHtml(entityTitle(e))}">${inner}</mark>`;
    if (joinEnd) out += ZWJ;
    pos = e.end;
    marks++;
  });
  out += escapeHtml(slice(pos, cps.length));
  return { html: out, marks };
}

/** The page's style sheet (also used by `kiyan serve`'s page). */
export const CSS = `
:root{--per:#d6e6ff;--per-b:#2f64c8;--loc:#d8f3dc;--loc-b:#2b8a3e;--org:#ffe3c2;--org-b:#c2410c;--fg:#1d1d1f;--muted:#5f6368;--bg:#fff;--panel:#f6f7f9;--line:#e2e4e8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font-family:"Noto Naskh Arabic","Noto Sans Arabic","Geeza Pro","Segoe UI","Tahoma","DejaVu Sans",sans-serif;line-height:1.9;font-size:18px}
header.page{padding:1rem 1.25rem;border-bottom:1px solid var(--line);background:var(--panel)}
header.page h1{margin:0 0 .4rem;font-size:1.35rem;line-height:1.4}
header.page h1 .summary{font-size:.8rem;font-weight:normal;margin-inline-start:.5rem;white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:0;padding:0;list-style:none;font-size:.95rem}
.legend li{white-space:nowrap}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:.2em;vertical-align:-.1em;margin-inline-end:.35em}
.swatch.PER{background:var(--per);box-shadow:inset 0 -3px 0 var(--per-b)}
.swatch.LOC{background:var(--loc);box-shadow:inset 0 -3px 0 var(--loc-b)}
.swatch.ORG{background:var(--org);box-shadow:inset 0 -3px 0 var(--org-b)}
main{padding:0 1.25rem 2rem}
section.doc{display:grid;grid-template-columns:minmax(0,1fr) minmax(16rem,22rem);gap:1.5rem;align-items:start;padding-top:1rem;border-top:1px solid var(--line);margin-top:1rem}
section.doc:first-of-type{border-top:0}
section.doc>h2{grid-column:1/-1;margin:0;font-size:1.1rem;direction:ltr;text-align:right;unicode-bidi:plaintext;color:var(--muted);font-weight:normal;overflow-wrap:anywhere}
article.text{white-space:pre-wrap;overflow-wrap:break-word;max-width:48rem}
mark.e{color:inherit;border-radius:.15em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.PER{background:var(--per);box-shadow:inset 0 -2px 0 var(--per-b)}
mark.LOC{background:var(--loc);box-shadow:inset 0 -2px 0 var(--loc-b)}
mark.ORG{background:var(--org);box-shadow:inset 0 -2px 0 var(--org-b)}
mark.e:target{outline:2px solid var(--fg);outline-offset:1px}
aside{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
aside h3,.index h2{margin:.25rem 0 .5rem;font-size:1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem;line-height:1.5}
th,td{padding:.3rem .4rem;border-bottom:1px solid var(--line);text-align:start;vertical-align:top}
th{font-weight:600;color:var(--muted)}
td.n{font-variant-numeric:tabular-nums}
td.links a{margin-inline-end:.4em}
td .en{display:block;direction:ltr;text-align:right;color:var(--muted);font-size:.85em}
.tag{display:inline-block;font-size:.75rem;line-height:1.4;padding:0 .3em;border-radius:.25em;font-family:"DejaVu Sans Mono",monospace}
.tag.PER{background:var(--per);color:#173a78}.tag.LOC{background:var(--loc);color:#1b5e28}.tag.ORG{background:var(--org);color:#8a2d06}
a{color:#1a56b8}
.index{padding-top:1rem}
.index ol{margin:.25rem 0 1rem;padding-inline-start:1.5rem}
.index li a{direction:ltr;unicode-bidi:plaintext}
.summary{color:var(--muted);font-size:.95rem;margin:.2rem 0 0}
@media (max-width:760px){
 body{font-size:17px}
 main{padding:0 .75rem 1.5rem}
 header.page{padding:.75rem}
 section.doc{grid-template-columns:minmax(0,1fr);gap:1rem}
 aside{position:static;max-height:none}
}
@media (prefers-color-scheme:dark){
 :root{--per:#1f3b66;--loc:#1d4a2a;--org:#5a3413;--fg:#ececec;--muted:#a9adb3;--bg:#131416;--panel:#1c1d20;--line:#33363b}
 a{color:#8ab4f8}
 .tag.PER,.tag.LOC,.tag.ORG{color:var(--fg)}
}
@media print{aside{position:static;max-height:none}}
`;

function entityRows(clusters: OutCluster[], firstAnchor: (c: Cluster) => string | undefined): string {
  return clusters
    .map((c) => {
      const href = firstAnchor(c);
      const name = escapeHtml(c.canonical);
      const link = href ? `<a href="#${href}">${name}</a>` : name;
      const en = c.en ?? (c.translit ? `${c.translit} (romanised)` : '');
      return `<tr><td><span class="tag ${c.type}">${c.type}</span></td><td>${link}${en ? `<span class="en" lang="en">${escapeHtml(en)}</span>` : ''}</td><td class="n">${c.mentions}</td></tr>`;
    })
    .join('\n');
}

function countsLine(doc: OutDocument): string {
  const per = (t: string): number => doc.entities.filter((e) => e.type === t).length;
  return `${mentionsOf(doc.entities.length, doc.clusters.length)}: PER ${per('PER')}, LOC ${per('LOC')}, ORG ${per('ORG')}`;
}

/** One text's highlighted view and entity table (also used by `kiyan serve`'s page). */
export function docSection(doc: OutDocument, text: string, n: number): string {
  const prefix = `d${n}-`;
  const { html } = markText(text, doc.entities, prefix);
  const firstIndex = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    if (!firstIndex.has(e.id)) firstIndex.set(e.id, i);
  });
  const rows = entityRows(doc.clusters, (c) => (firstIndex.has(c.id) ? `${prefix}m${firstIndex.get(c.id)}` : undefined));
  return `<section class="doc" id="d${n}">
<h2 dir="auto">${escapeHtml(docLabel(doc))}</h2>
<article class="text" lang="ar" dir="rtl">${html}</article>
<aside aria-label="entities">
<h3>الكيانات <span lang="en" dir="ltr">(entities)</span></h3>
<p class="summary" lang="en" dir="ltr">${escapeHtml(countsLine(doc))}</p>
${doc.clusters.length ? `<table><thead><tr><th>type</th><th>name</th><th>mentions</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>—</p>'}
</aside>
</section>`;
}

function indexSection(docs: Array<{ doc: OutDocument; text: string }>): string {
  const files = docs.map(({ doc }, n) => `<li><a href="#d${n}">${escapeHtml(docLabel(doc))}</a> <span class="summary" lang="en" dir="ltr">(${doc.entities.length} mentions)</span></li>`).join('\n');
  // entities found in two files or more
  const seen = new Map<string, { c: OutCluster; files: number[]; mentions: number; anchors: string[] }>();
  docs.forEach(({ doc }, n) => {
    const firstIndex = new Map<string, number>();
    doc.entities.forEach((e, i) => {
      if (!firstIndex.has(e.id)) firstIndex.set(e.id, i);
    });
    for (const c of doc.clusters) {
      const s = seen.get(c.id) ?? { c, files: [], mentions: 0, anchors: [] };
      s.files.push(n);
      s.mentions += c.mentions;
      s.anchors.push(`d${n}-m${firstIndex.get(c.id) ?? 0}`);
      seen.set(c.id, s);
    }
  });
  const recurring = [...seen.values()].filter((s) => s.files.length > 1).sort((a, b) => b.files.length - a.files.length || b.mentions - a.mentions || a.c.id.localeCompare(b.c.id));
  const rows = recurring
    .map((s) => {
      const en = s.c.en ?? (s.c.translit ? `${s.c.translit} (romanised)` : '');
      const links = s.files.map((n, k) => `<a href="#${s.anchors[k]}" title="${escapeHtml(docs[n].doc.source)}">${n + 1}</a>`).join(' ');
      return `<tr><td><span class="tag ${s.c.type}">${s.c.type}</span></td><td>${escapeHtml(s.c.canonical)}${en ? `<span class="en" lang="en">${escapeHtml(en)}</span>` : ''}</td><td class="n">${s.files.length}</td><td class="n">${s.mentions}</td><td class="links">${links}</td></tr>`;
    })
    .join('\n');
  return `<nav class="index" aria-label="files">
<h2>الملفات <span lang="en" dir="ltr">(files)</span></h2>
<ol>
${files}
</ol>
<h2>كيانات تتكرر في أكثر من ملف <span lang="en" dir="ltr">(entities in several files)</span></h2>
${recurring.length ? `<table><thead><tr><th>type</th><th>name</th><th>files</th><th>mentions</th><th>first mention in file</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>—</p>'}
</nav>`;
}

/** One entry of the colour legend (the HTML format's and the serve page's): swatch, Arabic and English type names, then `after`. */
export function legendItem(type: 'PER' | 'LOC' | 'ORG', after = ''): string {
  return `<li><span class="swatch ${type}"></span>${TYPE_NAMES[type].ar} <span lang="en" dir="ltr">${type} · ${TYPE_NAMES[type].en}${after}</span></li>`;
}

export function formatHtml(docs: Array<{ doc: OutDocument; text: string }>): string {
  const total = docs.reduce((n, d) => n + d.doc.entities.length, 0);
  const title = docs.length === 1 ? `kiyan: ${docs[0].doc.source}` : `kiyan: ${docs.length} files`;
  const legend = (['PER', 'LOC', 'ORG'] as const)
    .map((t) => {
      const n = docs.reduce((k, d) => k + d.doc.entities.filter((e) => e.type === t).length, 0);
      return legendItem(t, ` · ${n}`);
    })
    .join('');
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="kiyan">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="page">
<h1>الكيانات المسماة <span class="summary" lang="en" dir="ltr">${total} mentions in ${docs.length} ${docs.length === 1 ? 'text' : 'texts'}</span></h1>
<ul class="legend" aria-label="legend">${legend}</ul>
</header>
<main>
${docs.length > 1 ? indexSection(docs) : ''}
${docs.map(({ doc, text }, n) => docSection(doc, text, n)).join('\n')}
</main>
</body>
</html>
`;
}
