// The section tree as plain data with original positions: for `zongjie outline` and the editors' page.
import { locate } from './locate.js';
import type { Document, Section } from './types.js';

export interface OutlineNode {
  title: string;
  kind: string;
  number: number;
  level: number;
  line: number;
  column: number;
  endLine: number;
  children: OutlineNode[];
}

export function outlineTree(doc: Document): OutlineNode[] {
  const node = (s: Section): OutlineNode => {
    const at = locate(doc, s.start, s.headingEnd);
    const end = locate(doc, Math.max(s.start, s.end - 1), s.end);
    return {
      title: s.title, kind: s.kind, number: s.number, level: s.level,
      line: at.line, column: at.column, endLine: end.endLine,
      children: s.children.map((id) => node(doc.sections[id]!)),
    };
  };
  return doc.sections.filter((s) => s.parent === null).map(node);
}

