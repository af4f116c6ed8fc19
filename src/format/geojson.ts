/**
 * GeoJSON (RFC 7946): one FeatureCollection per run with a Feature per place (LOC entity)
 * mentioned, summed over all inputs. Coordinates and GeoNames ids come from
 * dist/lexicon/geo.json, joined at build time (src/lexicon/geo-join.ts); a place that
 * could not be joined (or that only a pattern rule found) has `"geometry": null`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../lexicon/load.js';
import type { GeoIndex, GeoPlace } from '../lexicon/geo-join.js';
import { origin, type OutDocument } from './common.js';

let cached: GeoIndex | null | undefined;

/** The build-time place join; null if the build did not produce one. */
export function loadGeoIndex(): GeoIndex | null {
  if (cached !== undefined) return cached;
  const p = join(packageRoot(), 'dist', 'lexicon', 'geo.json');
  cached = existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as GeoIndex) : null;
  return cached;
}

export interface PlaceFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: {
    name: string;
    en: string | null;
    translit?: string;
    subtype: string | null;
    country: string | null;
    geonameid: number | null;
    mentions: number;
    /** Mentions per input. */
    sources: Record<string, number>;
    /** The surface forms seen. */
    texts: string[];
    /** How the coordinates were found (see README, geojson), or null. */
    match: GeoPlace['match'] | null;
  };
}

export interface PlaceCollection {
  type: 'FeatureCollection';
  features: PlaceFeature[];
}

export function placesCollection(docs: OutDocument[], geo: GeoIndex | null = loadGeoIndex()): PlaceCollection {
  const byId = new Map<string, PlaceFeature>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      if (e.type !== 'LOC') continue;
      let f = byId.get(e.id);
      if (!f) {
        const name = e.canonical ?? e.normalized;
        const place = e.canonical ? geo?.places[e.canonical] : undefined;
        f = {
          type: 'Feature',
          id: e.id,
          geometry: place ? { type: 'Point', coordinates: place.coordinates } : null,
          properties: {
            name,
            en: e.en ?? null,
            subtype: e.subtype ?? null,
            country: place?.country ?? null,
            geonameid: place?.geonameid ?? null,
            mentions: 0,
            sources: {},
            texts: [],
            match: place?.match ?? null,
          },
        };
        if (e.translit) f.properties.translit = e.translit;
        byId.set(e.id, f);
      }
      const p = f.properties;
      p.mentions++;
      const from = origin(doc);
      p.sources[from] = (p.sources[from] ?? 0) + 1;
      if (!p.texts.includes(e.text)) p.texts.push(e.text);
    }
  }
  const features = [...byId.values()].sort((a, b) => b.properties.mentions - a.properties.mentions || a.id.localeCompare(b.id));
  return { type: 'FeatureCollection', features };
}

export function formatGeojson(docs: OutDocument[]): string {
  return JSON.stringify(placesCollection(docs), null, 2) + '\n';
}
