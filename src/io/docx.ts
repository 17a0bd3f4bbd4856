// Word documents (.docx) → their paragraphs in order, with the depth of those that are headings.
// Read with mammoth: its HTML (Heading 1–6 → h1–h6, lists → li, table cells → td) is walked here,
// one entry per paragraph-like element. A .docx is not text: see DESIGN.md on paragraph positions.
import { extname } from 'node:path';
import { assertZipWithinLimits, ZipRefusal } from './zip-guard.js';

export interface DocxParagraph {
  /** The paragraph's text, on one line (a line break inside the paragraph becomes a space). */
  text: string;
  /** 1–6 when the paragraph has a Word heading style (Heading 1 → 1). */
  heading?: number;
}

export interface DocxContent {
  paragraphs: DocxParagraph[];
}

/** A Word file that cannot be read; the message says what is wrong and what to do, without the path. */
export class DocxError extends Error {
  override name = 'DocxError';
}

/** LibreOffice's batch conversion, which reads both old formats: a .docx beside each file. */
const CONVERT = 'soffice --headless --convert-to docx --outdir <its folder> <file>';

export const MESSAGES = {
  encrypted: 'password-protected Word document: remove the password and save again',
  legacy: `legacy Word 97–2003 document (.doc): open it in Word or WPS and save it as .docx, or convert it with LibreOffice (${CONVERT})`,
  wps: `WPS Writer document (.wps): open it in WPS and save it as .docx, or convert it with LibreOffice (${CONVERT})`,
  ole: 'not a .docx but an OLE compound file (a password-protected or Office 97–2003 document): open it in Word or WPS, remove any password and save it as .docx',
  notWord: 'not a Word document (a ZIP archive without word/document.xml)',
  damaged: 'damaged Word document',
  empty: 'damaged Word document (empty file)',
} as const;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

function buffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** An OLE compound file holds a stream of this name (directory entries are UTF-16LE). */
function hasOleStream(bytes: Uint8Array, name: string): boolean {
  return buffer(bytes).includes(Buffer.from(name, 'utf16le'));
}

const WORD_EXTENSIONS = new Set(['.docx', '.docm', '.dotx', '.dotm']);
// Old binary formats: Word 97–2003 (.doc, .dot) and WPS Writer (.wps, .wpt), which Word cannot save as
// and zongjie cannot read. A folder walk passes them over (src/cli/legacy-word.ts says so).
const LEGACY_EXTENSIONS = new Set(['.doc', '.dot', '.wps', '.wpt']);
const WPS_EXTENSIONS = new Set(['.wps', '.wpt']);

/** The old word-processor files a folder walk names when nothing else could be read. */
export const LEGACY_WORD_EXTENSIONS: readonly string[] = ['.doc', '.wps'];

/**
 * Whether an input is a Word file and which kind: by its name (.docx, .doc), else by its content (a
 * ZIP holding word/document.xml; an OLE file holding a Word or an encrypted document). null: not Word.
 */
export function wordFileKind(name: string, bytes: Uint8Array): 'docx' | 'doc' | null {
  const extension = extname(name).toLowerCase();
  if (WORD_EXTENSIONS.has(extension)) return 'docx';
  if (LEGACY_EXTENSIONS.has(extension)) return isZip(bytes) ? 'docx' : 'doc';
  if (isZip(bytes) && buffer(bytes).includes('word/document.xml')) return 'docx';
  if (isOle(bytes) && (hasOleStream(bytes, 'EncryptedPackage') || hasOleStream(bytes, 'WordDocument'))) return 'doc';
  return null;
}

/**
 * Why a Word file that is not a readable .docx cannot be read: a legacy .doc, a password-protected
 * document (an OLE file holding an EncryptedPackage), another OLE file, an empty or damaged file.
 * `extension`: of the file's name (a .doc or .wps is an old document whatever its bytes).
 */
