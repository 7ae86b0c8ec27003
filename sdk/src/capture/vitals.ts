/**
 * Core Web Vitals (LCP, INP, CLS) plus FCP and TTFB, measured by web-vitals' standard
 * build: one `vital` event per metric per page load (a bfcache restore is a new load),
 * with web-vitals' final value and rating, and for LCP the element behind it.
 *
 * Delivery when the page is hidden: web-vitals reports LCP, CLS and INP from
 * `visibilitychange` listeners it adds to `window` in the capture phase, synchronously.
 * The client flushes by beacon from its listener on `document`, the event's target, and
 * the DOM runs every capturing listener on `window` before any listener at the target,
 * whatever the order they were added in; so those vitals are queued before that beacon
 * and go out in it. https://dom.spec.whatwg.org/#concept-event-dispatch
 * When the page is left, `pagehide` comes first and `visibilitychange` after it (HTML's
 * unload steps; seen in Chromium 156): the client flushes on both, so these vitals go in
 * the second beacon.
 */
import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from 'web-vitals';
import { safely } from '../lib/safely.js';
import { selectorPath } from '../lib/selectorPath.js';
import { wireNumber } from '../lib/wireNumber.js';
import type { Capture } from '../types.js';

export const captureVitals: Capture = (ctx) => {
  // Every metric but TTFB needs it; rather nothing than a set that looks complete.
  if (typeof PerformanceObserver !== 'function') {
    ctx.debug('vitals not captured: no PerformanceObserver');
    return () => undefined;
  }
  // web-vitals has no unsubscribe: after stop() its callbacks still come, and do nothing.
  let stopped = false;
  // Last metric id sent per name. Even with `reportAllChanges` off (its default, kept),
  // web-vitals calls again for CLS and INP on each later hiding where the value grew; a
  // page load sends each metric once, with the value it had when the page was first hidden.
  const sent: Partial<Record<MetricType['name'], string>> = {};

  const report = safely(
    (metric: MetricType) => {
      if (stopped || sent[metric.name] === metric.id) return;
      // A bfcache restore's TTFB is 0 by definition, and web-vitals reports it from
      // `pageshow` before the restored page's pageview exists, so it would land on the
      // previous view, which has its own TTFB already.
      if (metric.name === 'TTFB' && metric.navigationType === 'back-forward-cache') return;
      sent[metric.name] = metric.id;
      const value = wireNumber(metric.value, metric.name === 'CLS' ? 4 : 0);
      if (value === undefined) return ctx.debug(`${metric.name} not sent: value out of bounds`, metric.value);
      // Only LCP names its element: its entry holds it at no cost (and a restored page's
      // LCP has no entry, so no stale element). INP's and CLS's would need the attribution
      // build (+2.5 KB gzip, over our budget): the node behind a slow interaction or a shift
      // is often gone by the time the page is hidden, and its entry's `target`/`node` then
      // reads null, so that build records targets as each interaction and shift happens.
      const element = metric.name === 'LCP' ? metric.entries[metric.entries.length - 1]?.element : null;
      ctx.emit('vital', {
        name: metric.name,
        value,
        rating: metric.rating,
        ...(element ? { element: selectorPath(element) } : {}),
      });
    },
    (error) => ctx.debug('vital not sent', error),
  );

  for (const on of [onLCP, onINP, onCLS, onFCP, onTTFB]) {
    safely(
      () => on(report),
      (error) => ctx.debug('vital not observed', error),
    )();
  }
  return () => {
    stopped = true;
  };
};
