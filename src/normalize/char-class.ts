// Membership in a class of characters (punctuation, symbols, spaces …) by a table filled on first
// sight of each code unit: a global replace with a \p{…} class tried a match at every character.

/** A test of one code point against `oneChar` (a pattern matching one whole character, like /^[\p{P}\s]$/u). */
export function charClass(oneChar: RegExp): (codePoint: number) => boolean {
  /** Per BMP code unit: 0 not yet known, 1 in the class, 2 not. */
  const known = new Uint8Array(0x10000);
  return (code) => {
    if (code > 0xffff) return oneChar.test(String.fromCodePoint(code)); // rare: not worth a table
    let k = known[code]!;
    if (k === 0) known[code] = k = oneChar.test(String.fromCharCode(code)) ? 1 : 2;
    return k === 1;
  };
}

/** `text` without the characters of a class, read by code point (a lone surrogate is a character of its own). */
export function removeChars(text: string, inClass: (codePoint: number) => boolean): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (inClass(code)) {
      out += text.slice(copied, i);
      copied = i + width;
    }
    i += width - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
