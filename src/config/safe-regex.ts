// Regular expressions from rule files: compiled once, rejected when they could backtrack without
// bound, and compiled with every repetition capped, so that no pattern can hang the run.
//
// A pattern is read into a small tree (sequence, alternation, group, repetition) rather than tested
// with a regular expression of its own: that missed nested groups ((a+))+, repeated alternations
// (a|a)* and repetitions of a fixed count (a+){10}, all of which hang on 'a'.repeat(30) + '!'.

/** Longest pattern accepted. */
const MAX_LENGTH = 500;
/** Unbounded repetition (*, +, {n,}) is compiled as at most this many repeats. */
export const MAX_REPEAT = 100;
/**
 * Bound on the ways one match attempt can try (repeat ranges multiplied along a sequence, added
 * across alternatives): a*a*a*b or twenty a? in a row are refused, [xX]{2,} or a{1,100}b{1,100} are not.
 */
const MAX_COST = 10_000;

type Node =
  | { kind: 'atom' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; branches: Node[] }
  | { kind: 'group'; body: Node }
  | { kind: 'repeat'; body: Node; min: number; max: number };

interface Parsed {
  tree: Node;
  backReference: boolean;
  /** Source ranges of repetitions whose maximum goes past MAX_REPEAT, with their minimum and laziness. */
  unbounded: { start: number; end: number; min: number; lazy: boolean }[];
}

