// The section tree as plain data with original positions: for `zongjie outline` and the editors' page.
import type { Section } from '../document/index.js';
import type { SourceCode } from './source-code.js';

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

export function outlineTree(doc: SourceCode): OutlineNode[] {
  const node = (s: Section): OutlineNode => {
    const at = doc.locate(s.start, s.headingEnd);
    const end = doc.locate(Math.max(s.start, s.end - 1), s.end);
    return {
      title: s.title, kind: s.kind, number: s.number, level: s.level,
      line: at.line, column: at.column, endLine: end.endLine,
      children: s.children.map((id) => node(doc.sections[id]!)),
    };
  };
  return doc.sections.filter((s) => s.parent === null).map(node);
}

