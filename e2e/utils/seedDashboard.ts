import { postEvents } from './postEvents.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A small, known traffic history for the `demo` site over the last days: sessions with
 * pageviews (titles, referrers, users, devices), clicks, custom events, JS errors and web vitals.
 * Returns the session ids. Sent as crafted HTTP requests, so most are scored as bots: views
 * that should show them use `bots=include`.
 */
export async function seedDashboard(collectorUrl: string): Promise<string[]> {
  const midnight = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const sessions: string[] = [];
  let n = 0;
  const id = (p: string) => `${p}-${++n}`;
  const plan = [
    {
      daysAgo: 0,
      pages: ['/', '/pricing', '/signup'],
      user: 'alice',
      device: 'desktop',
      ref: 'https://news.example/item',
    },
    {
      daysAgo: 0,
      pages: ['/blog/hello'],
      user: undefined,
      device: 'mobile',
      ref: 'https://search.example/?q=sightline',
    },
    { daysAgo: 1, pages: ['/', '/docs'], user: 'bob', device: 'desktop', ref: undefined },
    {
      daysAgo: 2,
      pages: ['/docs', '/docs/api', '/pricing', '/'],
      user: undefined,
      device: 'tablet',
      ref: 'https://news.example/item',
    },
    { daysAgo: 4, pages: ['/'], user: 'alice', device: 'desktop', ref: undefined },
    {
      daysAgo: 6,
      pages: ['/blog/hello', '/'],
      user: undefined,
      device: 'mobile',
      ref: 'https://social.example/p/1',
    },
  ];
  for (const [i, s] of plan.entries()) {
    const session = `seed-s${i}`;
    sessions.push(session);
    // Today's sessions are set one hour ago at most, so they are never in the future.
    let ts =
      s.daysAgo === 0 ? Date.now() - HOUR_MS + i * 60_000 : midnight - s.daysAgo * DAY_MS + 10 * HOUR_MS;
    const events: Record<string, unknown>[] = [];
    for (const [j, path] of s.pages.entries()) {
      const pv = id('pv');
      events.push({
        id: pv,
        type: 'pageview',
        ts: (ts += 20_000),
        session,
        url: `https://shop.example${path}`,
        title: `Shop · ${path}`,
        ...(j === 0 && s.ref ? { referrer: s.ref } : {}),
        ...(s.user ? { user: s.user } : {}),
        device: s.device,
        screen: '1920x1080',
        viewport: '1280x720',
        language: 'en-GB',
        timezone: 'UTC+00:00',
      });
      events.push({
        id: id('c'),
        type: 'click',
        ts: (ts += 2_000),
        session,
        pv,
        url: `https://shop.example${path}`,
        selector: 'main > a.cta',
        tag: 'a',
        text: 'Buy now',
        kind: 'link',
        href: '/signup',
      });
      if (path === '/pricing') {
        events.push({
          id: id('e'),
          type: 'error',
          ts: (ts += 1_000),
          session,
          pv,
          url: `https://shop.example${path}`,
          kind: 'error',
          message: 'TypeError: price is undefined',
          source: 'https://shop.example/app.js',
          line: 12,
          col: 7,
          count: 2,
        });
      }
      if (path === '/docs') {
        events.push({
          id: id('e'),
          type: 'error',
          ts: (ts += 1_000),
          session,
          pv,
          url: `https://shop.example${path}`,
          kind: 'rejection',
          message: 'Failed to fetch',
          count: 1,
        });
      }
      // Web vitals on the first page: one sample each, rated good, needs improvement and poor.
      if (i === 0 && j === 0) {
        for (const [name, value] of [
          ['LCP', 1800],
          ['INP', 300],
          ['CLS', 0.4],
        ] as const) {
          events.push({
            id: id('v'),
            type: 'vital',
            ts: (ts += 500),
            session,
            pv,
            url: `https://shop.example${path}`,
            name,
            value,
          });
        }
      }
      if (path === '/signup') {
        events.push({
          id: id('ev'),
          type: 'custom',
          ts: (ts += 1_000),
          session,
          pv,
          url: `https://shop.example${path}`,
          name: 'signup',
          props: { plan: 'pro' },
        });
      }
    }
    await postEvents(collectorUrl, events);
  }
  return sessions;
}
