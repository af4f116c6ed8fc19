/**
 * The units of work of a batch run, in input order: a whole input (a file, or a small
 * stdin), the chunks of a big text input between its 'begin' and 'end', the record blocks
 * of a streamed record input, and each record too big for one task cut into chunks
 * between 'record-begin' and 'record-end'. An input that cannot be read is a 'fail'.
 */
import { decodeBytes } from '../io/decode.js';
import { InputError } from '../io/errors.js';
import { inShard, type InputSpec } from '../io/walk.js';
import { chunkText, decodeStream, fileBytes, lineBlocks } from './chunk.js';
import { parseRecord, type RecordId, type Task } from './process.js';
import type { BatchPlan } from './plan.js';

export type Unit =
  | { kind: 'task'; task: Task | undefined; input: InputSpec; unit: 'whole' | 'chunk' | 'block' | 'record-chunk' }
  | { kind: 'begin'; input: InputSpec; records: boolean }
  | { kind: 'end'; input: InputSpec; bytes: number }
  | { kind: 'fail'; input: InputSpec; error: string; skipped?: boolean }
  /** A record too big for one task: its text goes through the chunk path like a big document. */
  | { kind: 'record-begin'; input: InputSpec; id: RecordId; line: number; text: string }
  | { kind: 'record-end'; input: InputSpec }
  /** A record that failed in the main thread (a big line that is not a record). */
  | { kind: 'record-fail'; input: InputSpec; id: RecordId; line: number; error: string };

async function* countBytes(src: AsyncIterable<Uint8Array>, into: { n: number }): AsyncGenerator<Uint8Array> {
  for await (const b of src) {
    into.n += b.length;
    yield b;
  }
}

function binarySkip(input: InputSpec, e: InputError): Unit {
  return { kind: 'fail', input, error: e.message, skipped: !input.explicit && e.message.includes('binary file') };
}

export async function* unitsOf(plan: BatchPlan, stdin: () => AsyncIterable<Uint8Array>): AsyncGenerator<Unit> {
  const { inputs, sizes, cfg, streamBytes, chunkChars, contextChars, canStream, records } = plan;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    if (input.error) {
      yield { kind: 'fail', input, error: input.error };
      continue;
    }
    const size = sizes[i];
    if (input.path !== '-' && (size <= streamBytes || (!canStream && !records))) {
      yield { kind: 'task', task: { kind: 'file', path: input.path, source: input.source, explicit: input.explicit }, input, unit: 'whole' };
      continue;
    }
    // stdin, or a big file: read in pieces.
    const raw: AsyncIterable<Uint8Array> = input.path === '-' ? stdin() : fileBytes(input.path);
    if (records) {
      yield* recordUnits(plan, input, raw);
      continue;
    }
    const counted = { n: 0 };
    const it = countBytes(raw, counted)[Symbol.asyncIterator]();
    try {
      // Small stdin: read whole, handled like a file.
      const head: Uint8Array[] = [];
      let headLen = 0;
      let eof = false;
      while (headLen <= streamBytes) {
        const r = await it.next();
        if (r.done) {
          eof = true;
          break;
        }
        head.push(r.value);
        headLen += r.value.length;
      }
      if (eof || !canStream) {
        if (!eof) for (let r = await it.next(); !r.done; r = await it.next()) head.push(r.value);
        const bytes = Buffer.concat(head);
        const text = decodeBytes(bytes, input.source, cfg.encoding).text;
        yield { kind: 'task', task: { kind: 'text', source: input.source, text, bytes: bytes.length }, input, unit: 'whole' };
        continue;
      }
      const rest: AsyncIterable<Uint8Array> = {
        [Symbol.asyncIterator]: async function* () {
          yield* head;
          for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
        },
      };
      const pieces = decodeStream(rest, input.source, cfg.encoding, input.explicit);
      yield { kind: 'begin', input, records: false };
      for await (const c of chunkText(pieces, chunkChars, contextChars)) {
        yield { kind: 'task', task: { kind: 'chunk', source: input.source, ...c }, input, unit: 'chunk' };
      }
      yield { kind: 'end', input, bytes: counted.n };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield binarySkip(input, e);
    }
  }
}

/**
 * A streamed record input (a big file, or stdin, whose records are given as they arrive):
 * blocks of records, and each record too big for one task on its own, cut into chunks.
 */
async function* recordUnits(plan: BatchPlan, input: InputSpec, raw: AsyncIterable<Uint8Array>): AsyncGenerator<Unit> {
  const counted = { n: 0 };
  const live = input.path === '-';
  const { chunkChars } = plan;
  const block = (firstLine: number, lines: string[]): Unit => ({ kind: 'task', task: { kind: 'records', source: input.source, firstLine, lines, bytes: 0 }, input, unit: 'block' });
  try {
    const pieces = decodeStream(countBytes(raw, counted), input.source, plan.cfg.encoding, input.explicit, live);
    yield { kind: 'begin', input, records: true };
    for await (const b of lineBlocks(pieces, chunkChars, live)) {
      let from = 0;
      for (let j = 0; j < b.lines.length; j++) {
        if (b.lines[j].length <= chunkChars) continue;
        if (j > from) yield block(b.firstLine + from, b.lines.slice(from, j));
        yield* bigRecord(plan, input, b.lines[j], b.firstLine + j);
        from = j + 1;
      }
      if (from < b.lines.length) yield block(b.firstLine + from, from ? b.lines.slice(from) : b.lines);
    }
    yield { kind: 'end', input, bytes: counted.n };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    yield binarySkip(input, e);
  }
}

/** A record bigger than a chunk is a big document: parsed here, its text cut into chunks for the workers (one such text whole ran a worker out of memory). */
async function* bigRecord(plan: BatchPlan, input: InputSpec, raw: string, line: number): AsyncGenerator<Unit> {
  const { cfg } = plan;
  const rec = parseRecord(raw.endsWith('\r') ? raw.slice(0, -1) : raw, cfg.textField, cfg.idField);
  if (!rec || !inShard(String(rec.id), cfg.shard)) return;
  if (!('text' in rec)) {
    yield { kind: 'record-fail', input, id: rec.id, line, error: rec.error };
    return;
  }
  yield { kind: 'record-begin', input, id: rec.id, line, text: rec.text };
  const where = `${input.source}:${line}`;
  for await (const c of chunkText([rec.text], plan.chunkChars, plan.contextChars)) {
    yield { kind: 'task', task: { kind: 'chunk', source: where, ...c, raw: true }, input, unit: 'record-chunk' };
  }
  yield { kind: 'record-end', input };
}
