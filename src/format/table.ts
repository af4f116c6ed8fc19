/** Human output: one row per unique entity (cli-table3), coloured by type on a TTY. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { OutDocument } from './common.js';

export interface TableOptions {
  color: boolean;
}

export function formatTable(doc: OutDocument, opts: TableOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const paint: Record<string, (s: string) => string> = { PER: chalk.cyan, LOC: chalk.green, ORG: chalk.magenta };
  const table = new Table({
    head: ['type', 'arabic', 'english', 'mentions', 'first'],
    style: { head: opts.color ? ['bold'] : [], border: opts.color ? ['grey'] : [] },
  });
  for (const c of doc.clusters) {
    table.push([paint[c.type](c.type), c.canonical, c.en ?? (c.translit ? `(${c.translit})` : ''), String(c.mentions), String(c.first)]);
  }
  const counts = ['PER', 'LOC', 'ORG'].map((t) => `${t} ${doc.entities.filter((e) => e.type === t).length}`).join(', ');
  const head = `${doc.source}: ${doc.entities.length} mentions of ${doc.clusters.length} entities (${counts})`;
  return doc.clusters.length ? `${head}\n${table.toString()}\n` : `${head}\n`;
}
