// Encoding text back to bytes: the inverse of decodeBytes, so that a rewritten file (--fix) keeps
// the encoding and BOM it had.
import iconv from 'iconv-lite';
import { BOM_GB18030, BOM_UTF16BE, BOM_UTF16LE, BOM_UTF8 } from './byte-marks.js';
import { canonicalEncoding, DecodeError } from './encodings.js';

/**
 * The inverse of decodeBytes: text in the given encoding, with a BOM when asked, so that a
 * rewritten file (--fix) keeps the encoding and BOM it had. Declared Uint8Array (it is a Buffer):
 * the library's public types name no Node type, so that they compile without @types/node.
 */
export function encodeText(text: string, encoding: string, bom: boolean): Uint8Array {
  const canonical = canonicalEncoding(encoding);
  switch (canonical) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([Buffer.from(BOM_UTF8), body]) : body;
    }
    case 'utf-16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([Buffer.from(BOM_UTF16LE), body]) : body;
    }
    case 'utf-16be': {
      const body = Buffer.from(text, 'utf16le').swap16();
      return bom ? Buffer.concat([Buffer.from(BOM_UTF16BE), body]) : body;
    }
    case 'gb18030': {
      const body = iconv.encode(text, 'gb18030');
      return bom ? Buffer.concat([Buffer.from(BOM_GB18030), body]) : body;
    }
    case 'big5':
      if (bom) throw new DecodeError('big5 has no byte order mark');
      return iconv.encode(text, 'big5');
  }
}
