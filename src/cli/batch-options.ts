/**
 * The batch options of `kiyan extract` (folders, globs, workers, encodings, record mode,
 * sharding, --out-dir, progress, summary) and their translation into runBatch() options.
 */
import { Option, type Command } from 'commander';
import { cpus } from 'node:os';
import { DEFAULT_INCLUDE, ENCODINGS, OUTPUT_FORMATS, outputFormat, parseEncoding, parseShard, runBatch, UserError, type BatchOptions } from '../index.js';
import { parseTypes, type ExtractCliOptions } from './extract.js';
import { colorWanted, errorLine, warn, writeOut } from './output.js';

export interface BatchCliOptions {
  include: string[];
  exclude: string[];
  hidden?: boolean;
  ignore?: boolean;
  encoding: string;
  jobs?: string;
  outDir?: string;
  maxErrors?: string;
  shard?: string;
  inputFormat: string;
  textField: string;
  idField?: string;
  allowErrors?: boolean;
  progress?: boolean;
  summary?: boolean;
}

const collect = (v: string, acc: string[]): string[] => [...acc, ...v.split(',').filter(Boolean)];

export function addBatchOptions(cmd: Command): void {
  cmd
    .option('--include <globs>', `only walk files matching these globs (repeatable, comma-separated; default: ${DEFAULT_INCLUDE.join(',')})`, collect, [] as string[])
    .option('--exclude <globs>', 'skip files and folders matching these globs (repeatable, comma-separated)', collect, [] as string[])
    .option('--hidden', 'walk hidden files and folders (names starting with ".") too')
    .option('--no-ignore', 'walk node_modules, .git, .hg and .svn too')
    .option('-e, --encoding <name>', `input encoding: ${ENCODINGS.join(', ')}`, 'auto')
    .option('-j, --jobs <n>', `worker threads (default: number of cores, ${cpus().length} here, at most one per 32 MB of input)`)
    .option('-o, --out-dir <dir>', 'write one result file per input into DIR (mirrored tree, written atomically) instead of stdout')
    .option('--max-errors <n>', 'stop after N failed inputs')
    .option('--shard <k/n>', 'process only the K-th of N parts of the inputs (stable hash of each path, or of each record id)')
    .addOption(new Option('--input-format <fmt>', 'input format: text, or jsonl records').choices(['text', 'jsonl']).default('text'))
    .option('--text-field <name>', 'record mode: the field holding the text', 'text')
    .option('--id-field <name>', 'record mode: the field holding the record id (default: an id made from the record\'s content, the first 16 hex digits of the SHA-256 of its line)')
    .option('--allow-errors', 'record mode: exit 0 when the only failures are records (each has its error line in the output)')
    .option('--no-progress', 'no progress bar (it shows only on a terminal, and never when CI is set)')
    .option('--summary', 'always print the summary (default: when more than one input, a folder or a glob)')
    .option('--no-summary', 'never print the summary');
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UserError(`${name} must be a positive whole number (got "${v}")`);
  return Number(v);
}

export async function runExtractBatch(paths: string[], opts: ExtractCliOptions, cmd?: Command): Promise<number> {
  let formatName = opts.format;
  // Result files default to JSON, the terminal to a table.
  if (opts.outDir && cmd?.getOptionValueSource('format') === 'default') formatName = 'json';
  if (opts.inputFormat === 'jsonl' && cmd?.getOptionValueSource('format') === 'default') formatName = 'jsonl';
  if (!outputFormat(formatName)) throw new UserError(`unknown format "${formatName}" (known: ${Object.keys(OUTPUT_FORMATS).join(', ')})`);
  const types = parseTypes(opts.types);
  const encoding = parseEncoding(opts.encoding ?? 'auto');
  if (!encoding) throw new UserError(`unknown encoding "${opts.encoding}" (known: ${ENCODINGS.join(', ')})`);
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (opts.shard !== undefined && !shard) throw new UserError(`--shard must be K/N with 1 <= K <= N (got "${opts.shard}")`);
  const inputs = paths.length ? paths : ['-'];
  if (inputs.includes('-') && process.stdin.isTTY) throw new UserError('no input: give a FILE or folder, or pipe text into stdin');
  const env = process.env;
  const options: BatchOptions = {
    paths: inputs,
    walk: { include: opts.include, exclude: opts.exclude, hidden: opts.hidden, noIgnore: opts.ignore === false },
    format: formatName,
    color: colorWanted(opts.color),
    translit: Boolean(opts.translit),
    descriptiveOrgs: opts.descriptiveOrgs,
    types,
    lexicons: opts.lexicon,
    strict: opts.strict,
    encoding,
    jobs: positiveInt(opts.jobs, '--jobs'),
    outDir: opts.outDir,
    maxErrors: positiveInt(opts.maxErrors, '--max-errors'),
    shard,
    inputFormat: opts.inputFormat === 'jsonl' ? 'jsonl' : 'text',
    textField: opts.textField,
    idField: opts.idField,
    allowErrors: Boolean(opts.allowErrors),
    progress: opts.progress !== false && Boolean(process.stderr.isTTY) && !env.CI,
    summary: cmd?.getOptionValueSource('summary') === 'cli' ? opts.summary : undefined,
    // Testing knobs: smaller chunks exercise the streaming path on small files.
    streamBytes: env.KIYAN_STREAM_BYTES ? Number(env.KIYAN_STREAM_BYTES) : undefined,
    chunkChars: env.KIYAN_CHUNK_CHARS ? Number(env.KIYAN_CHUNK_CHARS) : undefined,
    contextChars: env.KIYAN_CONTEXT_CHARS ? Number(env.KIYAN_CONTEXT_CHARS) : undefined,
    spillClusters: env.KIYAN_SPILL_CLUSTERS ? Number(env.KIYAN_SPILL_CLUSTERS) : undefined,
  };
  // Ctrl-C / SIGTERM: the run removes its temporary files at once (abort), then kiyan exits 130.
  const interrupt = new AbortController();
  options.signal = interrupt.signal;
  const onSignal = (): void => {
    interrupt.abort();
    errorLine('interrupted; no partial result files left');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const summary = await runBatch(options, {
    out: writeOut,
    outBytes: writeOut,
    error: errorLine,
    warn,
    note: (msg) => process.stderr.write(`kiyan: ${msg}\n`),
    progress: (line) => process.stderr.write(line === null ? '\r\x1b[K' : `\r\x1b[K${line}`),
    stdin: () => process.stdin,
    flush: () => new Promise((resolve) => process.stdout.write('', () => resolve())),
  });
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  // A run stopped by --max-errors leaves stdin unread: let the process end anyway.
  if (inputs.includes('-') && !process.stdin.readableEnded) process.stdin.destroy();
  return summary.exitCode;
}
