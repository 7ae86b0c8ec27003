/**
 * Navigation Timing of the page load, once, after the load event: time to first byte,
 * end of DOMContentLoaded and end of load, in whole ms from navigation start. An SPA
 * navigation has no navigation entry of its own, so it sends nothing.
 * https://www.w3.org/TR/navigation-timing-2/
 */
import { listen } from '../lib/listen.js';
import { safely } from '../lib/safely.js';
import { wireNumber } from '../lib/wireNumber.js';
import type { Capture } from '../types.js';

const FIELDS = [
  ['ttfb', 'responseStart'],
  ['domReady', 'domContentLoadedEventEnd'],
  ['load', 'loadEventEnd'],
] as const;

export const captureTiming: Capture = (ctx) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const notSent = (detail: unknown): void => ctx.debug('timing not sent', detail);

  // Without a navigation entry, without a usable value or without a Performance Timeline
  // (the read throws): nothing, said once in debug.
  const read = safely(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fields: Record<string, number> = {};
    for (const [field, key] of FIELDS) {
      // 0 means "did not happen (yet)", e.g. a field the browser withholds.
      const ms = entry && wireNumber(entry[key] - entry.startTime);
      if (ms) fields[field] = ms;
    }
    if (Object.keys(fields).length) ctx.emit('timing', fields);
    else notSent(entry);
  }, notSent);
  // loadEventEnd is set once the load listeners have returned: read in the next task.
  // That holds too when we start inside a load listener, where readyState is already
  // 'complete' and loadEventEnd still 0.
  const schedule = (): void => {
    timer = setTimeout(read, 0);
  };

  let unlisten = (): void => undefined;
  if (document.readyState === 'complete') schedule();
  else
    unlisten = listen(window, 'load', () => {
      unlisten();
      schedule();
    });

  return () => {
    unlisten();
    clearTimeout(timer);
  };
};
