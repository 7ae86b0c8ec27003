import type { Capture } from '../types.js';
import { onIdle } from './onIdle.js';

/** The chunk starts at the first idle moment, or after this long at the latest. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * A capture module whose code is fetched when the main thread is first idle (`load`, e.g.
 * a dynamic `import()` of a chunk the collector serves), or when the page is first left
 * (hidden) if that comes sooner, so that the script tag does not carry it: the page's load
 * pays neither its bytes nor its parse. For signals that can be read after the fact
 * (buffered performance entries), never for input listeners.
 */
export function deferCapture(load: () => Promise<Capture>): Capture {
  return (ctx) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      cancel();
      stopLeave();
      // A throw inside `load` (a bad URL) becomes a rejection, logged like a failed fetch.
      Promise.resolve()
        .then(load)
        .then(
          (capture) => {
            if (!stopped) stop = capture(ctx);
          },
          (error) => ctx.debug('capture not loaded', error),
        );
    };
    const cancel = onIdle(start, IDLE_TIMEOUT_MS);
    const stopLeave = ctx.onLeave(start);
    return () => {
      stopped = true;
      cancel();
      stopLeave();
      stop?.();
    };
  };
}
