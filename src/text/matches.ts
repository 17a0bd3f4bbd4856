// The matches of a global regular expression, as String.prototype.matchAll finds them, without the
// copy of the expression that matchAll makes on every call: on a short paragraph that copy cost five
// times the scan, and the extractors scan every paragraph with a dozen expressions.

/** Every match of `re` (which must have the g flag) in `text`, in order. Uses and resets re.lastIndex. */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regular expression: ${re}`);
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    // An empty match moves on by one character (a code point under u or v), as matchAll does.
    if (m[0].length === 0) re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  return found;
}

function nextIndex(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const code = text.charCodeAt(at);
  return (code & 0xfc00) === 0xd800 && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00 ? at + 2 : at + 1;
}