/** Parse a pattern already known to compile with the u flag. */
function parse(source: string): Parsed {
  let pos = 0;
  let backReference = false;
  const unbounded: Parsed['unbounded'] = [];

  const skipEscape = () => {
    // At a backslash.
    const c = source[pos + 1];
    pos += 2;
    if (c !== undefined && c >= '1' && c <= '9') backReference = true;
    else if (c === 'k' && source[pos] === '<') {
      backReference = true;
      pos = source.indexOf('>', pos) + 1;
    } else if ((c === 'u' || c === 'p' || c === 'P') && source[pos] === '{') pos = source.indexOf('}', pos) + 1;
    else if (c === 'u') pos += 4;
    else if (c === 'x') pos += 2;
    else if (c === 'c') pos += 1;
  };

  const repetition = (): { min: number; max: number } | null => {
    const c = source[pos];
    let bounds: { min: number; max: number } | null = null;
    const start = pos;
    if (c === '*') bounds = { min: 0, max: Infinity };
    else if (c === '+') bounds = { min: 1, max: Infinity };
    else if (c === '?') bounds = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(pos));
      if (!m) return null;
      const min = Number(m[1]);
      bounds = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) };
      pos += m[0].length - 1;
    }
    if (!bounds) return null;
    pos++;
    const lazy = source[pos] === '?';
    if (lazy) pos++;
    if (bounds.max > MAX_REPEAT) unbounded.push({ start, end: pos, min: bounds.min, lazy });
    return bounds;
  };

  const atom = (): Node => {
    const c = source[pos];
    if (c === '(') {
      pos++;
      if (source.startsWith('?<=', pos) || source.startsWith('?<!', pos)) pos += 3;
      else if (source.startsWith('?<', pos)) pos = source.indexOf('>', pos) + 1;
      else if (source[pos] === '?') pos += 2;
      const body = alternation();
      pos++; // ")"
      return { kind: 'group', body };
    }
    if (c === '[') {
      pos++;
      while (pos < source.length && source[pos] !== ']') {
        if (source[pos] === '\\') skipEscape();
        else pos++;
      }
      pos++;
      return { kind: 'atom' };
    }
    if (c === '\\') {
      skipEscape();
      return { kind: 'atom' };
    }
    pos++;
    return { kind: 'atom' };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const body = atom();
      const bounds = repetition();
      items.push(bounds ? { kind: 'repeat', body, ...bounds } : body);
    }
    return { kind: 'seq', items };
  };

  const alternation = (): Node => {
    const branches = [sequence()];
    while (source[pos] === '|') {
      pos++;
      branches.push(sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alt', branches };
  };

  const tree = alternation();
  return { tree, backReference, unbounded };
}

/** Whether a node can match in more than one way: it repeats or offers alternatives. */
function varies(node: Node): boolean {
  switch (node.kind) {
    case 'atom':
      return false;
    case 'seq':
      return node.items.some(varies);
    case 'alt':
      return true;
    case 'group':
      return varies(node.body);
    case 'repeat':
      return node.max > 1 || varies(node.body);
  }
}

/** The first exponential shape in the tree, described, or null. */
function exponentialShape(node: Node): string | null {
  switch (node.kind) {
    case 'atom':
      return null;
    case 'seq':
      for (const item of node.items) {
        const found = exponentialShape(item);
        if (found) return found;
      }
      return null;
    case 'alt':
      for (const branch of node.branches) {
        const found = exponentialShape(branch);
        if (found) return found;
      }
      return null;
    case 'group':
      return exponentialShape(node.body);
    case 'repeat':
      if (node.max > 1 && varies(node.body)) {
        const hasAlternation = (n: Node): boolean =>
          n.kind === 'alt' || (n.kind === 'seq' && n.items.some(hasAlternation)) || (n.kind === 'group' && hasAlternation(n.body));
        return hasAlternation(node.body)
          ? 'a repeated alternation (like (a|ab)*) can hang on some input; use a character class such as [ab]'
          : 'nested quantifier (like (a+)+) can hang on some input';
      }
      return exponentialShape(node.body);
  }
}

/** How many ways one match attempt may try, with every repetition capped at MAX_REPEAT. */
function cost(node: Node): number {
  switch (node.kind) {
    case 'atom':
      return 1;
    case 'seq':
      return node.items.reduce((product, item) => Math.min(Number.MAX_SAFE_INTEGER, product * cost(item)), 1);
    case 'alt':
      return node.branches.reduce((sum, branch) => sum + cost(branch), 0);
    case 'group':
      return cost(node.body);
    case 'repeat':
      return (Math.min(node.max, MAX_REPEAT) - Math.min(node.min, MAX_REPEAT) + 1) * cost(node.body);
  }
}

/** Why a pattern that compiles cannot be used in a rule file, or null. */
function unsafeShape(source: string): string | null {
  if (source.length > MAX_LENGTH) return `pattern longer than ${MAX_LENGTH} characters`;
  const parsed = parse(source);
  if (parsed.backReference) return 'back-references are not allowed';
  const exponential = exponentialShape(parsed.tree);
  if (exponential) return exponential;
  if (parsed.unbounded.some((u) => u.min > MAX_REPEAT)) return `a repeat count above ${MAX_REPEAT} is not allowed`;
  if (cost(parsed.tree) > MAX_COST) return 'too many repetitions in a row (like a*a*a*b or a?a?a?…): can take too long on some input';
  return null;
}

/** Why `source` is unsafe as a rule pattern, or null (an invalid pattern is not judged here). */
export function unsafeReason(source: string): string | null {
  if (source.length > MAX_LENGTH) return `pattern longer than ${MAX_LENGTH} characters`;
  try {
    new RegExp(source, 'u');
  } catch {
    return null;
  }
  return unsafeShape(source);
}

/** Why `source` cannot be used as a rule pattern, or null when it can. */
export function regexProblem(source: string, flags = 'u'): string | null {
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}`;
  }
  const reason = flags.includes('u') || flags.includes('v') ? unsafeShape(source) : unsafeReason(source);
  if (reason) return `unsafe regular expression ${JSON.stringify(source)}: ${reason}`;
  return null;
}

/**
 * Compile a pattern that passed regexProblem, with every unbounded repetition capped at MAX_REPEAT
 * (a+ → a{1,100}), so that one match attempt is bounded whatever the text: a+b on a 10 MB run of a's
 * would otherwise try every length from every start.
 */
export function compileRuleRegex(source: string, flags = 'gu'): RegExp {
  const { unbounded } = parse(source);
  let capped = source;
  for (const u of [...unbounded].reverse()) {
    capped = `${capped.slice(0, u.start)}{${u.min},${MAX_REPEAT}}${u.lazy ? '?' : ''}${capped.slice(u.end)}`;
  }
  return new RegExp(capped, flags);
}
