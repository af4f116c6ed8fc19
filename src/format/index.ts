/**
 * Output formats. Each format is a small object; the CLI streams documents through it:
 * begin() once, document() per input as soon as it is ready, end() once (with every
 * document when the format needs them all, e.g. a JSON array or one HTML page).
 */
import type { Cluster, Document } from '../model.js';
import { withTranslit, type OutEntity } from './common.js';
import { formatJson, formatJsonl } from './json.js';

// The other formats' modules (and cli-table3, chalk) load only when chosen: loadOutputFormat().
let tableMod: typeof import('./table.js') | undefined;
let conllMod: typeof import('./conll.js') | undefined;
let delimitedMod: typeof import('./delimited.js') | undefined;
let geojsonMod: typeof import('./geojson.js') | undefined;
let htmlMod: typeof import('./html.js') | undefined;

export interface FormatContext {
  /** Colours allowed (table on a TTY). */
  color: boolean;
  /** How many inputs the run has (json prints an array when more than one). */
  inputCount: number;
  /** Add romanisations where the lexicon has no English name. */
  translit?: boolean;
  /** Record mode: documents carry the record's `id`, which row formats show instead of the source. */
  records?: boolean;
}

/** A record that could not be processed (record mode). */
export interface RecordError {
  id: string | number;
  error: string;
  /** Its line number in the input. */
  line: number;
  source: string;
}

export interface OutputFormat {
  name: string;
  /** Loads what the format needs; loadOutputFormat() calls it before any other method. */
  load?(ctx: FormatContext): Promise<void>;
  /** Keep every document (and its text) until end(). */
  needsAll?: boolean;
  begin?(ctx: FormatContext): string;
  document?(doc: Document, text: string, ctx: FormatContext): string;
  end?(docs: Array<{ doc: Document; text: string }>, ctx: FormatContext): string;
  /** Record mode: the output that stands for a failed record (formats with one line per record). */
  recordError?(e: RecordError, ctx: FormatContext): string;
  /** How a big input is written while it is read in chunks (formats that can; the others read big inputs whole). */
  stream?: StreamedDocument;
}

/** What a streamed document's close needs: everything but the entities, already written. */
export interface StreamedSummary {
  source: string;
  language: string;
  entityCount: number;
  /** Most mentioned first; made one at a time (a big input has hundreds of thousands). */
  clusters: Iterable<Cluster>;
  clusterCount: number;
  counts: { PER: number; LOC: number; ORG: number };
}

/**
 * A document written piece by piece: open() once the language is known (from the first
 * chunk), entities() for each chunk (in a worker thread; offsets into the whole input),
 * `between` joining two chunks' non-empty entity runs, close() at the end. close() gets an
 * error when the input failed part-way, and must still end the document validly.
 */
export interface StreamedDocument {
  open(source: string, language: string, ctx: FormatContext): string;
  entities(entities: OutEntity[], ctx: FormatContext): string;
  between: string;
  /** The close of a big input is written piece by piece: its clusters alone can be tens of MB. */
  close(doc: StreamedSummary, error: string | undefined, ctx: FormatContext): Iterable<string>;
}

const table: OutputFormat = {
  name: 'table',
  load: async (ctx) => {
    tableMod ??= await import('./table.js');
    if (ctx.color) await tableMod.loadColours();
  },
  document: (doc, _text, ctx) => tableMod!.formatTable(withTranslit(doc, ctx.translit), { color: ctx.color }),
  // The table of a streamed input is its clusters: all of it is written at the close.
  stream: {
    open: () => '',
    entities: () => '',
    between: '',
    close: (doc, error, ctx) => [error ? '\n' : tableMod!.formatStreamedTable(doc, { color: ctx.color, translit: ctx.translit })],
  },
};

const json: OutputFormat = {
  name: 'json',
  needsAll: true,
  end: (docs, ctx) => {
    const out = docs.map((d) => withTranslit(d.doc, ctx.translit));
    return ctx.inputCount === 1 && out.length === 1 ? formatJson(out[0]) : JSON.stringify(out, null, 2) + '\n';
  },
  stream: {
    open: (source, language) => `{\n  "source": ${JSON.stringify(source)},\n  "language": ${JSON.stringify(language)},\n  "entities": [`,
    // One JSON.stringify for a chunk's entities, not one per entity: "[\n  {\n    ...\n  }\n]"
    // indented by two more puts the items at four spaces; the brackets go.
    entities: (entities) => (entities.length ? JSON.stringify(entities, null, 2).replace(/\n/g, '\n  ').slice(1, -'\n  ]'.length) : ''),
    between: ',',
    // As JSON.stringify(clusters, null, 2) indented by two more, one cluster at a time.
    close: (doc, error) =>
      clusterList(
        doc,
        `${doc.entityCount ? '\n  ' : ''}],\n  "clusters": [\n`,
        (c) => '    ' + JSON.stringify(c, null, 2).replace(/\n/g, '\n    '),
        ',\n',
        '\n  ]',
        `${doc.entityCount ? '\n  ' : ''}],\n  "clusters": []`,
        `${error ? `,\n  "error": ${JSON.stringify(error)}` : ''}\n}\n`,
      ),
  },
};

