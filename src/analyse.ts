// Reading a file all the way to a Document: the first stages every command shares.
import { decodeBytes, detectLineEnding, readSource, type SourceText } from './io/index.js';
import { parseDocument, formatOf, type Document, type DocumentFormat } from './document/index.js';
import type { Variant } from './normalize/index.js';

export interface LoadOptions {
  encoding?: string;
  /** Markdown or plain text; by default from the file name. */
  documentFormat?: DocumentFormat;
  from?: Variant;
  /** Path to report for stdin ("-"), which also decides Markdown or text. */
  stdinFilename?: string;
}

export interface LoadedDocument extends Document {
  source: SourceText;
}

export async function loadDocument(path: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const source = await readSource(path, options.encoding ? { encoding: options.encoding } : {});
  const shownPath = path === '-' ? (options.stdinFilename ?? '<stdin>') : path;
  const doc = parseDocument(shownPath, source.text, {
    format: options.documentFormat ?? formatOf(shownPath),
    ...(options.from ? { from: options.from } : {}),
  });
  return { ...doc, source };
}

/** A document from bytes that are not a file on disk (a git index entry, an upload). */
export function documentFromBytes(path: string, bytes: Uint8Array, options: LoadOptions = {}): LoadedDocument {
  const decoded = decodeBytes(bytes, options.encoding ? { encoding: options.encoding } : {});
  const source: SourceText = { path, ...decoded, lineEnding: detectLineEnding(decoded.text), bytes: bytes.length };
  const doc = parseDocument(path, decoded.text, {
    format: options.documentFormat ?? formatOf(path),
    ...(options.from ? { from: options.from } : {}),
  });
  return { ...doc, source };
}
