/**
 * Every report over HTTP: JSON and CSV, the one-filter rule, funnels and realtime on traffic
 * posted through /v1/collect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../src/reports/index.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const now = Date.now();
  // Three sessions: / → /pricing → signup; / → /pricing; / only.
  const events = [
    makePageview({ session: 'a', ts: now - 30_000, url: 'https://example.com/' }),
    makePageview({ session: 'a', ts: now - 20_000, url: 'https://example.com/pricing' }),
    makeCustomEvent({
      session: 'a',
      ts: now - 10_000,
      url: 'https://example.com/pricing',
      name: 'signup',
      props: { plan: 'pro' },
    }),
    makePageview({ session: 'b', ts: now - 30_000, url: 'https://example.com/' }),
    makePageview({ session: 'b', ts: now - 20_000, url: 'https://example.com/pricing' }),
    makePageview({ session: 'c', ts: now - 30_000, url: 'https://example.com/' }),
    {
      id: 'err-1',
      type: 'error',
      ts: now - 5_000,
      session: 'a',
      url: 'https://example.com/pricing',
      kind: 'error',
      message: 'boom',
      count: 2,
    },
  ];
  expect((await postCollect(t.app, events)).statusCode).toBe(202);
});
afterAll(async () => {
  await t.close();
});

describe('GET /v1/reports/<name>', () => {
  it.each(Object.keys(reports))('%s answers JSON, and CSV with a header row', async (name) => {
    const json = await getJson(t, `/v1/reports/${name}?site=demo&bots=include`);
    expect(json.statusCode).toBe(200);
    expect(json.body.site).toBe('demo');
    const csv = await t.app.inject({
      method: 'GET',
      url: `/v1/reports/${name}?site=demo&format=csv`,
      headers: t.auth,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(reports[name]!.csv.columns.join(','));
  });

  it.each(Object.keys(reports))('%s needs the token', async (name) => {
    const response = await t.app.inject({ method: 'GET', url: `/v1/reports/${name}?site=demo` });
    expect(response.statusCode).toBe(401);
  });

  it('refuses two filters at once, naming them', async () => {
    const { statusCode, body } = await getJson(t, '/v1/reports/pages?site=demo&page=/&device=mobile');
    expect(statusCode).toBe(400);
    expect(body.message).toMatch(/one filter at a time.*page, device/);
  });

  it.each([
    ['a hostile country', 'country=%3Cscript%3E'],
    ['an unknown device', 'device=fridge'],
    ['a one-step funnel', 'funnel=/'],
    ['a funnel step that is neither a path nor an event', 'funnel=/,pricing'],
    ['too many sections', `sections=${Array.from({ length: 21 }, (_, i) => `/s${i}`).join(',')}`],
  ])('answers 400 to %s', async (_name, query) => {
    const report = query.startsWith('funnel') ? 'paths' : 'pages';
    const { statusCode, body } = await getJson(t, `/v1/reports/${report}?site=demo&bots=include&${query}`);
    expect(statusCode).toBe(400);
    expect(body.error).toEqual(expect.any(String));
  });

  it('counts an ordered funnel of pages and events', async () => {
    const { body } = await getJson<{
      funnel: { step: string; sessions: number; conversion: number | null }[];
    }>(t, '/v1/reports/paths?site=demo&bots=include&funnel=/,/pricing,event:signup');
    expect(body.funnel).toEqual([
      { step: '/', sessions: 3, conversion: 1, drop: null },
      { step: '/pricing', sessions: 2, conversion: 0.6667, drop: 0.3333 },
      { step: 'event:signup', sessions: 1, conversion: 0.3333, drop: 0.5 },
    ]);
    // Out of order: nobody signed up before seeing the home page again.
    const reversed = await getJson<{ funnel: { sessions: number }[] }>(
      t,
      '/v1/reports/paths?site=demo&bots=include&funnel=/pricing,/',
    );
    expect(reversed.body.funnel.map((s) => s.sessions)).toEqual([2, 0]);
  });

  it('shows live sessions and their current page in realtime', async () => {
    const { body } = await getJson<{
      visitors: number;
      sessions: { session: string; path: string }[];
      per_minute: { pageviews: number }[];
    }>(t, '/v1/reports/realtime?site=demo&bots=include');
    expect(body.visitors).toBe(1);
    expect(Object.fromEntries(body.sessions.map((s) => [s.session, s.path]))).toEqual({
      a: '/pricing',
      b: '/pricing',
      c: '/',
    });
    expect(body.per_minute).toHaveLength(30);
    expect(body.per_minute.reduce((n, m) => n + m.pageviews, 0)).toBe(5);
    expect(body.per_minute.reduce((n, m) => n + m.errors, 0)).toBe(1);
  });

  it.each([
    ['', 2],
    ['&page=/pricing', 2],
    ['&page=/', 0],
    ['&user=anonymous', 2],
    ['&user=logged_in', 0],
  ])('filters the errors report (%s)', async (filter, occurrences) => {
    const { body } = await getJson<{ totals: { occurrences: number } }>(
      t,
      `/v1/reports/errors?site=demo&bots=include${filter}`,
    );
    expect(body.totals.occurrences).toBe(occurrences);
  });

  it('lists custom event properties in the events report', async () => {
    const { body } = await getJson<{ props: { name: string; key: string; value: string; count: number }[] }>(
      t,
      '/v1/reports/events?site=demo&bots=include',
    );
    expect(body.props).toEqual([{ type: 'custom', name: 'signup', key: 'plan', value: 'pro', count: 1 }]);
  });
});
