/**
 * Country entries generated at build time from two data packages (world-countries and
 * i18n-iso-countries, both devDependencies): Arabic common and official names, English
 * common name. Curated entries of the same places (same English name) are merged into these
 * and give the canonical spelling (compile.ts).
 */
import { createRequire } from 'node:module';
import type { EntitySourceEntry, ParsedSource } from './schema.js';

interface WorldCountry {
  cca2: string;
  name: { common: string };
  translations: Record<string, { common: string; official: string } | undefined>;
}

export const GENERATED_COUNTRIES_FILE = 'generated:countries';

export function generateCountrySource(): ParsedSource {
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  };
  iso.registerLocale(require('i18n-iso-countries/langs/ar.json'));
  const isoAr = iso.getNames('ar', { select: 'all' });
  const entities: EntitySourceEntry[] = [];
  world.forEach((c, i) => {
    const ara = c.translations.ara;
    if (!ara) return;
    const names = [ara.common, ara.official, ...(isoAr[c.cca2] ?? [])];
    const unique = [...new Set(names.filter(Boolean))];
    entities.push({
      type: 'LOC',
      arabic: ara.common,
      subtype: 'country',
      en: c.name.common,
      surfaces: unique.map((text) => ({ text, ambiguous: false })),
      file: GENERATED_COUNTRIES_FILE,
      line: i + 1,
    });
  });
  return { entities, words: [], diagnostics: [], options: { generated: true } };
}
