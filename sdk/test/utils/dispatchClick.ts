/** A click on `el` at viewport point (`x`, `y`), bubbling and cancelable like a user's. */
export function dispatchClick(el: Element, x = 10, y = 10): void {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y }));
}
