/**
 * Each event counts for the page view it names (`pv`), not for the URL it arrived with:
 * the SDK sends a route's leave-time summaries as the next route starts, and a page's
 * vitals can arrive after later navigations.
 */
import { describe, expect, test } from 'vitest';
import { foldSessionDay } from '../../src/rollups/foldSessionDay.js';
import type { SessionDay } from '../../src/rollups/groupSessionDays.js';
import type { EventFact, SessionFact } from '../../src/rollups/types.js';

let seq = 0;
const event = (type: string, path: string, fields: Partial<EventFact> = {}): EventFact => ({
  type,
  ts: 1_700_000_000_000 + ++seq,
  session: 's1',
  visitor: 'v1',
  path,
  name: null,
  data: null,
  pv: null,
  id: `e${seq}`,
  ...fields,
});

function sessionDay(events: EventFact[]): SessionDay {
  return {
    fact: { session: 's1' } as SessionFact,
    events,
    pageviews: events.filter((e) => e.type === 'pageview'),
    visitors: ['v1'],
    sessionFilters: [''],
    pageFilters: [],
  };
}

/** Per path: [engaged ms, engaged n, scroll sum, scroll n, errors, rage]. */
const pages = (day: SessionDay) =>
  Object.fromEntries(
    [...foldSessionDay(day).pages].map(([path, { counters: c }]) => [path, [c[3], c[4], c[5], c[6], c[10], c[11]]]),
  );

describe('foldSessionDay: credit by page view', () => {
  test('an SPA route change: the left route keeps its scroll, engaged time, clicks and errors', () => {
    const home = event('pageview', '/');
    const pricing = event('pageview', '/pricing');
    // What the SDK sends while /pricing starts: the summaries of /, with its pv.
    const data = (d: object) => JSON.stringify(d);
    const day = sessionDay([
      home,
      event('click', '/', { pv: home.id, data: data({ kind: 'button', rage: 3 }) }),
      pricing,
      event('scroll', '/pricing', { pv: home.id, data: data({ depth: 80 }) }),
      event('engagement', '/pricing', { pv: home.id, data: data({ ms: 4000 }) }),
      event('error', '/pricing', { pv: home.id, data: data({ kind: 'error', message: 'x', count: 2 }) }),
      event('scroll', '/pricing', { pv: pricing.id, data: data({ depth: 30 }) }),
      event('engagement', '/pricing', { pv: pricing.id, data: data({ ms: 1000 }) }),
    ]);
    expect(pages(day)).toEqual({
      '/': [4000, 1, 80, 1, 2, 1],
      '/pricing': [1000, 1, 30, 1, 0, 0],
    });
  });

  test('a vital of the first page reported after two navigations counts for the first page', () => {
    const home = event('pageview', '/');
    const day = sessionDay([
      home,
      event('pageview', '/a'),
      event('pageview', '/b'),
      event('vital', '/b', { pv: home.id, name: 'LCP', data: JSON.stringify({ value: 1200 }) }),
    ]);
    const vitals = [...foldSessionDay(day).vitals.values()].map((byPath) => [...byPath.keys()]);
    expect(vitals).toEqual([['/']]);
  });

  test('without a pv, or with one of a page view not in this day, the event counts for its own URL', () => {
    const day = sessionDay([
      event('pageview', '/'),
      event('engagement', '/x', { data: JSON.stringify({ ms: 500 }) }),
      event('engagement', '/y', { pv: 'of-yesterday', data: JSON.stringify({ ms: 700 }) }),
    ]);
    expect(pages(day)).toMatchObject({ '/x': [500, 1, 0, 0, 0, 0], '/y': [700, 1, 0, 0, 0, 0] });
  });
});

describe('foldSessionDay: vitals', () => {
  test('a page view whose CLS was sent again as it grew counts once, with its latest value', () => {
    const home = event('pageview', '/');
    const cls = (value: number) => event('vital', '/', { pv: home.id, name: 'CLS', data: JSON.stringify({ value }) });
    const day = sessionDay([home, cls(0.01), cls(0.3)]);
    const vitals = [...foldSessionDay(day).vitals].map(([key, byPath]) => [key.split('\u0001')[2], byPath.get('/')]);
    expect(vitals).toEqual([['poor', 1]]);
  });
});
