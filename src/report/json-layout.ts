// Writing one JSON value in pieces, laid out exactly as JSON.stringify(whole, null, 2) would.

/**
 * `value` as it appears `depth` levels deep in an indented JSON document (its first line not
 * indented: the caller places it). A JSON string holds no raw line break, so indenting every line
 * of the value's own layout is exact.
 */
export function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
