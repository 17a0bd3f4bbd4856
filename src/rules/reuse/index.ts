// The earlier reports a draft is checked against (`check --against`): their paragraphs and dated
// sentences, folded, shingled and indexed once per run with the duplicate finder's machinery
// (MinHash signatures in LSH bands for near copies, anchor shingles for a copy inside a longer
// paragraph), so that each draft paragraph looks up its few candidates instead of comparing with
// every paragraph of every earlier report. reused-text and stale-year read it.
import { resolve } from 'node:path';
import { findReportYear } from '../../extract/index.js';
import type { SourceCode, SourceLocation } from '../../source/source-code.js';
import { foldForComparison } from '../duplicates/fold.js';
import { mix32 } from '../duplicates/hash.js';
import { createMinHasher, type MinHasher } from '../duplicates/minhash.js';
import { setSimilarity, type SetSimilarity } from '../duplicates/similarity.js';
import { codePointLength, shingleSet } from '../duplicates/shingles.js';

const SHINGLE = 5;
// Sentences are short: one changed figure (百分之五 → 六) moves five of some twenty 5-grams; with
// 3-grams it moves three, so a copied sentence with a new figure still reads as copied.
const SENTENCE_SHINGLE = 3;
// 128 slots in 32 bands of 4 rows, as the duplicate finder (src/rules/duplicates/sampled-pairs.ts):
// a pair at Jaccard 0.8 is missed with probability ~1e-7.
const SIGNATURE_SIZE = 128;
const BAND_ROWS = 4;
// Anchors: shingles whose hash has its low 3 bits zero; one in more paragraphs than this is a stock phrase.
const ANCHOR_MASK = 0b111;
const MAX_POSTING = 256;
/** Paragraphs and sentences shorter than this after folding are not indexed (headings, short phrases). */
const MIN_INDEXED = 8;
const YEAR = /(?<!\d)((?:19|20)\d{2})(?=\s*年)/g;

/** An earlier report: its path as given, the year it is about, and its place on disk. */
export interface ReferenceFile {
  path: string;
  year: number | null;
  absolute: string;
}

/** A paragraph or sentence of an earlier report, where it is and its shingles. */
export interface ReferencePassage {
  file: number;
  /** Paragraph index in its file (for telling neighbours). */
  paragraph: number;
  place: SourceLocation;
  length: number;
  set: Uint32Array;
}

export interface ReferenceMatch extends SetSimilarity {
  passage: ReferencePassage;
  similarity: number;
}

/** Whether a paragraph is only a heading (一、指导思想): boilerplate, never compared. */
export function isHeadingOnly(doc: SourceCode, start: number, end: number): boolean {
  const titled = doc.titleSpan && doc.titleSpan.start <= start && end <= doc.titleSpan.end + 1;
  return Boolean(titled) || doc.sections.some((s) => s.start === start && s.headingEnd >= end);
}

export class ReferenceIndex {
  readonly files: ReferenceFile[] = [];
  private readonly cwd: string;
  private readonly hasher: MinHasher = createMinHasher(SIGNATURE_SIZE);
  private readonly paragraphs: ReferencePassage[] = [];
  private readonly anchorCount: number[] = [];
  private readonly bands = new Map<number, number[]>();
  private readonly anchors = new Map<number, number[]>();
  private readonly sentencesByYear = new Map<number, ReferencePassage[]>();

  constructor(cwd = process.cwd()) {
    this.cwd = resolve(cwd);
  }

  get size(): number {
    return this.paragraphs.length;
  }

