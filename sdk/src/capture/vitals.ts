/**
 * Core Web Vitals (LCP, INP, CLS) plus FCP and TTFB, measured by web-vitals' standard
 * build (TTFB read the same way here), each credited to the page view it describes:
 * - LCP, FCP and TTFB describe the document's load: once per load (a bfcache restore is a
 *   new load), credited to the page view that was current when this capture started (the
 *   chunk starts at idle: the loaded page, unless the visitor navigated in the SPA first).
 * - CLS and INP keep changing as the visitor stays: each time a page is left (hidden, SPA
 *   navigation, `pagehide`) their value is sent if it changed since the last send, credited
 *   to the page view being left, so growth after SPA navigations is reported (web-vitals'
 *   standard build measures them for the whole document, not per route: a route's value
 *   is the document's when it was left, sent only when it grew there). The collector keeps
 *   the last one per page view and metric.
 *
 * Delivery when the page is hidden: web-vitals reports from `visibilitychange` listeners it
 * adds to `window` in the capture phase, synchronously; the client flushes by beacon from
 * its listener on `document`, the event's target, and the DOM runs every capturing
 * listener on `window` before any listener at the target, whatever the order they were
 * added in; so those vitals are queued before that beacon and go out in it.
 * https://dom.spec.whatwg.org/#concept-event-dispatch
 *
 * Started on a page already hidden (the chunk came after the visitor switched tabs, e.g.
 * one slow click soon after load and away), web-vitals would wait for a hiding that has
 * passed: a `visibilitychange` is dispatched on `window` for it, so the interactions the
 * browser buffered are reported now.
 */
import { onCLS, onFCP, onINP, onLCP, type MetricType } from 'web-vitals';
import { listen } from '../lib/listen.js';
import { safely } from '../lib/safely.js';
import { selectorPath } from '../lib/selectorPath.js';
import { wireNumber } from '../lib/wireNumber.js';
import type { Capture } from '../types.js';

const GROWING = ['CLS', 'INP'];

export const captureVitals: Capture = (ctx) => {
  // Every metric but TTFB needs it; rather nothing than a set that looks complete.
  if (typeof PerformanceObserver !== 'function') {
    ctx.debug('vitals not captured: no PerformanceObserver');
    return () => undefined;
  }
  const load = ctx.page();
  // web-vitals has no unsubscribe: after stop() its callbacks still come, and do nothing.
  let stopped = false;
  // Last metric id sent per load metric; CLS and INP as they stand, and the value last sent.
  const sent: Partial<Record<MetricType['name'], string>> = {};
  const latest: Partial<Record<MetricType['name'], MetricType>> = {};
  const sentValue: Partial<Record<MetricType['name'], number>> = {};

  const send = (metric: MetricType, at = ctx.page()): void => {
    const value = wireNumber(metric.value, metric.name === 'CLS' ? 4 : 0);
    if (value === undefined) return notSent([metric.name, metric.value]);
    // Only LCP names its element: its entry holds it at no cost (and a restored page's
    // LCP has no entry, so no stale element). INP's and CLS's would need the attribution
    // build (+2.5 KB gzip, over our budget).
    const element = metric.name === 'LCP' ? metric.entries[metric.entries.length - 1]?.element : null;
    ctx.emit(
      'vital',
      {
        name: metric.name,
        value,
        rating: metric.rating,
        element: element ? selectorPath(element) : undefined,
      },
      at,
    );
  };

  const notSent = (detail: unknown): void => ctx.debug('vital not sent', detail);
  const report = safely((metric: MetricType) => {
    if (stopped) return;
    if (GROWING.includes(metric.name)) return void (latest[metric.name] = metric);
    if (sent[metric.name] === metric.id) return;
    sent[metric.name] = metric.id;
    // A restored page is a new load of the page view current then.
    send(metric, metric.navigationType === 'back-forward-cache' ? ctx.page() : load);
  }, notSent);

  const onError = notSent;
  for (const on of [onLCP, onFCP]) safely(() => on(report), onError)();
  for (const on of [onINP, onCLS]) safely(() => on(report, { reportAllChanges: true }), onError)();

  // TTFB is read from the navigation entry as web-vitals' onTTFB reads it (from activation
  // for a prerendered page; its thresholds, 800 and 1800 ms), without its code (~150 B
  // gzip): once per load, for a restored page's is 0 by definition and not sent.
  const ttfb = safely(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      (PerformanceNavigationTiming & { activationStart?: number }) | undefined;
    if (!(nav && nav.responseStart > 0)) return;
    const value = Math.max(nav.responseStart - (nav.activationStart || 0), 0);
    const rating = value > 1800 ? 'poor' : value > 800 ? 'needs-improvement' : 'good';
    send({ name: 'TTFB', value, rating } as MetricType, load);
  }, notSent);
  const stopTtfb = (document as Document & { prerendering?: boolean }).prerendering
    ? listen(document, 'prerenderingchange', ttfb)
    : (ttfb(), () => undefined);

  /** CLS and INP of the page being left, where they changed. */
  const leave = safely(() => {
    for (const name of GROWING) {
      const metric = latest[name as MetricType['name']];
      if (metric && !stopped && metric.value !== sentValue[metric.name]) {
        sentValue[metric.name] = metric.value;
        send(metric);
      }
    }
  }, onError);
  const stopLeave = ctx.onLeave(leave);
  if (document.visibilityState === 'hidden') {
    // Started after the page was hidden: web-vitals reports what it has on a hiding (on
    // `window`: the page's own listeners are on `document`, which this does not reach).
    queueMicrotask(() => {
      dispatchEvent(new Event('visibilitychange'));
      leave();
    });
  }
  return () => {
    stopped = true;
    stopLeave();
    stopTtfb();
  };
};
