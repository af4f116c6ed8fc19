import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterStore, StreamClusters } from '../../src/batch/clusters.js';
import { outputFormat } from '../../src/format/index.js';
import type { Cluster } from '../../src/model.js';

/** The merge a streamed input's clusters had as objects in a Map (the reference). */
function mergeAsObjects(parts: Cluster[]): Cluster[] {
  const byId = new Map<string, Cluster>();
  for (const p of parts) {
    const part = structuredClone(p);
    const c = byId.get(part.id);
    if (!c) {
      byId.set(part.id, part);
      continue;
    }
    c.mentions += part.mentions;
    if (!c.en && part.en) c.en = part.en;
    for (const t of part.texts) if (c.texts.length < 50 && !c.texts.includes(t)) c.texts.push(t);
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.first - b.first);
}

/** Seeded parts: ids that recur across chunks, English names found early, late or as "", many surface forms. */
function parts(n: number, ids: number): Cluster[] {
  let seed = 7;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const out: Cluster[] = [];
  for (let i = 0; i < n; i++) {
    const k = rand(ids);
    const name = `محمد ${'ب'.repeat(k % 40)} ${k}`;
    const c: Cluster = { id: `PER:${name}`, type: 'PER', canonical: name, mentions: 1 + rand(5), first: i * 10, texts: [] };
    const en = rand(4);
    if (en === 1) c.en = `Name ${k}`;
    else if (en === 2) c.en = '';
    for (let t = rand(k % 7 === 0 ? 70 : 3); t >= 0; t--) c.texts.push(`${name}${t ? '،'.repeat(t) : ''}`);
    out.push(c);
  }
  return out;
}

describe('ClusterStore', () => {
  test('merges and orders clusters as the objects did: mentions, late English names, texts capped at 50, field order', () => {
    // Enough clusters with long names to fill more than one 1 MB block.
    const all = parts(30_000, 9_000);
    const store = new ClusterStore();
    for (const p of all) store.add(p);
    const expected = mergeAsObjects(all);
    expect(store.size).toBe(expected.length);
    expect(JSON.stringify([...store.sorted()])).toBe(JSON.stringify(expected));
  });

  test('an input with no clusters', () => {
    expect([...new ClusterStore().sorted()]).toEqual([]);
  });
});

describe('StreamClusters', () => {
  test('spilled to temporary files, gives the same clusters, order and JSON as one ClusterStore, and removes its files', () => {
    const all = parts(30_000, 9_000);
    const store = new ClusterStore();
    for (const p of all) store.add(p);
    const expected = JSON.stringify([...store.sorted()]);
    for (const spillAfter of [1, 7, 500, Math.floor(store.size / 2), store.size + 1]) {
      const tmp = mkdtempSync(join(tmpdir(), 'kiyan-spill-test-'));
      const spilled = new StreamClusters(spillAfter, tmp);
      for (const p of all) spilled.add(structuredClone(p));
      expect(readdirSync(tmp)).toHaveLength(store.size >= spillAfter ? 1 : 0);
      expect(spilled.size).toBe(store.size);
      expect(JSON.stringify([...spilled.sorted()])).toBe(expected);
      expect(readdirSync(tmp)).toEqual([]);
    }
  });

  test('below its limit it never touches the disk; dispose() after a failure removes the files', () => {
    const all = parts(2_000, 300);
    const tmp = mkdtempSync(join(tmpdir(), 'kiyan-spill-test-'));
    const kept = new StreamClusters(1_000, tmp);
    for (const p of all) kept.add(p);
    expect(readdirSync(tmp)).toEqual([]);
    expect(kept.size).toBe(mergeAsObjects(all).length);
    const spilled = new StreamClusters(10, tmp);
    for (const p of all) spilled.add(p);
    expect(readdirSync(tmp)).toHaveLength(1);
    spilled.dispose();
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('streamed close of json and jsonl', () => {
  const summary = (clusters: Cluster[], entityCount: number) => ({ source: 'big.txt', language: 'arb', entityCount, clusters, clusterCount: clusters.length, counts: { PER: 1, LOC: 0, ORG: 0 } });
  for (const n of [0, 1, 1000, 2500]) {
    test(`${n} clusters, written in pieces, are the whole array's JSON`, () => {
      const clusters = mergeAsObjects(parts(n * 2, n || 1)).slice(0, n);
      const jsonl = outputFormat('jsonl')!.stream!;
      const json = outputFormat('json')!.stream!;
      for (const error of [undefined, 'broken byte']) {
        const errJsonl = error ? `,"error":${JSON.stringify(error)}` : '';
        expect([...jsonl.close(summary(clusters, 3), error, { color: false, inputCount: 1 })].join('')).toBe(`],"clusters":${JSON.stringify(clusters)}${errJsonl}}\n`);
        const errJson = error ? `,\n  "error": ${JSON.stringify(error)}` : '';
        for (const entityCount of [0, 3]) {
          expect([...json.close(summary(clusters, entityCount), error, { color: false, inputCount: 1 })].join('')).toBe(
            `${entityCount ? '\n  ' : ''}],\n  "clusters": ${JSON.stringify(clusters, null, 2).replace(/\n/g, '\n  ')}${errJson}\n}\n`,
          );
        }
      }
    });
  }
});
