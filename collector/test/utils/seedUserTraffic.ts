import type { EventRow } from '../../src/storage/types.js';
import { makeEventRow } from './makeEventRow.js';
import { utcMidnight } from './utcDays.js';

const MIN = 60_000;

/**
 * Traffic of three identified users and an anonymous visitor over two UTC days, for the
 * user profile and erase tests. `zed-user` identifies mid-session (its first pageview has no
 * user id) and shares a visitor-day with `ann`; `bob` has a session of his own on each day.
 * Every id that belongs to zed contains "zed" and nothing else does.
 */
export function userTraffic(now = Date.now()): { zed: EventRow[]; others: EventRow[] } {
  const day2 = utcMidnight(2, now) + 10 * 60 * MIN;
  const day1 = utcMidnight(1, now) + 15 * 60 * MIN;
  let n = 0;
  const row = (
    owner: string,
    session: string,
    visitor: string,
    user: string | null,
    ts: number,
    more: Partial<EventRow>,
  ): EventRow =>
    makeEventRow({ eventId: `ev-${owner}-${(n += 1)}`, session, visitor, user, ts, receivedAt: ts, ...more });
  const page = (path: string) => ({ path, url: `https://example.com${path}` });
  const zed = [
    row('zed', 'sess-zed-1', 'v-zed', null, day2, page('/home')),
    row('zed', 'sess-zed-1', 'v-zed', 'zed-user', day2 + MIN, page('/pricing')),
    row('zed', 'sess-zed-1', 'v-zed', 'zed-user', day2 + 2 * MIN, {
      ...page('/pricing'),
      type: 'click',
      data: JSON.stringify({ kind: 'link', rage: 3 }),
    }),
    row('zed', 'sess-zed-1', 'v-zed', 'zed-user', day2 + 3 * MIN, {
      ...page('/pricing'),
      type: 'error',
      data: JSON.stringify({ kind: 'error', message: 'boom', count: 2 }),
    }),
    row('zed', 'sess-zed-1', 'v-zed', 'zed-user', day2 + 4 * MIN, {
      ...page('/pricing'),
      type: 'custom',
      name: 'signup',
      data: JSON.stringify({ props: { plan: 'pro' } }),
    }),
    row('zed', 'sess-zed-1', 'v-zed', 'zed-user', day2 + 5 * MIN, {
      ...page('/pricing'),
      type: 'engagement',
      data: JSON.stringify({ ms: 120_000 }),
    }),
    row('zed', 'sess-zed-2', 'v-shared', 'zed-user', day1, page('/pricing')),
    row('zed', 'sess-zed-2', 'v-shared', 'zed-user', day1 + MIN, {
      ...page('/pricing'),
      type: 'timing',
      data: JSON.stringify({ load: 4500 }),
    }),
  ];
  const others = [
    row('ann', 'sess-ann-1', 'v-shared', 'ann', day1 + 2 * MIN, page('/home')),
    row('ann', 'sess-ann-1', 'v-shared', 'ann', day1 + 3 * MIN, {
      ...page('/home'),
      type: 'click',
      data: JSON.stringify({ kind: 'link', dead: true }),
    }),
    row('bob', 'sess-bob-1', 'v-bob', 'bob', day2 + 30 * MIN, page('/pricing')),
    row('bob', 'sess-bob-2', 'v-bob', 'bob', day1 + 30 * MIN, page('/home')),
    row('anon', 'sess-anon-1', 'v-anon', null, day1 + 40 * MIN, page('/pricing')),
  ];
  return { zed, others };
}
