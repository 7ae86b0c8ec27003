import { MAX_SELECTOR_LENGTH } from '@sightline/protocol';
import { clamp } from './clamp.js';

/** Ancestors kept: enough to tell elements apart in a report, short enough to read. */
const MAX_DEPTH = 5;
const MAX_CLASSES = 2;

/**
 * A short CSS selector path to `el`, e.g. `main > article:nth-of-type(2) > a.more`: from
 * the nearest id (or up to five levels, stopping below `body`), tag names with at most
 * two classes and `:nth-of-type` where a sibling has the same tag. Past `maxLength` the
 * outer levels are left off, so the result stays a valid selector. Ids and classes go through
 * `CSS.escape`, so a hostile one (`a"b`, `</script>`) stays one identifier (every browser
 * that runs the SDK's ES2020 has it).
 */
export function selectorPath(el: Element, maxLength = MAX_SELECTOR_LENGTH): string {
  let path = '';
  const { body, documentElement } = el.ownerDocument;
  for (
    let node: Element | null = el, depth = 0;
    node && depth < MAX_DEPTH;
    node = node.parentElement, depth++
  ) {
    if (depth && (node === body || node === documentElement)) break;
    const { id, localName, parentElement } = node;
    let part = localName;
    if (id) part = `#${CSS.escape(id)}`;
    else {
      for (const name of [...node.classList].slice(0, MAX_CLASSES)) part += `.${CSS.escape(name)}`;
      const same = parentElement ? [...parentElement.children].filter((s) => s.localName === localName) : [];
      if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
    }
    const next = path ? `${part} > ${path}` : part;
    if (next.length > maxLength) return path || clamp(next, maxLength);
    path = next;
    if (id) break;
  }
  return path;
}
