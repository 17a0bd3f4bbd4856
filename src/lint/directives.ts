// In-file switches, as ESLint's: <!-- zongjie-disable-next-line RULE --> and
// <!-- zongjie-disable RULE --> … <!-- zongjie-enable RULE -->. Without RULE they cover every check.

export interface Suppression {
  /** Original offsets covered. */
  start: number;
  end: number;
  /** Rule ids, or null for all. */
  rules: Set<string> | null;
}

const DIRECTIVE = /<!--\s*zongjie-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

function ruleList(text: string): Set<string> | null {
  const ids = text.split(/[\s,，]+/).map((s) => s.trim()).filter(Boolean);
  return ids.length ? new Set(ids) : null;
}

/** The suppressed ranges of a text (the ORIGINAL text, where the comments are). */
export function findSuppressions(text: string): Suppression[] {
  const found: Suppression[] = [];
  const open: { start: number; rules: Set<string> | null }[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const [, kind, args] = m;
    const rules = ruleList(args ?? '');
    const end = m.index + m[0].length;
    if (kind === 'disable-next-line') {
      const lineEnd = text.indexOf('\n', end);
      const nextStart = lineEnd < 0 ? text.length : lineEnd + 1;
      let nextEnd = text.indexOf('\n', nextStart);
      if (nextEnd < 0) nextEnd = text.length;
      found.push({ start: nextStart, end: nextEnd, rules });
    } else if (kind === 'disable-line') {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      let lineEnd = text.indexOf('\n', end);
      if (lineEnd < 0) lineEnd = text.length;
      found.push({ start: lineStart, end: lineEnd, rules });
    } else if (kind === 'disable') {
      open.push({ start: end, rules });
    } else {
      // enable RULE closes the matching disable; a bare enable closes them all.
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i]!;
        const matches = rules === null || o.rules === null || [...rules].some((r) => o.rules!.has(r));
        if (!matches) continue;
        found.push({ start: o.start, end: m.index, rules: rules === null ? o.rules : rules });
        open.splice(i, 1);
      }
    }
  }
  for (const o of open) found.push({ start: o.start, end: text.length, rules: o.rules });
  return found;
}

export function isSuppressed(suppressions: Suppression[], ruleId: string, offset: number): boolean {
  return suppressions.some((s) => offset >= s.start && offset <= s.end && (s.rules === null || s.rules.has(ruleId)));
}
