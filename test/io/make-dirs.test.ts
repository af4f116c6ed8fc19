import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMakeDirsError, makeDirs } from '../../src/io/make-dirs.js';

const caught = (f: () => void): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

describe('makeDirs', () => {
  test('makes the missing folders, and is quiet when they exist', () => {
    const base = mkdtempSync(join(tmpdir(), 'kiyan-md-'));
    const deep = join(base, 'a', 'b', 'c');
    makeDirs(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeDirs(deep);
    makeDirs(base);
    expect(statSync(deep).isDirectory()).toBe(true);
  });
  test('a file in the way is named, with ENOTDIR', () => {
    const base = mkdtempSync(join(tmpdir(), 'kiyan-md-'));
    const file = join(base, 'f.txt');
    writeFileSync(file, 'x');
    const e = caught(() => makeDirs(join(file, 'x', 'y')));
    expect((e as NodeJS.ErrnoException).code).toBe('ENOTDIR');
    expect(describeMakeDirsError(e)).toBe(`${file}: a file, not a folder (ENOTDIR)`);
    expect(existsSync(join(file, 'x'))).toBe(false);
  });
  // procfs answers ENOENT for a new folder under a folder that exists: Node's recursive
  // mkdir loops on that forever; makeDirs must fail at once.
  (existsSync('/proc/self') ? test : test.skip)('a folder the file system refuses (procfs) fails at once', () => {
    const e = caught(() => makeDirs('/proc/kiyan-nope/a/b'));
    expect((e as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(describeMakeDirsError(e)).toBe('/proc/kiyan-nope: the file system does not allow a folder there (ENOENT)');
  });
});
