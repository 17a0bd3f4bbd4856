// Small DOM helpers. Report text only ever becomes text nodes or attributes, never HTML.

/** The element with this id; the page's own markup has it, so a missing one is a bug. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

type AttributeValue = string | number | boolean | null | undefined;
type Child = Node | string | number | null | undefined | false;

/** An element with attributes and children (strings become text nodes, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, AttributeValue> | null, children?: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = String(v);
      else if (k === 'text') node.textContent = String(v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  }
  return node;
}

/** The closest element to the event's target matching the selector. */
export function closest<T extends Element = HTMLElement>(event: Event, selector: string): T | null {
  return event.target instanceof Element ? event.target.closest<T>(selector) : null;
}
