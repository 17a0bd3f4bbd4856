// Whole documents that are near-copies of each other (a report filed again with only its figures
// changed): one MinHash signature per document, over the shingles of its folded paragraphs, and LSH
// banding over the signatures of an archive. The signature is small (64 numbers) so that it can cross
// threads and ndjson lines; the similarity is the share of equal slots, an estimate of the Jaccard
// similarity of the two shingle sets (within about ±0.04 at 0.9).
import { foldForComparison } from './fold.js';
import { bandCandidates } from './lsh.js';
import { createMinHasher, type MinHasher } from './minhash.js';
import { shingleHashes } from './shingles.js';

const SLOTS = 64;
const BANDS = 16;
const ROWS = 4;
const SHINGLE = 5;
/** One shingle in this many (by hash, so the same ones in every document) goes into the signature: a
 * Jaccard estimate over a consistent sample, at a quarter of the hashing. */
const SAMPLE = 4;

let hasher: MinHasher | null = null;

/**
 * The MinHash signature of a document given as its paragraphs: the minimum of each slot over the
 * paragraphs (a MinHash of the union is the minimum of the MinHashes of its parts, so no list of
 * every shingle of a large report is ever held). Empty when the document has no text.
 */
export function documentSignature(paragraphs: Iterable<string>): number[] {
  hasher ??= createMinHasher(SLOTS, 0x0d0c_5eed);
  const minima = new Uint32Array(SLOTS).fill(0xffffffff);
  let any = false;
  for (const paragraph of paragraphs) {
    const shingles = shingleHashes(foldForComparison(paragraph), SHINGLE).filter((h) => h % SAMPLE === 0);
    if (shingles.length === 0) continue;
    any = true;
    const signature = hasher.signature(shingles);
    for (let i = 0; i < SLOTS; i++) if (signature[i]! < minima[i]!) minima[i] = signature[i]!;
  }
  return any ? [...minima] : [];
}

/** The estimated Jaccard similarity of two documents: the share of slots their signatures agree on. */
export function signatureSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Pairs of documents (a < b, indexes into `signatures`) whose estimated similarity reaches
 * `threshold`, sorted; candidates come from LSH banding, so an archive is never compared pair by pair.
 */
export function nearCopyPairs(signatures: readonly (readonly number[])[], threshold = 0.8): { a: number; b: number; similarity: number }[] {
  const arrays = signatures.map((s) => (s.length === SLOTS ? Uint32Array.from(s) : new Uint32Array(0)));
  const seen = new Set<string>();
  const pairs: { a: number; b: number; similarity: number }[] = [];
  bandCandidates(arrays, { bands: BANDS, rows: ROWS, maxBucket: 64 }, (a, b) => {
    const key = `${a},${b}`;
    if (seen.has(key)) return;
    seen.add(key);
    const similarity = signatureSimilarity(signatures[a]!, signatures[b]!);
    if (similarity >= threshold) pairs.push({ a, b, similarity });
  });
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}
