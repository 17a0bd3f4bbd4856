// Load a YAML rule file and validate it with zod; every error names file:line:column and what was
// expected, pointing at the offending key or value.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
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

/** Deeper flow collections than this are refused before parsing: the parser recurses once per level. */
const MAX_FLOW_DEPTH = 100;

/**
 * The offset where `[`/`{` nesting passes MAX_FLOW_DEPTH (outside quotes and comments), or -1. The
 * YAML parser recurses per level: 20,000 brackets exhausted the stack, at a depth where V8 may even
 * abort the process (a regular expression compiled with no stack left) rather than throw.
 */
function tooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // A quoted scalar: to its closing quote ('' and \" stay inside).
      for (i++; i < text.length; i++) {
        if (c === '"' && text[i] === '\\') i++;
        else if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") i++;
          else break;
        }
      }
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return -1;
}

export function readYaml(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const deep = tooDeep(text);
  if (deep >= 0) {
    const before = text.slice(0, deep);
    const line = before.split('\n').length;
    throw new RuleFileError(file, line, deep - before.lastIndexOf('\n'), `invalid YAML: collections nested more than ${MAX_FLOW_DEPTH} deep`);
  }
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
  const message = issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys) : issue.message;
  throw new RuleFileError(yaml.file, at.line, at.column, `${where}${message}`);
}

/** A key worth quoting back: a short name (letters, digits, Chinese characters, _ . -). Anything else may be a line of a file that is not a rule file (extends: /etc/shadow). */
const KEY_LIKE = /^[\w.\-\u3400-\u9fff\uf900-\ufaff]+$/;

/** Unknown keys, named only when they look like names, at most three: the message never echoes a file's content. */
function unknownKeysMessage(keys: readonly string[]): string {
  const named = keys.filter((k) => k.length <= 40 && KEY_LIKE.test(k)).slice(0, 3);
  const others = keys.length - named.length;
  const list = named.map((k) => `"${k}"`).join(', ');
  if (others === 0) return `Unrecognized key${keys.length > 1 ? 's' : ''}: ${list}`;
  const rest = `${others} key${others > 1 ? 's' : ''} that ${others > 1 ? 'are' : 'is'} not a name (is this a zongjie rule file?)`;
  return named.length ? `Unrecognized keys: ${list} and ${rest}` : `Unrecognized ${rest}`;
}

/**
 * Rule files are small (the largest shipped one is 16 KB); a generated ignore list of 100,000 paths
 * is a few MB. Anything over this is not a rule file.
 */
export const MAX_RULE_FILE_MB = 4;
const MAX_RULE_FILE_BYTES = MAX_RULE_FILE_MB * 1024 * 1024;

/**
 * The text of a rule file: a regular file only (a device such as /dev/zero or a pipe would be read
 * forever, or block), of at most MAX_RULE_FILE_BYTES, in UTF-8 without NUL bytes (a binary file is
 * not a rule file, and its bytes are never echoed).
 */
function readRuleText(file: string): string {
  const refuse = (reason: string) => new RuleFileError(file, 1, 1, reason);
  const fsReason = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === 'ENOENT' || code === 'ENOTDIR' ? 'rule file not found' : `cannot read rule file (${code ?? 'error'})`);
  };
  let fd: number;
  try {
    // stat first: opening a pipe would block. O_NONBLOCK as well, for one swapped in between.
    const stats = statSync(file);
    if (stats.isDirectory()) throw refuse('cannot read rule file (EISDIR)');
    if (!stats.isFile()) throw refuse('not a regular file: a rule file must be a .yml file');
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw error instanceof RuleFileError ? error : fsReason(error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw refuse('not a regular file: a rule file must be a .yml file');
    if (stats.size > MAX_RULE_FILE_BYTES) throw refuse(`rule file too large (${(stats.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_RULE_FILE_MB} MB)`);
    const buffer = Buffer.alloc(MAX_RULE_FILE_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_RULE_FILE_BYTES) throw refuse(`rule file too large (the limit is ${MAX_RULE_FILE_MB} MB)`);
    const bytes = buffer.subarray(0, length);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (bytes.includes(0) || text.includes('\ufffd')) throw refuse('not a text file in UTF-8: a rule file is YAML text');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw error instanceof RuleFileError ? error : fsReason(error);
  } finally {
    closeSync(fd);
  }
}

export function readYamlFile(file: string): YamlFile {
  return readYaml(file, readRuleText(file));
}

export function loadYamlRules<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  return validateYaml(readYamlFile(file), schema);
}
