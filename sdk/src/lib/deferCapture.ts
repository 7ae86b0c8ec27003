import type { Capture } from '../types.js';
import { onIdle } from './onIdle.js';

/** The chunk starts at the first idle moment, or after this long at the latest. */
const IDLE_TIMEOUT_MS = 2000;
/** Bound of the early buffer (a chunk that never comes must not grow it forever). */
const MAX_EARLY = 2000;

/**
 * A capture module whose code is fetched when the main thread is first idle (`load`, e.g.
 * a dynamic `import()` of a chunk the collector serves), or when the page is first left
 * (hidden) if that comes sooner, so that the script tag does not carry it: the page's load
 * pays neither its bytes nor its parse.
 *
 * For signals that can be read after the fact (buffered performance entries), `load` alone.
 * For input, `listenEarly` starts listening at once and buffers what it is handed; `load`
 * gets the buffer, and the loaded capture reads it before it listens itself, in the same
 * task as the buffer stops, so no input is lost or read twice.
 */
export function deferCapture<T = never>(
  load: (early: T[]) => Promise<Capture>,
  listenEarly?: (push: (item: T) => void) => Array<() => void>,
): Capture {
  return (ctx) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    let started = false;
    const early: T[] = [];
    const stopsEarly = listenEarly?.((item) => early.length < MAX_EARLY && early.push(item)) ?? [];
    const stopEarly = (): void => {
      for (const stop of stopsEarly.splice(0)) stop();
    };
    const start = (): void => {
      if (started) return;
      started = true;
      cancel();
      stopLeave();
      // A throw inside `load` (a bad URL) becomes a rejection, logged like a failed fetch.
      Promise.resolve(early)
        .then(load)
        .then(
          (capture) => {
            stopEarly();
            if (!stopped) stop = capture(ctx);
          },
          (error) => {
            stopEarly();
            ctx.debug('capture not loaded', error);
          },
        );
    };
    const cancel = onIdle(start, IDLE_TIMEOUT_MS);
    const stopLeave = ctx.onLeave(start);
    return () => {
      stopped = true;
      stopEarly();
      cancel();
      stopLeave();
      stop?.();
    };
  };
}
