/**
 * The units a peer script processes, from a folder or one file, as { source, text }.
 *
 * A folder gives its files (recursively, in sorted order), each read whole. One file is
 * read in 1 MB blocks, decoded incrementally and cut at the first line end after 100,000
 * characters: the same ~100 KB units as the folder, with memory bounded whatever the size,
 * which is what a user of a library without a streaming mode would write.
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const UNIT_CHARS = 100_000;

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

export function* units(input) {
  if (statSync(input).isDirectory()) {
    for (const path of walk(input)) yield { source: path, text: readFileSync(path, 'utf8') };
    return;
  }
  const fd = openSync(input, 'r');
  const block = Buffer.allocUnsafe(1 << 20);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let part = 0;
  for (;;) {
    const n = readSync(fd, block, 0, block.length, null);
    pending += n > 0 ? decoder.write(block.subarray(0, n)) : decoder.end();
    let cut;
    while (pending.length > UNIT_CHARS && (cut = pending.indexOf('\n', UNIT_CHARS)) >= 0) {
      yield { source: `${input}#${part++}`, text: pending.slice(0, cut + 1) };
      pending = pending.slice(cut + 1);
    }
    if (n === 0) break;
  }
  closeSync(fd);
  if (pending) yield { source: `${input}#${part}`, text: pending };
}

/** Reads an exported lexicon (`kiyan lexicon export --format tsv`): [type, text] rows of PER, LOC, ORG. */
export function readLexicon(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((r) => r.length >= 2 && (r[0] === 'PER' || r[0] === 'LOC' || r[0] === 'ORG'));
}

/** Collects output lines and writes them to stdout in ~1 MB writes (a file or a pipe, synchronously). */
export function lineWriter() {
  let buffered = [];
  let size = 0;
  const flush = () => {
    if (buffered.length) process.stdout.write(buffered.join(''));
    buffered = [];
    size = 0;
  };
  return {
    write(line) {
      buffered.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    },
    flush,
  };
}
