/**
 * Build step: lexicons/**\/*.tsv + generated countries + Wikidata name words (see
 * src/lexicon/sources.ts) -> dist/lexicon/index.bin (the packed index runs load),
 * index-meta.json (sources and written surfaces, for lookup and export), geo.json
 * (coordinates, for --format geojson), name-shape.tsv and name-words-en.tsv.
 * Fails (exit 1) on lexicon errors so a broken lexicon never ships.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileLexicon, phraseKey, splitEntryMeta } from '../src/lexicon/compile.js';
import { geoJoin, geoStatsLine, sourceRegions } from '../src/lexicon/geo-join.js';
import { defaultMetaPath, defaultNameShapePath, defaultNameWordsEnPath, defaultPackedPath, packageRoot } from '../src/lexicon/load.js';
import { packLexicon } from '../src/lexicon/packed.js';
import { serializeNameShape } from '../src/lexicon/name-words.js';
import { shippedSources } from '../src/lexicon/sources.js';


const root = packageRoot();
const { sources, nameWords } = shippedSources(root);
const { lexicon, diagnostics, nameShape } = compileLexicon(sources);
const errors = diagnostics.filter((d) => d.severity === 'error');
for (const d of errors) console.error(`${d.file}:${d.line}: error: ${d.message}`);
// KIYAN_LEXICON_LENIENT=1 lets a developer build while lexicon files are being edited.
if (errors.length && !process.env.KIYAN_LEXICON_LENIENT) {
  console.error(`build-lexicon: ${errors.length} error(s); run "kiyan lexicon check" for details`);
  process.exit(1);
}
const outDir = dirname(defaultPackedPath());
mkdirSync(outDir, { recursive: true });
// The index proper is what every run loads; sources and written surfaces go to a side file.
const { index: shipped, meta } = splitEntryMeta(lexicon);
// What runs load: the index as a hash table decoded on demand (fast start-up).
writeFileSync(defaultPackedPath(), packLexicon(shipped));
writeFileSync(defaultMetaPath(), JSON.stringify(meta));
// The same index as JSON was written here too (3.5 MB, a quarter of the package) and read by
// nothing: a copy left by an older build is removed so that it is not packed.
rmSync(join(outDir, 'index.json'), { force: true });
// The name-shape model (n-gram weights) and the romanisation of name words, read on first use.
if (nameShape) writeFileSync(defaultNameShapePath(), serializeNameShape(nameShape));
writeFileSync(defaultNameWordsEnPath(), nameWords.words.map((w) => `${phraseKey(w.arabic)}\t${w.en}`).sort().join('\n') + '\n');
// Coordinates and GeoNames ids for places (--format geojson), beside the index.
const geo = geoJoin(lexicon, undefined, undefined, sourceRegions(sources));
writeFileSync(join(outDir, 'geo.json'), JSON.stringify(geo));
console.error(geoStatsLine(geo));
const byType: Record<string, number> = {};
for (const e of lexicon.entries) byType[e[0]] = (byType[e[0]] ?? 0) + 1;
const words = Object.entries(lexicon.words).map(([k, v]) => `${k} ${v!.length}`).join(', ');
console.error(`build-lexicon: ${lexicon.entries.length} entries (${Object.entries(byType).map(([t, n]) => `${t} ${n}`).join(', ')}), ${Object.keys(lexicon.forms).length} surface forms; words: ${words}; ${diagnostics.length - errors.length} warning(s)`);
