// Writing a fixed text back over its file (--fix), without harming anything else:
//   - only a file whose bytes are exactly what decoding and encoding again gives is written: other
//     bytes (invalid UTF-8, a GB18030 or Big5 code with two forms) would change far from any fix,
//     so such a file is refused with a message; a file changed since it was read is refused too;
//   - through a symbolic link, the file it points to is fixed and the link stays, when that file is
//     inside the paths the run was given (a link out of them is refused: a report archive must not
//     be a way to write to /etc);
//   - a file with one name is replaced atomically (write-file-atomic: a temporary file beside it,
//     flushed, renamed over it) with its mode and owner; a file with several hard links is written
//     in place instead (one write of the whole text, then the truncation, then fsync), so all its
//     names keep the one file: a rename would give the name written a new file and leave the others
//     with the old text. In place is not atomic against a power cut, which the rename is; a kill
//     cannot split the one write, and only a fix that shortened the file has a moment (between the
//     write and the truncation) where the end of the old text follows the new one.
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync, fsyncSync, ftruncateSync, writeSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { decodeBytes, describeFsError, encodeText } from '../io/index.js';
import { globBase } from '../io/output-guard.js';
import { writeFileAtomic } from './fix.js';

/** Why a file was not written; the message is for the user, without the path. */
export class WriteBackError extends Error {
  override name = 'WriteBackError';
}

export interface WriteBackOptions {
  /**
   * Folders and files the run was given (the command line's paths): a symbolic link is followed
   * only to a file inside one of them. Default: the current directory.
   */
  roots?: readonly string[];
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Real paths of the roots that exist (a glob's folder, a file, a directory), links resolved: a link
 * named on the command line is a file the user asked to fix, wherever it points.
 */
function realRoots(roots: readonly string[]): string[] {
  const out: string[] = [];
  for (const root of roots) {
    try {
      out.push(realpathSync(resolve(globBase(root))));
    } catch {
      // a root that does not exist holds nothing
    }
  }
  return out;
}

/** The file to write for `path`: itself, or the file its symbolic link points to (inside the roots). */
function targetOf(path: string, roots: readonly string[]): string {
  let link: boolean;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch (error) {
    throw new WriteBackError(describeFsError(error));
  }
  if (!link) return path;
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    throw new WriteBackError(`a symbolic link whose file cannot be reached (${describeFsError(error)})`);
  }
  const allowed = realRoots(roots.length ? roots : ['.']);
  if (!allowed.some((root) => inside(target, root))) {
    throw new WriteBackError(`a symbolic link to ${target}, outside the paths given: not fixed (fix that file itself)`);
  }
  return target;
}

/**
 * Write `output` (the fixed text) over the file at `path`, whose text was `original` when it was
 * read, in its encoding and BOM. Throws WriteBackError (refusals) or a file-system error.
 */
export function writeBack(path: string, original: string, output: string, encoding: string, bom: boolean, options: WriteBackOptions = {}): void {
  const target = targetOf(path, options.roots ?? []);
  let current: Buffer;
  try {
    current = readFileSync(target);
  } catch (error) {
    throw new WriteBackError(describeFsError(error));
  }
  if (!current.equals(encodeText(original, encoding, bom))) {
    if (!decodesTo(current, encoding, original)) throw new WriteBackError('the file changed since it was read: not fixed (check it again)');
    throw new WriteBackError(`not fixed: some of its bytes are not valid ${encoding} and would change when the file is written again (fix it by hand, or convert the file first)`);
  }
  const stats = lstatSync(target);
  if (stats.nlink > 1) writeInPlace(target, encodeText(output, encoding, bom));
  else writeFileAtomic(target, output, encoding, bom, { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid });
}

/** Whether the bytes still read as `original`, as detected (the way the run read them) or in `encoding` (--encoding). */
function decodesTo(bytes: Uint8Array, encoding: string, original: string): boolean {
  for (const options of [{}, { encoding }]) {
    try {
      if (decodeBytes(bytes, options).text === original) return true;
    } catch {
      // not readable this way
    }
  }
  return false;
}

/** Overwrite the file itself (its inode), so every hard link sees the fixed text. */
function writeInPlace(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'r+');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
    if (fstatSync(fd).size > bytes.length) ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
