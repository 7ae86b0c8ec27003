import { listen } from './listen.js';
import { safely } from './safely.js';

/**
 * One input event as the humanness capture reads it: the event, when it came
 * (`performance.now()`), and for a click its target's box at that moment.
 */
export type HumanInput = [event: Event, at: number, box?: DOMRect];

const TYPES = ['pointermove', 'pointerdown', 'pointerup', 'click', 'keydown', 'keyup', 'touchstart', 'wheel'];

/**
 * Listens to every input the humanness capture reads (pointer, keys, touches, wheel)
 * and hands each on as a `HumanInput`;
 * returns the removals. `/s.js` starts it at once and buffers what comes before the
 * humanness chunk is there (`lib/deferCapture.ts`).
 */
export function listenHumanInput(handler: (input: HumanInput) => void): Array<() => void> {
  const on = (event: Event): void => {
    const target = event.target;
    handler([
      event,
      performance.now(),
      // A host page's odd element may throw: the click still counts, without its offset.
      event.type === 'click' && target instanceof Element
        ? safely(() => target.getBoundingClientRect())()
        : undefined,
    ]);
  };
  return TYPES.map((type) => listen(window, type, on, true));
}
