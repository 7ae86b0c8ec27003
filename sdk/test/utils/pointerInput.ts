import { vi } from 'vitest';
import { dispatchTrusted } from './dispatchTrusted.js';

/** A bubbling pointer event at viewport point (x, y). */
export const pointerEvent = (type: string, x: number, y: number, pointerType = 'mouse') =>
  new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, pointerType });

/** After `afterMs` (fake timers), a mouse move to (x, y). */
export function movePointer(x: number, y: number, afterMs: number, trusted = true): void {
  vi.advanceTimersByTime(afterMs);
  dispatchTrusted(document.body, pointerEvent('pointermove', x, y), trusted);
}

/** A mouse click on `el` at (x, y), held `pressMs`: pointerdown, pointerup, click. */
export function pointerClick(el: Element, x: number, y: number, pressMs: number, trusted = true): void {
  dispatchTrusted(el, pointerEvent('pointerdown', x, y), trusted);
  vi.advanceTimersByTime(pressMs);
  dispatchTrusted(el, pointerEvent('pointerup', x, y), trusted);
  dispatchTrusted(el, new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, detail: 1 }), trusted);
}
