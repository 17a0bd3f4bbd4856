// Which paragraph and which section hold an offset of the normalised text.
import type { Document, Section } from './types.js';

/** Index of the paragraph holding normalised offset `at` (the last one starting at or before it). */
export function paragraphAt(doc: Document, at: number): number {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (doc.paragraphs[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The innermost section containing a normalised offset: the last heading that starts at or before it. */
export function sectionAt(doc: Document, offset: number): Section | null {
  let lo = 0;
  let hi = doc.sections.length - 1;
  let found: Section | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const section = doc.sections[mid]!;
    if (section.start <= offset) {
      found = section;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (found && found.end <= offset) found = found.parent === null ? null : doc.sections[found.parent]!;
  return found;
}
