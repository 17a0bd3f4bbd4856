// A .docx is a ZIP archive, and a ZIP can be a bomb: 0.7 MB that unpacks to 200 MB of XML, which the
// Word reader (mammoth, a DOM of the whole document) turns into gigabytes. Before anything is handed
// to it, the archive's central directory is read here and the parts the reader inflates (XML and
// relationships) are measured against limits; each of them is then inflated once, with its output
// bounded, so a part whose header lies about its size is caught too.
import { inflateRawSync } from 'node:zlib';

/** One part of the archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The bounds a Word document's parts must keep (see docs/architecture.md, "Word documents"). */
export interface ZipLimits {
  /** The largest XML part, unpacked (document.xml of a 100-page report is 2–3 MB). */
  maxPartBytes: number;
  /** All XML parts together, unpacked. */
  maxTotalBytes: number;
  /** Unpacked size over packed size of a part above `ratioFloorBytes`, as Apache POI bounds it. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DOCX_LIMITS: ZipLimits = {
  maxPartBytes: 16 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** Why the archive is refused, for the user (DocxError's message). */
export class ZipRefusal extends Error {
  override name = 'ZipRefusal';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The end-of-central-directory record: searched backwards, past a comment of up to 64 KB. */
function findEnd(data: DataView): number {
  const last = data.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (data.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** Read 64-bit sizes (ZIP64) as numbers: beyond 2^53 bytes is beyond every limit anyway. */
function uint64(data: DataView, at: number): number {
  return data.getUint32(at, true) + data.getUint32(at + 4, true) * 2 ** 32;
}

/** The parts listed in the archive's central directory. Throws ZipRefusal for a damaged directory. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  const end = findEnd(data);
  if (end < 0) throw new ZipRefusal('damaged Word document (no ZIP directory)');
  let count = data.getUint16(end + 10, true);
  let offset = data.getUint32(end + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && data.getUint32(end - 20, true) === ZIP64_EOCD_LOCATOR) {
    const record = uint64(data, end - 20 + 8);
    if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_EOCD) throw new ZipRefusal('damaged Word document (ZIP64 directory)');
    count = uint64(data, record + 32);
    offset = uint64(data, record + 48);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.byteLength || data.getUint32(at, true) !== CENTRAL) throw new ZipRefusal('damaged Word document (ZIP directory)');
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > data.byteLength) throw new ZipRefusal('damaged Word document (ZIP directory)');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      uncompressedSize: data.getUint32(at + 24, true),
      localHeaderOffset: data.getUint32(at + 42, true),
    };
    readZip64Extra(data, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset marked 0xFFFFFFFF are in the ZIP64 extra field, in this order. */
function readZip64Extra(data: DataView, start: number, length: number, entry: ZipEntry): void {
  const wanted = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((k) => entry[k] === 0xffffffff);
  if (wanted.length === 0) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = data.getUint16(at, true);
    const size = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      wanted.forEach((key, k) => {
        if (size >= (k + 1) * 8) entry[key] = uint64(data, at + 4 + k * 8);
      });
      return;
    }
    at += 4 + size;
  }
}

/** The parts the Word reader inflates: XML and relationships (images and fonts it never unpacks here). */
function isRead(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

/** The packed bytes of a part: after its local header, whose name and extra lengths may differ from the directory's. */
function packedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > data.byteLength || data.getUint32(at, true) !== LOCAL) throw new ZipRefusal(`damaged Word document (part ${entry.name})`);
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > data.byteLength) throw new ZipRefusal(`damaged Word document (part ${entry.name} is cut short)`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Refuse an archive whose XML parts unpack beyond `limits` — by what the directory says, then by
 * inflating each part with its output bounded to what was declared (so nothing larger is ever
 * allocated). Throws ZipRefusal naming the part and the sizes.
 */
export function assertZipWithinLimits(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): void {
  const read = zipEntries(bytes).filter((e) => isRead(e.name));
  let total = 0;
  for (const entry of read) {
    const { name, uncompressedSize: size, compressedSize: packed } = entry;
    if (size > limits.maxPartBytes) throw new ZipRefusal(`Word document too large when unpacked (${name}: ${mb(size)}; the limit is ${mb(limits.maxPartBytes)})`);
    if (size > limits.ratioFloorBytes && size > packed * limits.maxRatio) {
      throw new ZipRefusal(`Word document refused: ${name} unpacks ${Math.round(size / Math.max(1, packed))} times its packed size (a ZIP bomb?; the limit is ${limits.maxRatio} times)`);
    }
    total += size;
    if (total > limits.maxTotalBytes) throw new ZipRefusal(`Word document too large when unpacked (over ${mb(limits.maxTotalBytes)} of XML)`);
  }
  for (const entry of read) {
    if (entry.method !== 8) continue; // stored: its size is its packed size, within the file's
    try {
      inflateRawSync(packedBytes(bytes, entry), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if (error instanceof ZipRefusal) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipRefusal(`Word document refused: ${entry.name} unpacks to more than its declared ${mb(entry.uncompressedSize)} (a ZIP bomb?)`);
      }
      throw new ZipRefusal(`damaged Word document (part ${entry.name}: ${(error as Error).message})`);
    }
  }
}
