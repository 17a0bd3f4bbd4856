// Reading one input (a file or stdin) into decoded text, with errors that name the file and the problem.
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { DecodeError, decodeBytes, type DecodedText } from './decode.js';

export interface SourceText {
  /** The path as given ("-" for stdin). */
  path: string;
  text: string;
  /** Canonical encoding name: utf-8, utf-16le, utf-16be, gb18030 or big5. */
  encoding: string;
  bom: boolean;
  lineEnding: LineEnding;
  /** Size of the input in bytes, before decoding. */
  bytes: number;
  /**
   * 'paragraph' for a Word document (.docx): `text` is its paragraphs joined with "\n", so a line is
   * a paragraph number and a column the character within the paragraph, not places in the file.
   */
  positions?: 'paragraph';
}

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** Larger inputs are refused: no report is this big, and decoding it would exhaust memory in a batch run. */
export const MAX_INPUT_MB = 200;
export const MAX_INPUT_BYTES = MAX_INPUT_MB * 1024 * 1024;

/** An input could not be read or decoded. The message is "PATH: what is wrong". */
export class ReadError extends Error {
  override name = 'ReadError';
  constructor(
    readonly path: string,
    /** What is wrong, without the path ("permission denied"). */
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Plain-English text for a file-system error, as the shell would say it. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR': // a parent in the path is a file: as far as the user is concerned, the file does not exist
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function tooLarge(path: string, size: number): ReadError {
  return new ReadError(path, `file too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_INPUT_MB} MB)`);
}

/** All of stdin, refusing more than MAX_INPUT_BYTES. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw tooLarge('-', size);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

async function readFileBytes(path: string): Promise<Uint8Array> {
  // A regular file is read on this thread: from the page cache that takes microseconds, less than
  // handing each call to the thread pool and waiting for its answer (several per file). Anything
  // else (a pipe, a device, a path that fails) may block or fail, and goes through the pool.
  if (isRegularFile(path)) return readRegularFile(path);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ReadError(path, describeFsError(error));
  }
  try {
    // Stat the open handle rather than the path, so what is checked is what is read.
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new ReadError(path, 'is a directory');
    if (stats.size > MAX_INPUT_BYTES) throw tooLarge(path, stats.size);
    const bytes = await handle.readFile();
    // A pipe or device reports size 0 in stat, so check again after reading.
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(path, bytes.length);
    return bytes;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(path, describeFsError(error));
  } finally {
    await handle.close();
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false; // the read below says what is wrong
  }
}

function readRegularFile(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new ReadError(path, describeFsError(error));
  }
  try {
    // Stat the open file rather than the path, so what is checked is what is read.
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new ReadError(path, 'is a directory');
    if (stats.size > MAX_INPUT_BYTES) throw tooLarge(path, stats.size);
    const bytes = readFileSync(fd);
    if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(path, bytes.length);
    return bytes;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(path, describeFsError(error));
  } finally {
    closeSync(fd);
  }
}

/** Which line ends the text uses; CRLF counts as one line end, not as CR then LF. */
export function detectLineEnding(text: string): LineEnding {
  let lf = false;
  let crlf = false;
  let cr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        crlf = true;
        i++;
      } else {
        cr = true;
      }
    } else if (c === 0x0a) {
      lf = true;
    }
  }
  const kinds = Number(lf) + Number(crlf) + Number(cr);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf ? 'lf' : crlf ? 'crlf' : 'cr';
}

/** The bytes of one input: a path, or "-" for stdin. Throws ReadError. */
export async function readInputBytes(path: string): Promise<Uint8Array> {
  return path === '-' ? await readStdin() : await readFileBytes(path);
}

/**
 * Read and decode one input: a path, or "-" for stdin. Throws ReadError, whose message names the
 * input and what is wrong ("a.txt: permission denied", "x.png: binary file (PNG image)").
 */
export async function readSource(path: string, options: { encoding?: string } = {}): Promise<SourceText> {
  return sourceFromBytes(path, await readInputBytes(path), options);
}

/** Decode the bytes of an input read already (see readSource). Throws ReadError. */
export function sourceFromBytes(path: string, bytes: Uint8Array, options: { encoding?: string } = {}): SourceText {
  let decoded: DecodedText;
  try {
    decoded = decodeBytes(bytes, options);
  } catch (error) {
    if (error instanceof DecodeError) throw new ReadError(path, error.message);
    throw error;
  }
  return {
    path,
    text: decoded.text,
    encoding: decoded.encoding,
    bom: decoded.bom,
    lineEnding: detectLineEnding(decoded.text),
    bytes: bytes.length,
  };
}
