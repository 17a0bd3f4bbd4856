// A RuleTester in the manner of ESLint's and textlint-tester: `valid` texts give no message of the
// rule; `invalid` texts give exactly the listed messages (message id and place). Every message must
// have a place inside the file (remark-lint's rule: no message without a position).
import { SourceCode } from '../../src/source/source-code.js';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';

import { CHECKS_BY_ID } from '../../src/rules/index.js';
import { lintDocument } from '../../src/lint/engine.js';
import type { LintMessage } from '../../src/lint/types.js';
import type { ResolvedConfig } from '../../src/config/config.js';
import { loadLexicon } from '../../src/config/lexicon.js';
import { applyFixes } from '../../src/lint/fix.js';
import { ReferenceIndex } from '../../src/rules/reuse/index.js';

export interface Case {
  text: string;
  options?: Record<string, unknown>;
  path?: string;
  /** Earlier reports the text is checked against (`check --against`), by path. */
  against?: Record<string, string>;
}
export interface ExpectedMessage {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A substring the rendered Chinese message must hold. */
  message?: string;
}
export interface InvalidCase extends Case {
  errors: ExpectedMessage[];
  /** The text after the findings' fixes, as `--fix` writes it (as ESLint's RuleTester `output`). */
  output?: string;
}

export function runRule(id: string, c: Case): LintMessage[] {
  const check = CHECKS_BY_ID.get(id);
  if (!check) throw new Error(`no check ${id}`);
  const options = (check.meta.options as z.ZodType).parse(c.options ?? {}) as Record<string, unknown>;
  const config: ResolvedConfig = { checks: new Map([[id, { severity: 'error', options }]]), ignore: [], files: [], sources: [], hash: '' };
  const doc = SourceCode.fromText(c.path ?? 'case.txt', c.text);
  let reference: ReferenceIndex | null = null;
  if (c.against) {
    reference = new ReferenceIndex();
    for (const [path, text] of Object.entries(c.against)) reference.add(SourceCode.fromText(path, text));
  }
  const result = lintDocument(doc, config, { lexicon: loadLexicon(), reference });
  for (const m of result.messages) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.offset).toBeLessThanOrEqual(c.text.length);
    expect(m.endOffset).toBeGreaterThanOrEqual(m.offset);
    expect(m.url).toBe(`docs/rules/${id}.md`);
  }
  return result.messages;
}

const label = (c: Case) => JSON.stringify(c.text.length > 40 ? `${c.text.slice(0, 40)}…` : c.text);

export function ruleTester(id: string, cases: { valid: (string | Case)[]; invalid: InvalidCase[] }): void {
  describe(id, () => {
    describe('valid', () => {
      for (const v of cases.valid) {
        const c = typeof v === 'string' ? { text: v } : v;
        it(label(c), () => {
          expect(runRule(id, c).map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(label(c), () => {
          const got = runRule(id, c);
          expect(got.map((m) => ({ messageId: m.messageId, line: m.line, column: m.column }))).toEqual(
            c.errors.map((e) => ({ messageId: e.messageId, line: e.line, column: e.column })),
          );
          c.errors.forEach((e, i) => {
            if (e.endLine !== undefined) expect(got[i]!.endLine).toBe(e.endLine);
            if (e.endColumn !== undefined) expect(got[i]!.endColumn).toBe(e.endColumn);
            if (e.message !== undefined) expect(got[i]!.message).toContain(e.message);
          });
          if (c.output !== undefined) expect(applyFixes(c.text, got).text).toBe(c.output);
        });
      }
    });
  });
}
