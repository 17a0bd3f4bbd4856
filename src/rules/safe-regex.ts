// Regular expressions from rule files: compiled once, rejected when they could backtrack without
// bound (a quantified group that itself ends in a quantifier, as in (a+)+ or (x*|y)*).

// A group whose body holds a quantifier, followed by a quantifier: the shape of catastrophic patterns.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;
// Back-references also make matching exponential in the worst case.
const BACK_REFERENCE = /\\[1-9]/;

export function unsafeReason(source: string): string | null {
  if (NESTED_QUANTIFIER.test(source)) return 'nested quantifier (like (a+)+) can hang on some input';
  if (BACK_REFERENCE.test(source)) return 'back-references are not allowed';
  if (source.length > 500) return 'pattern longer than 500 characters';
  return null;
}

/** Why `source` cannot be used as a rule pattern, or null when it can. */
export function regexProblem(source: string, flags = 'u'): string | null {
  const reason = unsafeReason(source);
  if (reason) return `unsafe regular expression ${JSON.stringify(source)}: ${reason}`;
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}`;
  }
  return null;
}
