// Load a YAML rule file and validate it with a zod schema; every error names file:line:column.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import type { z } from 'zod';
import { RuleFileError } from './errors.js';

function nodeAt(doc: ReturnType<typeof parseDocument>, path: PropertyKey[]): Node | null {
  let current: unknown = doc.contents;
  let found: Node | null = isNode(current) ? current : null;
  for (const key of path) {
    if (!current || typeof current !== 'object' || !('get' in current)) break;
    const next = (current as { get(k: unknown, keep: boolean): unknown }).get(key, true);
    if (!isNode(next)) break;
    current = next;
    found = next;
  }
  return found;
}

/** Parse `text` (the contents of `file`) as YAML and check it against `schema`. */
export function parseYamlRules<T extends z.ZodType>(file: string, text: string, schema: T): z.infer<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    throw new RuleFileError(file, at.line, at.col, `invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const node = nodeAt(doc, issue.path);
  const at = lineCounter.linePos(node?.range?.[0] ?? 0);
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new RuleFileError(file, at.line, at.col, `${where}${issue.message}`);
}

export function loadYamlRules<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RuleFileError(file, 1, 1, code === 'ENOENT' ? 'rule file not found' : `cannot read rule file (${code ?? 'error'})`);
  }
  return parseYamlRules(file, text, schema);
}
