// Load a YAML rule file and validate it with zod; every error names file:line:column and what was
// expected, pointing at the offending key or value.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { RuleFileError } from './errors.js';

/** A parsed YAML file that can say where any path of its data was written. */
export interface YamlFile {
  file: string;
  data: unknown;
  /**
   * Line and column (1-based) of the value at `path` (or of its key, with `key`), or of its nearest
   * existing parent.
   */
  position(path: readonly PropertyKey[], key?: boolean): { line: number; column: number };
}

export function readYaml(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    throw new RuleFileError(file, at.line, at.col, `invalid YAML: ${firstError.message.split('\n')[0]}`);
  }
  const position = (path: readonly PropertyKey[], wantKey = false) => {
    let current: unknown = doc.contents;
    let found: Node | null = isNode(current) ? current : null;
    for (const [index, key] of path.entries()) {
      if (!current || typeof current !== 'object' || !('get' in current)) break;
      if (wantKey && index === path.length - 1 && isMap(current)) {
        const pair = current.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (pair && isNode(pair.key)) found = pair.key;
        break;
      }
      const next = (current as { get(k: unknown, keep: boolean): unknown }).get(key, true);
      if (!isNode(next)) break;
      current = next;
      found = next;
    }
    const at = lineCounter.linePos(found?.range?.[0] ?? 0);
    return { line: at.line, column: at.col };
  };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml refuses to expand aliases without bound (a "billion laughs" file) by throwing: a mistake
    // in the rule file, not an internal error.
    const alias = /alias/i.test((error as Error).message) ? text.search(/\*[^\s,\]}]/) : -1;
    const at = lineCounter.linePos(Math.max(0, alias));
    throw new RuleFileError(file, at.line, at.col, `invalid YAML: ${(error as Error).message}`);
  }
  return { file, data: data ?? {}, position };
}

/** Check `value` (found at `path` in the file) against `schema`; the first problem stops the run. */
export function validateYaml<T extends z.ZodType>(yaml: YamlFile, schema: T, value: unknown = yaml.data, path: readonly PropertyKey[] = []): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const full = [...path, ...issue.path];
  // An unknown key is pointed at itself, not at the map holding it (1:1 for a misspelt top-level key).
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const at = unknownKey !== undefined ? yaml.position([...full, unknownKey], true) : yaml.position(full);
  const where = full.length ? `${full.join('.')}: ` : '';
  throw new RuleFileError(yaml.file, at.line, at.column, `${where}${issue.message}`);
}

export function readYamlFile(file: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RuleFileError(file, 1, 1, code === 'ENOENT' ? 'rule file not found' : `cannot read rule file (${code ?? 'error'})`);
  }
  return readYaml(file, text);
}

export function loadYamlRules<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  return validateYaml(readYamlFile(file), schema);
}
