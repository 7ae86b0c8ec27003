import { vi } from 'vitest';

/** A button in the body laid out at left 100, top 200, 80×40: its centre is (140, 220). */
export function placedButton(): HTMLButtonElement {
  const el = document.createElement('button');
  document.body.append(el);
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
    left: 100,
    top: 200,
    width: 80,
    height: 40,
    right: 180,
    bottom: 240,
    x: 100,
    y: 200,
  } as DOMRect);
  return el;
}
