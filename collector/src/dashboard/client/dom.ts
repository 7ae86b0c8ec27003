/**
 * The only way the dashboard makes DOM. Strings become text nodes, never markup: data from
 * events is hostile, so there is no innerHTML anywhere, no `style` attribute, no inline
 * handler, and an `href` must be one of ours (a path or a query on this origin).
 */
export type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | Handler | null | undefined>;

const SAFE_HREF = /^(\/(?!\/)|\?|#)/;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      if (!key.startsWith('on')) throw new Error(`h: ${key} is not an event`);
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (key.startsWith('on') || key === 'style' || key === 'srcdoc') {
      throw new Error(`h: ${key} is not allowed`);
    } else if ((key === 'href' || key === 'action' || key === 'src') && !SAFE_HREF.test(String(value))) {
      throw new Error(`h: ${key} must stay on this origin`);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Empties `el` and fills it with `children`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
