// Binary signatures: recognises images, executables, archives, PDFs and the like by their first
// bytes, so that a file given by mistake is refused with its format named.
import { startsWith } from './byte-marks.js';

// Signatures are compared per input: their bytes are made once.
const asciiCache = new Map<string, number[]>();
function ascii(text: string): number[] {
  let bytes = asciiCache.get(text);
  if (!bytes) {
    bytes = [...text].map((c) => c.charCodeAt(0));
    asciiCache.set(text, bytes);
  }
  return bytes;
}

interface Magic {
  what: string;
  test: (bytes: Uint8Array) => boolean;
}

// Formats someone might point the tool at by mistake. Only signatures that no text file plausibly
// starts with are listed ("MZ" and "BM" alone are ordinary letters, so they need more evidence).
const MAGICS: Magic[] = [
  { what: 'PNG image', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { what: 'JPEG image', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { what: 'GIF image', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { what: 'WebP image', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { what: 'PDF document', test: (b) => startsWith(b, ascii('%PDF-')) },
  { what: 'ELF executable', test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  { what: 'Windows executable', test: isPortableExecutable },
  { what: 'Mach-O executable', test: (b) => [[0xcf, 0xfa, 0xed, 0xfe], [0xce, 0xfa, 0xed, 0xfe], [0xfe, 0xed, 0xfa, 0xcf], [0xca, 0xfe, 0xba, 0xbe]].some((m) => startsWith(b, m)) },
  { what: 'WebAssembly module', test: (b) => startsWith(b, [0x00, 0x61, 0x73, 0x6d]) },
  { what: 'gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { what: '7-Zip archive', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { what: 'RAR archive', test: (b) => startsWith(b, ascii('Rar!\x1a\x07')) },
  { what: 'old Word/Excel (OLE) document', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { what: 'SQLite database', test: (b) => startsWith(b, ascii('SQLite format 3\0')) },
];

function isPortableExecutable(b: Uint8Array): boolean {
  if (!startsWith(b, ascii('MZ')) || b.length < 0x40) return false;
  const peOffset = (b[0x3c] ?? 0) | ((b[0x3d] ?? 0) << 8) | ((b[0x3e] ?? 0) << 16) | ((b[0x3f] ?? 0) << 24);
  return peOffset > 0 && startsWith(b, [0x50, 0x45, 0, 0], peOffset);
}

function isZip(b: Uint8Array): boolean {
  return [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0x50, 0x4b, 0x07, 0x08]].some((m) => startsWith(b, m));
}

/** Names the binary format the bytes start with, or null. */
export function binaryFormat(bytes: Uint8Array): string | null {
  if (isZip(bytes)) {
    // A .docx is a ZIP too; say so, because the user probably meant it as a report.
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024)).toString('latin1');
    return head.includes('word/') ? 'ZIP archive: a Word .docx document, not plain text' : 'ZIP archive';
  }
  return MAGICS.find((m) => m.test(bytes))?.what ?? null;
}
