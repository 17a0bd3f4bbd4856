// Placeholders left in a draft (202_, 20xx, xx, __, ××, 某某, X月X日, ~年, **), from rules/placeholders.yml.
import type { Paragraph } from '../document/index.js';
import type { Lexicon } from '../config/lexicon.js';
import { allMatches } from '../text/matches.js';

export interface FoundPlaceholder {
  start: number;
  end: number;
  kind: string;
}

export function findPlaceholders(paragraph: Paragraph, lexicon: Lexicon): FoundPlaceholder[] {
  // Sorted and non-overlapping. Patterns are tried in file order; an earlier pattern's match (20xx)
  // hides a later one's (xx). A pattern's matches come in order, so one pointer into the earlier
  // matches finds any overlap: linear, where testing every earlier match was quadratic on a
  // paragraph of thousands of placeholders.
  let found: FoundPlaceholder[] = [];
  for (const pattern of lexicon.placeholders) {
    const added: FoundPlaceholder[] = [];
    let j = 0;
    for (const m of allMatches(pattern.regex, paragraph.text)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      while (j < found.length && found[j]!.end <= start) j++;
      if (j < found.length && found[j]!.start < end) continue;
      added.push({ start, end, kind: pattern.id });
    }
    if (added.length) found = [...found, ...added].sort((a, b) => a.start - b.start);
  }
  return found.map((f) => ({ ...f, start: paragraph.start + f.start, end: paragraph.start + f.end }));
}
