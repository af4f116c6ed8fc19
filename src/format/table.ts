/** Human output: one row per unique entity (cli-table3), coloured by type on a TTY. */
import Table from 'cli-table3';
import { docLabel, mentionsLine, withTranslit, type OutDocument } from './common.js';
import type { StreamedSummary } from './index.js';

type ChalkClass = (typeof import('chalk'))['Chalk'];
/** chalk is loaded only for coloured output (without colour it returns strings unchanged). */
let Chalk: ChalkClass | undefined;

export async function loadColours(): Promise<void> {
  Chalk ??= (await import('chalk')).Chalk;
}

const plain = (s: string): string => s;

export interface TableOptions {
  color: boolean;
}

export function formatTable(doc: OutDocument, opts: TableOptions): string {
  let paint: Record<string, (s: string) => string> = { PER: plain, LOC: plain, ORG: plain };
  if (opts.color) {
    if (!Chalk) throw new Error('coloured table output needs loadColours() first');
    const chalk = new Chalk({ level: 1 });
    paint = { PER: chalk.cyan, LOC: chalk.green, ORG: chalk.magenta };
  }
  const table = new Table({
    head: ['type', 'arabic', 'english', 'mentions', 'first'],
    style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] },
  });
  for (const c of doc.clusters) {
    table.push([paint[c.type](c.type), c.canonical, c.en ?? (c.translit ? `(${c.translit})` : ''), String(c.mentions), String(c.first)]);
  }
  const counts = { PER: 0, LOC: 0, ORG: 0 };
  for (const e of doc.entities) counts[e.type]++;
  const head = mentionsLine(docLabel(doc), doc.entities.length, doc.clusters.length, counts);
  return doc.clusters.length ? `${head}\n${table.toString()}\n` : `${head}\n`;
}

/** The table of a streamed input: its clusters, under a headline with the counts of all its chunks. */
export function formatStreamedTable(doc: StreamedSummary, opts: TableOptions & { translit?: boolean }): string {
  const clusters = [...doc.clusters];
  const body = formatTable(withTranslit({ source: doc.source, language: doc.language, entities: [], clusters }, opts.translit), opts);
  return body.replace(/^[^\n]*/, mentionsLine(doc.source, doc.entityCount, clusters.length, doc.counts));
}