const jsonl: OutputFormat = {
  name: 'jsonl',
  document: (doc, _text, ctx) => formatJsonl(withTranslit(doc, ctx.translit)),
  recordError: (e) => JSON.stringify({ id: e.id, error: e.error, line: e.line, source: e.source }) + '\n',
  stream: {
    open: (source, language) => `{"source":${JSON.stringify(source)},"language":${JSON.stringify(language)},"entities":[`,
    entities: (entities) => (entities.length ? JSON.stringify(entities).slice(1, -1) : ''),
    between: ',',
    close: (doc, error) => clusterList(doc, '],"clusters":[', (c) => JSON.stringify(c), ',', ']', '],"clusters":[]', `${error ? `,"error":${JSON.stringify(error)}` : ''}}\n`),
  },
};

/** A streamed document's clusters as a JSON array, in pieces of a thousand clusters. */
function* clusterList(doc: StreamedSummary, open: string, item: (c: Cluster) => string, sep: string, end: string, empty: string, tail: string): Generator<string> {
  if (!doc.clusterCount) {
    yield empty + tail;
    return;
  }
  let piece: string[] = [];
  let head = open;
  for (const c of doc.clusters) {
    piece.push(item(c));
    if (piece.length === 1000) {
      yield head + piece.join(sep);
      head = sep;
      piece = [];
    }
  }
  yield (piece.length ? head + piece.join(sep) : '') + end + tail;
}

/** One "token TAG" per line, sentences separated by blank lines (kiyan eval reads it as gold). */
const conll: OutputFormat = {
  name: 'conll',
  load: async () => {
    conllMod ??= await import('./conll.js');
  },
  // Record mode: a comment line names the record before its sentences (kiyan eval skips it).
  document: (doc, text, ctx) => (ctx.records && (doc as { id?: unknown }).id !== undefined ? `# id = ${String((doc as { id?: unknown }).id).replace(/[\r\n]/g, ' ')}\n` : '') + conllMod!.formatConll(text, doc.entities),
};

/** One row per mention, RFC 4180. */
const csv: OutputFormat = {
  name: 'csv',
  load: async () => {
    delimitedMod ??= await import('./delimited.js');
  },
  begin: (ctx) => delimitedMod!.csvHeader(Boolean(ctx.translit), ctx.records),
  document: (doc, _text, ctx) => delimitedMod!.formatCsvRows(withTranslit(doc, ctx.translit), Boolean(ctx.translit)),
};

/** One row per mention, TAB-separated, TAB/newline/backslash escaped. */
const tsv: OutputFormat = {
  name: 'tsv',
  load: async () => {
    delimitedMod ??= await import('./delimited.js');
  },
  begin: (ctx) => delimitedMod!.tsvHeader(Boolean(ctx.translit), ctx.records),
  document: (doc, _text, ctx) => delimitedMod!.formatTsvRows(withTranslit(doc, ctx.translit), Boolean(ctx.translit)),
};

/** A FeatureCollection of the places mentioned in all inputs. */
const geojson: OutputFormat = {
  name: 'geojson',
  needsAll: true,
  load: async () => {
    geojsonMod ??= await import('./geojson.js');
  },
  end: (docs, ctx) => geojsonMod!.formatGeojson(docs.map((d) => withTranslit(d.doc, ctx.translit))),
};

/** One self-contained right-to-left page with the mentions highlighted. */
const html: OutputFormat = {
  name: 'html',
  needsAll: true,
  load: async () => {
    htmlMod ??= await import('./html.js');
  },
  end: (docs, ctx) => htmlMod!.formatHtml(docs.map((d) => ({ doc: withTranslit(d.doc, ctx.translit), text: d.text }))),
};

/** Registry: add a format here and it is available to `kiyan extract --format`. */
export const OUTPUT_FORMATS: Record<string, OutputFormat> = { table, json, jsonl, conll, csv, tsv, geojson, html };

export function outputFormat(name: string): OutputFormat | undefined {
  return Object.prototype.hasOwnProperty.call(OUTPUT_FORMATS, name) ? OUTPUT_FORMATS[name] : undefined;
}

/** The format, ready to use (its modules loaded). */
export async function loadOutputFormat(name: string, ctx: FormatContext): Promise<OutputFormat | undefined> {
  const format = outputFormat(name);
  await format?.load?.(ctx);
  return format;
}
