// Where an annotated item is in its passage: the n-th (1-based) occurrence of its text; -1 when absent.
export function resolveAnchor(text, item) {
  if (!item.text) return -1;
  let at = -1;
  for (let i = 0; i < (item.n ?? 1); i++) {
    at = text.indexOf(item.text, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
