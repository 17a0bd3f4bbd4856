// Outline markers of Chinese reports (一、 (一) 1、 (1) 一是): recognising, stripping and numbering
// them, and the sentence ends that planted sentences are put after.

const CN_DIGITS = '一二三四五六七八九十';
export const CN_NUM = `[${CN_DIGITS}]+`;

/** Outline markers at the start of a paragraph, from the highest level down. Each has three
 * groups (before the number, the number, after it) so that it can be renumbered. */
export const MARKERS = [
  { type: 'cn', level: 0, re: new RegExp(`^()(${CN_NUM})(、)`), cn: true },
  { type: 'paren-cn', level: 1, re: new RegExp(`^([(（])(${CN_NUM})(、?[)）]、?)`), cn: true },
  { type: 'arabic', level: 2, re: /^()(\d{1,2})([、.．])(?!\d)/, cn: false },
  { type: 'paren-ar', level: 3, re: /^([(（])(\d{1,2})([)）])/, cn: false },
  { type: 'shi', level: 4, re: new RegExp(`^()(${CN_NUM})(是)`), cn: true },
];

export function markerOf(text) {
  for (const m of MARKERS) {
    const hit = m.re.exec(text);
    if (hit) return { ...m, hit };
  }
  return null;
}

export function cnNumeral(n) {
  if (n <= 10) return CN_DIGITS[n - 1];
  if (n < 20) return `十${CN_DIGITS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_DIGITS[tens - 1]}十${ones ? CN_DIGITS[ones - 1] : ''}`;
}

export function stripMarker(text) {
  const m = markerOf(text);
  return m ? text.slice(m.hit[0].length) : text;
}

export const SENTENCE_END = /[。！？!?]/;
