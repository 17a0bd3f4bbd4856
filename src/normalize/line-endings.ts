// CRLF and CR line ends become LF, so later stages see one kind of line break.
import { MappedTextBuilder, type OffsetMap } from './mapped-text.js';

export function normalizeLineEndings(text: string): { text: string; map: OffsetMap } {
  const out = new MappedTextBuilder(text);
  let runStart = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', runStart)) {
    out.keep(runStart, i);
    const crlf = text.charCodeAt(i + 1) === 10;
    out.replace(i, crlf ? i + 2 : i + 1, '\n');
    runStart = crlf ? i + 2 : i + 1;
  }
  out.keep(runStart, text.length);
  return out.build();
}
