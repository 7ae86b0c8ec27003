/** Replaces the body with `html` and returns the element marked `data-t`. */
export function renderMarked(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.querySelector('[data-t]') as HTMLElement;
}
