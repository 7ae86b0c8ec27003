/**
 * Scroll depth: the deepest point of the page the reader saw, in percent of its height,
 * sent when the page is left. A page whose content fits the viewport counts as 100.
 */
import { listen } from '../lib/listen.js';
import { safely } from '../lib/safely.js';
import { throttle } from '../lib/throttle.js';
import type { Capture } from '../types.js';

/**
 * At most one measurement per this many ms while scrolling: reading `scrollHeight` can
 * force a layout, and a scroll event can fire every frame.
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
  const measureSoon = throttle(measure, MEASURE_EVERY_MS);

  const stops = [listen(window, 'scroll', measureSoon)];
  // Before `load` the document is not all there: a half-parsed page would "fit" and count 100.
  if (document.readyState === 'complete') measureSoon();
  else stops.push(listen(window, 'load', measureSoon));

  stops.push(
    ctx.onLeave((reason) => {
      // On `navigate` the DOM already shows the next route: keep what was measured here.
      if (reason !== 'navigate') measure();
      // `hidden` can come many times per page (and precedes `pagehide`): only news is sent.
      if (max > sent) {
        ctx.emit('scroll', { depth: max });
        sent = max;
      }
      if (reason === 'navigate') {
        // The next page starts from wherever the router left the viewport.
        max = sent = -1;
        measureSoon();
      }
    }),
  );

  return () => {
    measureSoon.cancel();
    for (const stop of stops) stop();
  };
};
