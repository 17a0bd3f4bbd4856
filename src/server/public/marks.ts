// The marked draft: the original text with a <mark> over every problem (and the other copy of a
// duplicate), and the ways to bring a place of it into view.
import { el } from './dom.js';
import { state, ui } from './state.js';
import type { CheckResult, Message } from './types.js';

/** A problem's range (rel ≥ 0: the rel-th other copy of problem i) longer than this is drawn faintly. */
const WIDE = 160;

interface Span {
  s: number;
  e: number;
  i: number;
  rel: number;
  m: Message;
}

/**
 * The text cut at every start and end of a problem (and of the other copy of a duplicate); each
 * piece covered by some is one <mark> naming all that cover it, styled by the innermost.
 */
export function renderView(result: CheckResult): void {
  const text = result.text;
  const messages = result.lint.messages;
  const ranges: Span[] = [];
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  messages.forEach((m, i) => {
    const s = clamp(m.offset);
    ranges.push({ s, e: Math.max(s, clamp(m.endOffset)), i, rel: -1, m });
    (m.related ?? []).forEach((r, j) => {
      const rs = clamp(r.offset);
      ranges.push({ s: rs, e: Math.max(rs, clamp(r.endOffset)), i, rel: j, m });
    });
  });
  const points = new Set([0, text.length]);
  const starts = new Map<number, Span[]>();
  const ends = new Map<number, Span[]>();
  const zeros = new Map<number, Span[]>();
  const add = (map: Map<number, Span[]>, key: number, value: Span) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const r of ranges) {
    points.add(r.s);
    points.add(r.e);
    if (r.e === r.s) add(zeros, r.s, r);
    else {
      add(starts, r.s, r);
      add(ends, r.e, r);
    }
  }
  const sorted = Array.from(points).sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  const anchors = new Map<number, HTMLElement>();
  const relAnchors = new Map<string, HTMLElement>();
  const textNodes: { node: Text; start: number }[] = [];
  let active: Span[] = [];

  const makeMark = (covering: Span[], startingHere: Span[], zero: boolean): HTMLElement => {
    let inner = covering[0]!;
    for (const r of covering) {
      const better = r.e - r.s < inner.e - inner.s || (r.e - r.s === inner.e - inner.s && inner.rel >= 0 && r.rel < 0);
      if (better) inner = r;
    }
    const classes = ['zj'];
    const msgs: number[] = [];
    const rels: string[] = [];
    for (const r of covering) {
      if (r.rel < 0) {
        classes.push(`r-${r.m.ruleId}`, `sev-${r.m.severity}`);
        if (!msgs.includes(r.i)) msgs.push(r.i);
      } else {
        classes.push('rel');
        rels.push(`${r.i}:${r.rel}`);
      }
    }
    if (zero) classes.push('zero');
    const kind = inner.rel >= 0 ? 'rel' : inner.e - inner.s > WIDE ? 'wide' : inner.m.severity;
    const mark = el('mark', {
      class: Array.from(new Set(classes)).join(' '),
      'data-kind': kind,
      'data-rule': inner.m.ruleId,
      'data-msg-index': inner.i,
      'data-msgs': msgs.join(' ') || null,
      'data-rels': rels.join(' ') || null,
    });
    const starting = startingHere.filter((r) => r.rel < 0);
    if (starting.length) {
      mark.setAttribute('data-start', starting.map((r) => r.i).join(' '));
      mark.setAttribute('data-start-rules', starting.map((r) => r.m.ruleId).join(' '));
      for (const r of starting) anchors.set(r.i, mark);
    }
    for (const r of startingHere) if (r.rel >= 0) relAnchors.set(`${r.i}:${r.rel}`, mark);
    mark.title = covering.filter((r) => r.rel < 0).map((r) => r.m.message).join('\n');
    return mark;
  };

  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k]!;
    const ending = ends.get(p);
    if (ending) active = active.filter((r) => !ending.includes(r));
    for (const r of zeros.get(p) ?? []) fragment.appendChild(makeMark([...active, r], [r], true));
    const starting = starts.get(p) ?? [];
    active = active.concat(starting);
    if (k + 1 >= sorted.length) break;
    const q = sorted[k + 1]!;
    if (q <= p) continue;
    const node = document.createTextNode(text.slice(p, q));
    textNodes.push({ node, start: p });
    if (active.length) {
      const mark = makeMark(active, starting, false);
      mark.appendChild(node);
      fragment.appendChild(mark);
    } else fragment.appendChild(node);
  }
  const scroll = ui.view.scrollTop;
  ui.view.replaceChildren(fragment);
  ui.view.scrollTop = scroll;
  state.anchors = anchors;
  state.relAnchors = relAnchors;
  state.textNodes = textNodes;
}

/** Scroll the draft so that the rectangle is a third of the way down (instantly: it is a jump). */
export function scrollViewTo(rect: DOMRect | undefined): void {
  if (!rect) return;
  const view = ui.view;
  const box = view.getBoundingClientRect();
  if (rect.top >= box.top + 8 && rect.bottom <= box.bottom - 8 && rect.top < box.top + box.height * 0.75) return;
  view.scrollTop += rect.top - box.top - view.clientHeight / 3;
}

/** The first box of an element or range (its first line), to scroll to. */
export function firstRect(target: Element | Range): DOMRect {
  return target.getClientRects()[0] ?? target.getBoundingClientRect();
}

export function flash(node: HTMLElement): void {
  node.classList.remove('flash');
  void node.offsetWidth; // restart the animation
  node.classList.add('flash');
  setTimeout(() => node.classList.remove('flash'), 1700);
}

function rangeAt(start: number, end: number): Range | null {
  const nodes = state.textNodes;
  if (!nodes.length) return null;
  const find = (offset: number) => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nodes[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const n = nodes[lo]!;
    return { node: n.node, at: Math.min(n.node.data.length, Math.max(0, offset - n.start)) };
  };
  const a = find(start);
  const b = find(Math.max(start, end));
  const range = document.createRange();
  range.setStart(a.node, a.at);
  range.setEnd(b.node, b.at);
  return range;
}

/** Show a place that is not a problem (a figure, an activity, a heading): scroll to it and light it up. */
export function showPlace(start: number, end: number): void {
  const range = rangeAt(start, end);
  if (!range) return;
  scrollViewTo(firstRect(range));
  if (typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined') {
    CSS.highlights.set('zj-flash', new Highlight(range));
    clearTimeout(state.highlightTimer);
    state.highlightTimer = window.setTimeout(() => CSS.highlights.delete('zj-flash'), 1800);
  }
}
