// Reading a file all the way to a Document: the first stages every command shares.
import { detectLineEnding, type SourceText } from './io/index.js';
import { readInputBytes, ReadError, sourceFromBytes } from './io/read.js';
import { DocxError, readDocx, wordFileKind } from './io/docx.js';
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

/**
 * How much a run holds at once so that a batch's cuts are made together (segment/prefetch.ts):
 * batches of 50 documents ran as fast as batches of 200 on the bench archive and hold less; the
 * characters bound the memory a batch of long documents holds.
 */
export const BATCH = { documents: 50, chars: 250_000 };

/**
 * `inputs` loaded in order by `load` and handed on a batch at a time: up to BATCH.documents
 * items, or fewer whose `size` (characters held) reaches BATCH.chars.
 */
export async function* inBatches<I, T>(inputs: Iterable<I>, load: (input: I) => Promise<T>, size: (item: T) => number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  let chars = 0;
  for (const input of inputs) {
    const item = await load(input);
    batch.push(item);
    chars += size(item);
    if (batch.length >= BATCH.documents || chars >= BATCH.chars) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) yield batch;
}

export async function loadDocument(path: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  return loadDocumentBytes(path, await readInputBytes(path), options);
}

/**
 * A document from the bytes of an input read already: a Word document (.docx, by name or content)
 * or text. Throws ReadError naming the input and what is wrong.
 */
export async function loadDocumentBytes(path: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedDocument> {
  const shownPath = path === '-' ? (options.stdinFilename ?? '<stdin>') : path;
  if (wordFileKind(shownPath, bytes)) return wordDocument(path, shownPath, bytes, options);
  const source = sourceFromBytes(path, bytes, options.encoding ? { encoding: options.encoding } : {});
  const doc = parseDocument(shownPath, source.text, {
    format: options.documentFormat ?? formatOf(shownPath),
    ...(options.from ? { from: options.from } : {}),
  });
  return Object.assign(doc, { source }); // not a spread, which would split the sentences now
}

/**
 * A Word document as text: its paragraphs joined with "\n", so that a line is a paragraph number and
 * a column the character within the paragraph (DESIGN.md); Word headings become sections.
 */
async function wordDocument(path: string, shownPath: string, bytes: Uint8Array, options: LoadOptions): Promise<LoadedDocument> {
  let content;
  try {
    content = await readDocx(bytes, { name: shownPath });
  } catch (error) {
    if (error instanceof DocxError) throw new ReadError(path, error.message);
    throw error;
  }
  const text = content.paragraphs.map((p) => p.text).join('\n');
  const headings = new Map<number, number>();
  content.paragraphs.forEach((p, index) => {
    if (p.heading) headings.set(index, p.heading);
  });
  const source: SourceText = {
    path, text, encoding: 'utf-8', bom: false, lineEnding: detectLineEnding(text), bytes: bytes.length, positions: 'paragraph',
  };
  const doc = parseDocument(shownPath, text, { format: 'text', headings, ...(options.from ? { from: options.from } : {}) });
  return Object.assign(doc, { source }); // not a spread, which would split the sentences now
}
