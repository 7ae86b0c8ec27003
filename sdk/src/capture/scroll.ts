/**
 * Scroll depth: the deepest point of the page the reader saw, in percent of its height,
 * sent when the page is left. A page whose content fits the viewport counts as 100.
 *
 * Measured against the page as the reader saw it: when they scroll (and once at load),
 * never when the page is left. Content appended after the reader stopped scrolling (a
 * feed, a late widget) neither lowers their depth nor, removed, raises it to 100.
 */
import { listen } from '../lib/listen.js';
import { safely } from '../lib/safely.js';
import type { Capture } from '../types.js';

/**
 * While scrolling, one measurement at the first scroll event and one this many ms later:
 * reading `scrollHeight` can force a layout, and a scroll event can fire every frame.
 */
const MEASURE_EVERY_MS = 100;

/** Bottom of the viewport in percent of the document height, rounded, 0–100. */
function scrollDepth(): number {
  const height = document.documentElement.scrollHeight;
  // No height at all: nothing to scroll, the whole (empty) page is in view.
  if (!(height > 0)) return 100;
  const depth = Math.round(((window.scrollY + window.innerHeight) / height) * 100);
  // Overscroll (iOS rubber-banding) can go past either end; NaN ends up as 0.
  return depth >= 100 ? 100 : depth > 0 ? depth : 0;
}

export const captureScroll: Capture = (ctx) => {
  // Deepest depth measured on this page and the last one sent; -1 = none yet.
  let max = -1;
  let sent = -1;

  const measure = safely(
    () => {
      max = Math.max(max, scrollDepth());
    },
    (error) => ctx.debug('scroll depth not measured', error),
  );
  // The window of a scroll: measured at its first event, and at its end if it went on.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let moved = false;
  // The page as it is once loaded (or once an SPA route is shown), before any scroll.
  let first: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    timer = undefined;
    if (!moved) return;
    moved = false;
    measure();
    timer = setTimeout(tick, MEASURE_EVERY_MS);
  };
  const onScroll = (): void => {
    if (timer !== undefined) return void (moved = true);
    // The page as it is when the reader scrolls, not as it is 100 ms later.
    measure();
    timer = setTimeout(tick, MEASURE_EVERY_MS);
  };
  const later = (): void => {
    first = setTimeout(() => {
      first = undefined;
      measure();
    }, MEASURE_EVERY_MS);
  };

  const stops = [listen(window, 'scroll', onScroll)];
  // Before `load` the document is not all there: a half-parsed page would "fit" and count 100.
  if (document.readyState === 'complete') later();
  else stops.push(listen(window, 'load', later));

  stops.push(
    ctx.onLeave((reason) => {
      // A scroll of the last moment is measured; on `navigate` the DOM already shows the
      // next route, so it is not.
      const due = moved || first !== undefined;
      clearTimeout(timer);
      clearTimeout(first);
      timer = first = undefined;
      moved = false;
      if (due && reason !== 'navigate') measure();
      // `hidden` can come many times per page (and precedes `pagehide`): only news is sent.
      if (max > sent) {
        ctx.emit('scroll', { depth: max });
        sent = max;
      }
      if (reason === 'navigate') {
        // The next page starts from wherever the router left the viewport.
        max = sent = -1;
        later();
      }
    }),
  );

  return () => {
    clearTimeout(timer);
    clearTimeout(first);
    for (const stop of stops) stop();
  };
};
