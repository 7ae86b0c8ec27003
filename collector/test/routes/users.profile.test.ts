import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUserProfile, type UserProfile } from '../../src/reports/userProfile.js';
import { countStorageCalls } from '../utils/countStorageCalls.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { userTraffic } from '../utils/seedUserTraffic.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const { zed, others } = userTraffic();
  await insertEvents(t.storage, [...zed, ...others]);
  await t.storage.refreshRollups();
});
afterAll(() => t.close());

const url = (user: string, query = '') => `/v1/users/${encodeURIComponent(user)}?site=demo${query}`;

describe('GET /v1/users/<user>', () => {
  it('sums up the sessions that carried the id, events before identify included', async () => {
    const { statusCode, body } = await getJson<UserProfile>(t, url('zed-user'));
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({
      site: 'demo',
      user: 'zed-user',
      bots: 'include',
      sessions: 2,
      pageviews: 3,
    });
    expect(body.favourite_pages).toEqual([
      { path: '/pricing', views: 2 },
      { path: '/home', views: 1 },
    ]);
    expect(body.hours).toHaveLength(24);
    expect(body.hours[10]!.pageviews).toBe(2);
    expect(body.hours[15]!.pageviews).toBe(1);
    expect(body.devices.reduce((n, d) => n + d.sessions, 0)).toBe(2);
  });

  it('has a 30-day trend with the engagement and problem scores of each day', async () => {
    const { body } = await getJson<UserProfile>(t, url('zed-user'));
    expect(body.trend).toHaveLength(30);
    expect(body.trend[29]!.date).toBe(utcDate(0));
    const d2 = body.trend.find((p) => p.date === utcDate(2))!;
    // 3·1 session + 2 pageviews + 0.5·1 click + 2 engaged minutes + 2·1 custom event
    expect(d2).toMatchObject({ sessions: 1, pageviews: 2, clicks: 1, custom_events: 1, score: 9.5 });
    // 3·2 errors + 2·1 rage click
    expect(d2).toMatchObject({ errors: 2, rage: 1, problem_score: 8 });
    const d1 = body.trend.find((p) => p.date === utcDate(1))!;
    expect(d1).toMatchObject({ slow: 1, problem_score: 2, score: 4 });
    expect(body.problem_sessions.map((p) => [p.date, p.session, p.score])).toEqual([
      [utcDate(1), 'sess-zed-2', 2],
      [utcDate(2), 'sess-zed-1', 8],
    ]);
  });

  it('pages through the timeline newest first', async () => {
    const first = await getJson<UserProfile>(t, url('zed-user', '&limit=3'));
    expect(first.body.timeline.map((i) => i.kind)).toEqual(['pageview', 'session', 'custom']);
    expect(first.body.timeline[1]).toMatchObject({ session: 'sess-zed-2', path: '/pricing' });
    const next = first.body.next_before!;
    const second = await getJson<UserProfile>(
      t,
      url('zed-user', `&limit=10&before=${encodeURIComponent(next)}`),
    );
    expect(second.body.timeline.map((i) => i.kind)).toEqual([
      'error',
      'click',
      'pageview',
      'pageview',
      'session',
    ]);
    expect(second.body.timeline[3]).toMatchObject({ path: '/home', session: 'sess-zed-1' });
    expect(second.body.next_before).toBeNull();
  });

  it('answers 404 for an unknown user, 401 without a token', async () => {
    expect((await getJson(t, url('nobody'))).statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: url('zed-user') });
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows nothing of a human user on the bot side', async () => {
    const { statusCode, body } = await getJson<UserProfile>(t, url('zed-user', '&bots=only'));
    expect(statusCode).toBe(200);
    expect([body.sessions, body.timeline.length, body.trend.reduce((n, p) => n + p.sessions, 0)]).toEqual([
      0, 0, 0,
    ]);
  });

  it('makes the same storage calls for a user with 40 times the sessions and days', async () => {
    const rows = Array.from({ length: 80 }, (_, i) =>
      makeEventRow({
        session: `heavy-${i}`,
        user: 'heavy',
        ts: utcMidnight(1 + (i % 20)) + i * 60_000,
        path: `/p${i}`,
      }),
    );
    await insertEvents(t.storage, rows);
    await t.storage.refreshRollups();
    const params = { site: 'demo', bots: 'include' as const, limit: 50, before: Number.MAX_SAFE_INTEGER };
    const a = countStorageCalls(t.storage);
    const b = countStorageCalls(t.storage);
    await getUserProfile(a.storage, { ...params, user: 'zed-user' });
    const heavy = await getUserProfile(b.storage, { ...params, user: 'heavy' });
    expect(heavy?.sessions).toBe(80);
    expect(b.calls).toEqual(a.calls);
    expect(Object.values(a.calls).reduce((n, c) => n + c, 0)).toBe(4);
  });
});