function refusal(bytes: Uint8Array, extension: string): string {
  const legacy = LEGACY_EXTENSIONS.has(extension);
  const old = WPS_EXTENSIONS.has(extension) ? MESSAGES.wps : MESSAGES.legacy;
  if (bytes.length === 0) return MESSAGES.empty;
  if (isOle(bytes)) {
    if (hasOleStream(bytes, 'EncryptedPackage')) return MESSAGES.encrypted;
    if (legacy || hasOleStream(bytes, 'WordDocument')) return old;
    return MESSAGES.ole;
  }
  // A .doc that is neither (RTF or HTML saved as .doc): Word or WPS still turns it into a .docx.
  if (legacy) return old;
  return `${MESSAGES.damaged} (not a ZIP archive)`;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dt', 'dd']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * mammoth's HTML → paragraphs, in document order. Each p, h1–h6, li, td and th is one paragraph
 * (a cell holding paragraphs gives those; a list item's own text comes before its nested list);
 * images are dropped, and so are footnote links ([1], ↑), whose notes follow as paragraphs.
 */
export function paragraphsFromHtml(html: string): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  interface Open { tag: string; text: string; heading?: number; emitted: boolean }
  const stack: Open[] = [];
  let skipDepth = 0; // inside footnote links
  const linkStack: boolean[] = [];
  const emit = (block: Open) => {
    const text = block.text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ');
    paragraphs.push(block.heading ? { text, heading: block.heading } : { text });
    block.text = '';
    block.emitted = true;
  };
  const tokens = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  for (let m = tokens.exec(html); m; m = tokens.exec(html)) {
    const [, closing, rawTag, attributes, text] = m;
    if (text !== undefined) {
      if (skipDepth === 0 && stack.length) stack.at(-1)!.text += unescapeHtml(text);
      continue;
    }
    const tag = rawTag!.toLowerCase();
    if (tag === 'a') {
      if (closing) {
        if (linkStack.pop()) skipDepth--;
      } else {
        const note = /\bhref="#(?:footnote|endnote)-/.test(attributes ?? '');
        linkStack.push(note);
        if (note) skipDepth++;
      }
      continue;
    }
    if (tag === 'br') {
      if (stack.length) stack.at(-1)!.text += ' ';
      continue;
    }
    if (!BLOCKS.has(tag)) continue;
    if (!closing) {
      const parent = stack.at(-1);
      // Text of the enclosing block before this one (a list item before its nested list) comes first.
      if (parent && parent.text.trim() !== '') emit(parent);
      if (parent) parent.emitted = true;
      const depth = /^h[1-6]$/.test(tag) ? Number(tag[1]) : undefined;
      stack.push({ tag, text: '', emitted: false, ...(depth ? { heading: depth } : {}) });
      if (/\/\s*$/.test(attributes ?? '')) {
        const self = stack.pop()!;
        if (!parent) emit(self);
      }
      continue;
    }
    const at = stack.map((o) => o.tag).lastIndexOf(tag);
    if (at < 0) continue;
    while (stack.length > at) {
      const block = stack.pop()!;
      // A block whose paragraphs were all emitted inside it is not one more; an empty one is.
      if (block.text.trim() !== '' || !block.emitted) emit(block);
    }
  }
  while (stack.length) {
    const block = stack.shift()!;
    if (block.text.trim() !== '' || !block.emitted) emit(block);
  }
  return paragraphs;
}

/** Word heading styles beyond mammoth's defaults: the names Chinese Word and WPS give them. */
const STYLE_MAP = [1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='標題 ${n}'] => h${n}:fresh`]);

/**
 * The paragraphs of a .docx, in order, with the heading depth of those in a Word heading style.
 * `name` (the file name) tells a .doc from a .docx. Throws DocxError with a message for the user.
 */
export async function readDocx(bytes: Uint8Array, options: { name?: string } = {}): Promise<DocxContent> {
  if (!isZip(bytes)) throw new DocxError(refusal(bytes, options.name === undefined ? '' : extname(options.name).toLowerCase()));
  // A ZIP bomb is refused before anything is inflated for the reader (zip-guard.ts).
  try {
    assertZipWithinLimits(bytes);
  } catch (error) {
    if (error instanceof ZipRefusal) throw new DocxError(error.message);
    throw error;
  }
  let html: string;
  // Loaded only for a Word file: about 100 ms a plain-text check should not pay.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml(
      { buffer: buffer(bytes) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: false,
        // Images are not text: no data URIs in the HTML.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/main document part/i.test(reason)) throw new DocxError(MESSAGES.notWord);
    throw new DocxError(`${MESSAGES.damaged} (${reason.replace(/\s+/g, ' ').trim()})`);
  }
  return { paragraphs: paragraphsFromHtml(html) };
}
