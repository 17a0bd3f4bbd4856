// Full-width digits, Latin letters and ％ fold to half-width; Chinese punctuation is kept.
import { MappedTextBuilder, type OffsetMap } from './mapped-text.js';

function isFoldable(code: number): boolean {
  return (
    (code >= 0xff10 && code <= 0xff19) || // ０-９
    (code >= 0xff21 && code <= 0xff3a) || // Ａ-Ｚ
    (code >= 0xff41 && code <= 0xff5a) || // ａ-ｚ
    code === 0xff05 // ％
  );
}

const isDigit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

export function foldWidth(text: string): { text: string; map: OffsetMap } {
  const out = new MappedTextBuilder(text);
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A full-width full stop between digits is a decimal point (１．５), elsewhere a list marker.
    const decimalPoint = code === 0xff0e && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1));
    if (!isFoldable(code) && !decimalPoint) continue;
    out.keep(runStart, i);
    out.replace(i, i + 1, String.fromCharCode(code - 0xfee0));
    runStart = i + 1;
  }
  out.keep(runStart, text.length);
  return out.build();
}
