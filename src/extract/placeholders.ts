// Placeholders left in a draft (202_, 20xx, xx, __, ××, 某某, X月X日, ~年, **), from rules/placeholders.yml.
import type { Paragraph } from '../document/index.js';
import type { Lexicon } from '../rules/lexicon.js';

export interface FoundPlaceholder {
  start: number;
  end: number;
  kind: string;
}

export function findPlaceholders(paragraph: Paragraph, lexicon: Lexicon): FoundPlaceholder[] {
  const found: FoundPlaceholder[] = [];
  // Patterns are tried in file order; an earlier pattern's match (20xx) hides a later one's (xx).
  for (const pattern of lexicon.placeholders) {
    pattern.regex.lastIndex = 0;
    for (const m of paragraph.text.matchAll(pattern.regex)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, kind: pattern.id });
    }
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => ({ ...f, start: paragraph.start + f.start, end: paragraph.start + f.end }));
}
