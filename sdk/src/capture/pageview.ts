/**
 * Pageviews: one on load (on activation for a prerendered page), one per SPA navigation
 * (`pushState`, `replaceState`, `popstate`, hash routes), one when a page comes back from
 * the back/forward cache. Navigations in the
 * same task are coalesced and compared by route, so a router that calls replaceState and
 * then pushState for one navigation (Vue Router does) counts once.
 */
import { MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '@sightline/protocol';
import { clamp } from '../lib/clamp.js';
import { listen } from '../lib/listen.js';
import { pageContext, viewportSize } from '../lib/pageContext.js';
import { routeKey } from '../lib/routeKey.js';
import type { Capture } from '../types.js';

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
    // Cut to the wire bounds: one value over them would get the whole batch refused.
    const fields: Record<string, unknown> = {
      title: clamp(document.title, MAX_TITLE_LENGTH),
      referrer: referrer ? clamp(referrer, MAX_URL_LENGTH) : undefined,
      ...pageContext(),
    };
    // Once the page is laid out anyway; before it is (the script runs while the page
    // loads), reading the viewport would force a layout: the event gets it after the first
    // frame, or when the page is left first, before it is sent.
    if (document.readyState === 'complete') fields.viewport = viewportSize();
    const event = ctx.emit('pageview', fields);
    if (event && !fields.viewport) {
      let done = false;
      const fill = (): void => {
        if (!done) (event as { viewport?: string }).viewport = viewportSize();
        done = true;
        stopFill();
      };
      const stopFill = ctx.onLeave(fill);
      requestAnimationFrame(() => setTimeout(fill));
    }
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

  const methods = ['pushState', 'replaceState'] as const;
  const originals = methods.map((method) => history[method]);
  const patched = methods.map(
    (method, i) =>
      (history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = (originals[i] as History['pushState']).apply(this, args);
        schedule();
        return result;
      }),
  );

  const stops = [
    listen(window, 'popstate', schedule),
    listen(window, 'hashchange', schedule),
    listen(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted) check(true);
    }),
  ];
  // A prerendered page (speculation rules) may never be shown: it is counted when it is
  // activated, if ever. https://developer.chrome.com/docs/web-platform/prerender-pages
  if ((document as Document & { prerendering?: boolean }).prerendering) {
    stops.push(listen(document, 'prerenderingchange', () => check(false)));
  } else check(false);

  return () => {
    stopped = true;
    for (const stop of stops) stop();
    methods.forEach((method, i) => {
      // Restore only if nobody wrapped our wrapper since.
      if (history[method] === patched[i]) history[method] = originals[i] as History['pushState'];
    });
  };
};