  /** Index one earlier report (its SourceCode can be dropped afterwards). */
  add(doc: SourceCode): void {
    const file = this.files.length;
    this.files.push({ path: doc.path, year: findReportYear(doc), absolute: resolve(this.cwd, doc.path) });
    for (const p of doc.paragraphs) {
      if (isHeadingOnly(doc, p.start, p.end)) continue;
      const folded = foldForComparison(p.text);
      const length = codePointLength(folded);
      if (length < MIN_INDEXED) continue;
      const set = shingleSet(folded, SHINGLE);
      const id = this.paragraphs.length;
      this.paragraphs.push({ file, paragraph: p.index, place: doc.locate(p.start, p.end), length, set });
      const signature = this.hasher.signature(set);
      for (let band = 0; band < SIGNATURE_SIZE / BAND_ROWS; band++) push(this.bands, bandKey(signature, band), id);
      let anchors = 0;
      for (const h of set) {
        if ((h & ANCHOR_MASK) !== 0) continue;
        push(this.anchors, h, id);
        anchors++;
      }
      this.anchorCount.push(anchors);
    }
    for (const s of doc.sentences) {
      const years = new Set([...s.text.matchAll(YEAR)].map((m) => Number(m[1])));
      if (!years.size) continue;
      const folded = foldForComparison(s.text);
      const length = codePointLength(folded);
      if (length < MIN_INDEXED) continue;
      const passage: ReferencePassage = { file, paragraph: s.paragraph, place: doc.locate(s.start, s.end), length, set: shingleSet(folded, SENTENCE_SHINGLE) };
      for (const y of years) push(this.sentencesByYear, y, passage);
    }
  }

  /** The index of the earlier report at `path` (the draft itself when it is in the --against folder), or -1. */
  fileOf(path: string): number {
    const absolute = resolve(this.cwd, path);
    return this.files.findIndex((f) => f.absolute === absolute);
  }

  /**
   * The earlier paragraph most like `text` (a draft paragraph), at least `threshold` alike by
   * max(Jaccard, containment) of folded 5-character shingles, or null. Paragraphs shorter than
   * `minChars` (folded) on either side are not compared; `skipFile` is left out.
   */
  bestParagraph(text: string, { threshold, minChars, skipFile = -1 }: { threshold: number; minChars: number; skipFile?: number }): ReferenceMatch | null {
    const folded = foldForComparison(text);
    if (codePointLength(folded) < Math.max(MIN_INDEXED, minChars)) return null;
    const set = shingleSet(folded, SHINGLE);
    const candidates = new Set<number>();
    const signature = this.hasher.signature(set);
    for (let band = 0; band < SIGNATURE_SIZE / BAND_ROWS; band++) {
      for (const id of this.bands.get(bandKey(signature, band)) ?? []) candidates.add(id);
    }
    // A draft paragraph pasted into a longer one, or a longer one around a pasted paragraph: most
    // of the smaller one's anchors are shared, whatever the Jaccard.
    const shared = new Map<number, number>();
    let anchors = 0;
    for (const h of set) {
      if ((h & ANCHOR_MASK) !== 0) continue;
      anchors++;
      const posting = this.anchors.get(h);
      if (!posting || posting.length > MAX_POSTING) continue;
      for (const id of posting) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    for (const [id, count] of shared) {
      const smaller = Math.min(anchors, this.anchorCount[id]!);
      if (count >= Math.max(Math.min(2, smaller), Math.ceil(0.5 * smaller))) candidates.add(id);
    }
    let best: ReferenceMatch | null = null;
    for (const id of candidates) {
      const passage = this.paragraphs[id]!;
      if (passage.file === skipFile || passage.length < minChars) continue;
      const match = setSimilarity(set, passage.set);
      const similarity = Math.max(match.jaccard, match.containment);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { ...match, passage, similarity };
    }
    return best;
  }

  /** Earlier sentences that name `year` and are at least `threshold` like `text` (character 3-grams), most alike first. */
  sentencesLike(text: string, year: number, threshold: number, skipFile = -1): ReferenceMatch[] {
    const candidates = this.sentencesByYear.get(year);
    if (!candidates) return [];
    const folded = foldForComparison(text);
    if (codePointLength(folded) < MIN_INDEXED) return [];
    const set = shingleSet(folded, SENTENCE_SHINGLE);
    const found: ReferenceMatch[] = [];
    for (const passage of candidates) {
      if (passage.file === skipFile) continue;
      const match = setSimilarity(set, passage.set);
      const similarity = Math.max(match.jaccard, match.containment);
      if (similarity >= threshold) found.push({ ...match, passage, similarity });
    }
    return found.sort((a, b) => b.similarity - a.similarity);
  }
}

function bandKey(signature: Uint32Array, band: number): number {
  let key = mix32(band + 0x9e3779b9);
  for (let r = 0; r < BAND_ROWS; r++) key = mix32(key ^ signature[band * BAND_ROWS + r]!);
  return key;
}

function push<T>(map: Map<number, T[]>, key: number, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
