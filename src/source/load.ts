// Reading a file all the way to a SourceCode: the first stages every command shares.
import { detectLineEnding, type SourceText } from '../io/index.js';
import { readInputBytes, ReadError, sourceFromBytes } from '../io/read.js';
import { DocxError, readDocx, wordFileKind, type DocxContent } from '../io/docx.js';
import { parseDocument, formatOf, type DocumentFormat } from '../document/index.js';
import type { Variant } from '../normalize/index.js';
import { memoryRefusal, type MemoryProfile } from './memory-guard.js';
import { SourceCode } from './source-code.js';

export interface LoadOptions {
  encoding?: string;
  /** Markdown or plain text; by default from the file name. */
  documentFormat?: DocumentFormat;
  from?: Variant;
  /** Path to report for stdin ("-"), which also decides Markdown or text. */
  stdinFilename?: string;
  /** What the run will do with the document, for the memory guard (default: the whole analysis). */
  memory?: MemoryProfile;
}

export async function loadSource(path: string, options: LoadOptions = {}): Promise<SourceCode> {
  return loadSourceBytes(path, await readInputBytes(path), options);
}

/**
 * A document from the bytes of an input read already: a Word document (.docx, by name or content)
 * or text. Throws ReadError naming the input and what is wrong.
 */
export async function loadSourceBytes(path: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<SourceCode> {
  const shownPath = path === '-' ? (options.stdinFilename ?? '<stdin>') : path;
  if (wordFileKind(shownPath, bytes)) return wordDocument(path, shownPath, bytes, options);
  const source = sourceFromBytes(path, bytes, options.encoding ? { encoding: options.encoding } : {});
  const doc = parseDocument(shownPath, source.text, {
    format: options.documentFormat ?? formatOf(shownPath),
    ...(options.from ? { from: options.from } : {}),
  });
  assertFitsInMemory(path, doc.original.length, doc.paragraphs.length, options.memory);
  return new SourceCode(doc, source);
}

/**
 * A Word document as text: its paragraphs joined with "\n", so that a line is a paragraph number and
 * a column the character within the paragraph (DESIGN.md); Word headings become sections.
 */
async function wordDocument(path: string, shownPath: string, bytes: Uint8Array, options: LoadOptions): Promise<SourceCode> {
  let content: DocxContent;
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
  assertFitsInMemory(path, doc.original.length, doc.paragraphs.length, options.memory);
  return new SourceCode(doc, source);
}

/** The outline is cheap next to the analysis: a document whose analysis would not fit is refused here, with a message (memory-guard.ts). */
function assertFitsInMemory(path: string, characters: number, paragraphs: number, profile: MemoryProfile = 'analysis'): void {
  const refusal = memoryRefusal(characters, paragraphs, undefined, profile);
  if (refusal) throw new ReadError(path, refusal);
}
