/**
 * Pageviews: one on load, one per SPA navigation (`pushState`, `replaceState`, `popstate`,
 * hash routes), one when a page comes back from the back/forward cache. Navigations in the
 * same task are coalesced and compared by route, so a router that calls replaceState and
 * then pushState for one navigation (Vue Router does) counts once.
 */
import { listen } from '../lib/listen.js';
import { pageContext } from '../lib/pageContext.js';
import { routeKey } from '../lib/routeKey.js';
import type { Capture } from '../types.js';

type HistoryMethod = 'pushState' | 'replaceState';

export const capturePageviews: Capture = (ctx) => {
  let lastKey: string | null = null;
  let lastHref = '';
  let scheduled = false;
  let stopped = false;

  const check = (force: boolean): void => {
    // After stop(): a navigation still pending, or our wrapper kept under someone else's.
    if (stopped) return;
    const key = routeKey(location);
    if (key === lastKey && !force) return;
    // The first view keeps the document's referrer; later ones come from the previous page.
    const referrer = lastKey === null ? document.referrer : lastHref;
    lastKey = key;
    lastHref = location.href;
    ctx.emit('pageview', { title: document.title, referrer, ...pageContext() });
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    // After the router has run (and usually set the new title).
    setTimeout(() => {
      scheduled = false;
      check(false);
    }, 0);
  };

  const originals: Partial<Record<HistoryMethod, History[HistoryMethod]>> = {};
  const patched: Partial<Record<HistoryMethod, History[HistoryMethod]>> = {};
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    originals[method] = original;
    patched[method] = history[method] = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
      const result = original.apply(this, args);
      schedule();
      return result;
    };
  }

  const stops = [
    listen(window, 'popstate', schedule),
    listen(window, 'hashchange', schedule),
    listen(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) check(true);
    }),
  ];
  check(false);

  return () => {
    stopped = true;
    for (const stop of stops) stop();
    for (const method of ['pushState', 'replaceState'] as const) {
      // Restore only if nobody wrapped our wrapper since.
      if (history[method] === patched[method]) history[method] = originals[method] as History[HistoryMethod];
    }
  };
};
