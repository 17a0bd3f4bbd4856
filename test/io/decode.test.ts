// Encoding detection on real reports re-encoded every way they turn up: GB18030, Big5, UTF-16, BOMs, CRLF.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes, encodeText } from '../../src/io/decode.js';

const corpusDir = join(import.meta.dirname, '../../corpus');
function corpus(prefix: string): string {
  const name = readdirSync(corpusDir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no corpus file ${prefix}`);
  return readFileSync(join(corpusDir, name), 'utf8');
}

const simplified = corpus('000'); // 电厂工会工作年度总结
const traditional004 = corpus('004'); // 總工會2023年度工作總結(jié)報告, with pinyin left in
// 002 uses two Japanese-style forms (説, 鋭) that Big5 cannot encode; its Big5 version uses the Taiwanese ones.
const traditional002 = corpus('002');
const traditional002Big5 = traditional002.replace(/説/g, '說').replace(/鋭/g, '銳');

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}
const bomUtf8 = Buffer.from([0xef, 0xbb, 0xbf]);
const bomLe = Buffer.from([0xff, 0xfe]);
const bomBe = Buffer.from([0xfe, 0xff]);

interface Variant {
  name: string;
  text: string;
  bytes: Buffer;
  encoding: string;
  bom: boolean;
}

function variants(label: string, text: string, big5Text: string | null): Variant[] {
  const list: Variant[] = [
    { name: `${label} utf-8`, text, bytes: Buffer.from(text, 'utf8'), encoding: 'utf-8', bom: false },
    { name: `${label} utf-8 BOM`, text, bytes: Buffer.concat([bomUtf8, Buffer.from(text, 'utf8')]), encoding: 'utf-8', bom: true },
    { name: `${label} gb18030`, text, bytes: iconv.encode(text, 'gb18030'), encoding: 'gb18030', bom: false },
    { name: `${label} utf-16le BOM`, text, bytes: Buffer.concat([bomLe, Buffer.from(text, 'utf16le')]), encoding: 'utf-16le', bom: true },
    { name: `${label} utf-16be BOM`, text, bytes: Buffer.concat([bomBe, utf16be(text)]), encoding: 'utf-16be', bom: true },
    { name: `${label} utf-16le`, text, bytes: Buffer.from(text, 'utf16le'), encoding: 'utf-16le', bom: false },
    { name: `${label} utf-16be`, text, bytes: utf16be(text), encoding: 'utf-16be', bom: false },
  ];
  if (big5Text !== null) {
    list.push({ name: `${label} big5`, text: big5Text, bytes: iconv.encode(big5Text, 'big5'), encoding: 'big5', bom: false });
  }
  return list;
}

const crlf = (t: string) => t.replace(/\n/g, '\r\n');
const cr = (t: string) => t.replace(/\n/g, '\r');

const cases: Variant[] = [
  ...variants('000 simplified', simplified, null),
  ...variants('004 traditional', traditional004, traditional004),
  ...variants('002 traditional', traditional002, traditional002Big5),
  ...variants('000 simplified CRLF', crlf(simplified), null),
  ...variants('004 traditional CR', cr(traditional004), cr(traditional004)),
  ...variants('002 traditional CRLF', crlf(traditional002), crlf(traditional002Big5)),
];

describe('decodeBytes: automatic detection on corpus files', () => {
  it('the fixtures really differ from UTF-8 and keep their line ends', () => {
    // Guards the table below: a GB18030 or Big5 variant identical to the UTF-8 bytes would prove nothing.
    expect(iconv.encode(simplified, 'gb18030').equals(Buffer.from(simplified, 'utf8'))).toBe(false);
    expect(iconv.decode(iconv.encode(traditional002Big5, 'big5'), 'big5')).toBe(traditional002Big5);
    expect(crlf(simplified)).toContain('\r\n');
    expect(cr(traditional004)).not.toContain('\n');
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const decoded = decodeBytes(c.bytes);
    expect(decoded.encoding).toBe(c.encoding);
    expect(decoded.bom).toBe(c.bom);
    // Exact equality: line ends untouched, BOM gone, not a character lost.
    expect(decoded.text === c.text).toBe(true);
    expect(decoded.text.length).toBe(c.text.length);
  });

  it('reads the 004 title in GB18030 and Big5 as the same traditional characters', () => {
    const title = '總工會2023年度工作總結(jié)報告';
    expect(decodeBytes(iconv.encode(traditional004, 'gb18030')).text.startsWith(title)).toBe(true);
    expect(decodeBytes(iconv.encode(traditional004, 'big5')).text.startsWith(title)).toBe(true);
  });

  it('detects BOM-less UTF-16 CJK text with no ASCII, zero bytes or not', () => {
    const cjk = [...simplified].filter((c) => /[\u4e00-\u9fff，。、]/.test(c));
    // 一 (U+4E00) and 最 (U+6700) put a zero byte where ASCII would have its non-zero one.
    const withZeroBytes = cjk.join('').slice(0, 400);
    expect(withZeroBytes).toMatch(/[一最]/);
    // Without such characters there is no 0x00 at all, and the bytes go through the UTF-8 and GB18030 tests first.
    const noZeroBytes = cjk.filter((c) => c.charCodeAt(0) % 256 !== 0).join('').slice(0, 400);
    for (const text of [withZeroBytes, noZeroBytes]) {
      expect(text.length).toBe(400);
      expect(decodeBytes(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'utf-16le', bom: false });
      expect(decodeBytes(utf16be(text))).toEqual({ text, encoding: 'utf-16be', bom: false });
    }
    expect(Buffer.from(withZeroBytes, 'utf16le').includes(0)).toBe(true);
    expect(Buffer.from(noZeroBytes, 'utf16le').includes(0)).toBe(false);
  });

  it('detects short GB18030 and Big5 lines', () => {
    const line = '二、夯实基础建设，全年发展新会员20人。';
    expect(decodeBytes(iconv.encode(line, 'gb18030'))).toEqual({ text: line, encoding: 'gb18030', bom: false });
    const tradLine = '區總工會緊緊圍繞全區中心工作，按照市總工會年初的安排部署。';
    expect(decodeBytes(iconv.encode(tradLine, 'big5'))).toEqual({ text: tradLine, encoding: 'big5', bom: false });
  });

  it('reads GB18030 four-byte sequences (characters outside GBK)', () => {
    const text = '𠀀年度总结：€与㐀'; // U+20000 and U+3400 need GB18030's four-byte form
    const bytes = iconv.encode(text, 'gb18030');
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'gb18030', bom: false });
  });

  it('reads UTF-8 cut off inside a character as UTF-8, not as GB18030', () => {
    const bytes = Buffer.from(`${simplified.trimEnd()}总结`, 'utf8');
    const cut = bytes.subarray(0, bytes.length - 1);
    const decoded = decodeBytes(cut);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(`${simplified.trimEnd()}总\ufffd`);
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
    expect(decodeBytes(bomUtf8)).toEqual({ text: '', encoding: 'utf-8', bom: true });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeBytes(Buffer.from('hello world\n'))).toEqual({ text: 'hello world\n', encoding: 'utf-8', bom: false });
  });
});

describe('decodeBytes: binary input', () => {
  function decodeError(bytes: Uint8Array, options?: { encoding?: string }): string {
    try {
      decodeBytes(bytes, options);
    } catch (error) {
      expect(error).toBeInstanceOf(DecodeError);
      return (error as Error).message;
    }
    throw new Error('expected a DecodeError');
  }

  it('refuses a PNG', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR rest of image')]);
    expect(decodeError(png)).toBe('binary file (PNG image)');
  });

  it('refuses PDF, ELF and ZIP, and says when the ZIP is a .docx', () => {
    expect(decodeError(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toBe('binary file (PDF document)');
    expect(decodeError(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBe('binary file (ELF executable)');
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    expect(decodeError(Buffer.concat([zipHeader, Buffer.from('data.csv')]))).toBe('binary file (ZIP archive)');
    expect(decodeError(Buffer.concat([zipHeader, Buffer.from('[Content_Types].xmlword/document.xml')]))).toMatch(
      /^binary file \(ZIP archive: a Word \.docx document/,
    );
  });

  it('refuses random bytes containing NULs', () => {
    // A fixed linear congruential generator: the same "random" bytes on every run.
    let seed = 12345;
    const bytes = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    expect(bytes.includes(0)).toBe(true);
    expect(decodeError(bytes)).toBe('binary file (NUL bytes)');
    // Odd length rules out UTF-16 altogether.
    expect(decodeError(bytes.subarray(0, 4095))).toBe('binary file (NUL bytes)');
  });

  it('refuses random bytes without NULs', () => {
    let seed = 99;
    const bytes = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return (seed >>> 24) || 1;
    });
    expect(bytes.includes(0)).toBe(false);
    expect(decodeError(bytes)).toMatch(/^binary file \(control characters\)$/);
  });

  it('refuses UTF-8 text with a NUL byte in it', () => {
    expect(decodeError(Buffer.from('总结\0总结\n工作计划', 'utf8'))).toBe('binary file (NUL bytes)');
  });

  it('refuses UTF-8 text full of control characters', () => {
    const text = '年度工作总结'.split('').join('\x01\x02');
    expect(decodeError(Buffer.from(text, 'utf8'))).toBe('binary file (control characters)');
  });

  it('accepts tabs, form feeds and a DOS end-of-file mark', () => {
    const text = '一、\t概况\f\r\n二、计划\r\n\x1a';
    expect(decodeBytes(Buffer.from(text, 'utf8')).text).toBe(text);
  });

  it('says when no supported encoding fits, instead of returning garbage', () => {
    // Shift-JIS Japanese: neither UTF-8, nor GB18030, nor Big5 reads it as text.
    const sjis = iconv.encode('日本語のテキストファイルです。これは中国語ではありません。ひらがなとカタカナ。', 'shift_jis');
    expect(decodeError(sjis)).toMatch(/^cannot tell the encoding.*--encoding/);
  });

  it('refuses Latin-1 text rather than reading it as Chinese', () => {
    const latin1 = iconv.encode('Le café crème à la française, très élégant. Où est la bibliothèque? Voilà.', 'latin1');
    expect(decodeError(latin1)).toMatch(/^cannot tell the encoding/);
  });

  it('names the accepted encodings when given an unknown one', () => {
    const message = decodeError(Buffer.from('abc'), { encoding: 'latin-9' });
    expect(message).toMatch(/^unknown encoding "latin-9"/);
    for (const name of ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'gb2312', 'big5']) expect(message).toContain(name);
  });

  it('reports where forced UTF-8 breaks', () => {
    const bytes = Buffer.concat([Buffer.from('总结', 'utf8'), iconv.encode('总结', 'gb18030')]);
    expect(decodeError(bytes, { encoding: 'utf8' })).toBe('not valid UTF-8 (first bad byte at offset 6)');
  });
});

describe('decodeBytes: --encoding override', () => {
  it('accepts names case-insensitively and answers with the canonical name', () => {
    const gb = iconv.encode(simplified, 'gb18030');
    for (const name of ['GBK', 'gb2312', 'GB18030']) {
      expect(decodeBytes(gb, { encoding: name })).toEqual({ text: simplified, encoding: 'gb18030', bom: false });
    }
    const big5 = iconv.encode(traditional004, 'big5');
    expect(decodeBytes(big5, { encoding: 'BIG5' })).toEqual({ text: traditional004, encoding: 'big5', bom: false });
    expect(decodeBytes(Buffer.from(simplified, 'utf16le'), { encoding: 'UTF16LE' }).text).toBe(simplified);
    expect(decodeBytes(utf16be(simplified), { encoding: 'utf-16be' }).encoding).toBe('utf-16be');
  });

  it('still removes a BOM that matches the named encoding', () => {
    const bytes = Buffer.concat([bomUtf8, Buffer.from('总结', 'utf8')]);
    expect(decodeBytes(bytes, { encoding: 'utf-8' })).toEqual({ text: '总结', encoding: 'utf-8', bom: true });
    const le = Buffer.concat([bomLe, Buffer.from('总结', 'utf16le')]);
    expect(decodeBytes(le, { encoding: 'utf-16' })).toEqual({ text: '总结', encoding: 'utf-16le', bom: true });
    const be = Buffer.concat([bomBe, utf16be('总结')]);
    expect(decodeBytes(be, { encoding: 'utf-16' })).toEqual({ text: '总结', encoding: 'utf-16be', bom: true });
  });

  it('decodes as told even when detection would choose otherwise', () => {
    // These bytes are valid GB18030 and valid Big5; the user knows which.
    const bytes = iconv.encode('工作', 'gb18030');
    expect(decodeBytes(bytes, { encoding: 'big5' }).text).toBe(iconv.decode(bytes, 'big5'));
    expect(decodeBytes(bytes, { encoding: 'big5' }).text).not.toBe('工作');
  });
});

describe('encodeText', () => {
  const sample = '总工会年度工作總結\r\n发展新会员20人。\n';

  it.each([
    ['utf-8', false],
    ['utf-8', true],
    ['utf-16le', true],
    ['utf-16be', true],
    ['utf-16le', false],
    ['utf-16be', false],
    ['gb18030', false],
    ['gb18030', true],
  ] as const)('round-trips through %s (BOM %s)', (encoding, bom) => {
    const bytes = encodeText(sample, encoding, bom);
    expect(decodeBytes(bytes)).toEqual({ text: sample, encoding, bom });
  });

  it('writes the bytes other tools write', () => {
    expect([...encodeText('总', 'utf-8', true)]).toEqual([0xef, 0xbb, 0xbf, 0xe6, 0x80, 0xbb]);
    expect([...encodeText('总', 'utf-16be', true)]).toEqual([0xfe, 0xff, 0x60, 0x3b]);
    expect([...encodeText('总', 'UTF16LE', false)]).toEqual([0x3b, 0x60]);
    expect([...encodeText('总', 'gbk', false)]).toEqual([0xd7, 0xdc]);
    expect([...encodeText('總', 'big5', false)]).toEqual([0xc1, 0x60]);
  });

  it('round-trips Big5 text and refuses a Big5 BOM', () => {
    expect(decodeBytes(encodeText(traditional004, 'big5', false))).toEqual({ text: traditional004, encoding: 'big5', bom: false });
    expect(() => encodeText('總', 'big5', true)).toThrow(/no byte order mark/);
  });

  it('is the inverse of decodeBytes for any text in UTF-8 and UTF-16 (property)', () => {
    fc.assert(
      // A leading U+FEFF would read as a BOM, and NUL marks binary data: both are excluded on purpose.
      fc.property(fc.string({ unit: 'grapheme' }).filter((t) => !t.startsWith('\uFEFF') && !t.includes('\0')), fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'), fc.boolean(), (text, encoding, bom) => {
        const decoded = decodeBytes(encodeText(text, encoding, bom), { encoding });
        expect(decoded).toEqual({ text, encoding, bom });
      }),
    );
  });
});
