import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { DAY_MS, utcDate, utcMidnight } from '../utils/utcDays.js';

interface Overview {
  site: string;
  from: string;
  to: string;
  bots: string;
  totals: { pageviews: number; visitors: number; sessions: number };
  series: { date: string; pageviews: number; visitors: number; sessions: number }[];
}

const HOUR_MS = 3_600_000;
const at = (daysAgo: number, hours: number): number => utcMidnight(daysAgo) + hours * HOUR_MS;
const [d1, d2, d3, d5] = [utcDate(1), utcDate(2), utcDate(3), utcDate(5)];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SITES: 'other' });
  const A = { remoteAddress: '10.0.0.1' };
  const B = { remoteAddress: '10.0.0.2' };
  const C = { remoteAddress: '10.0.0.3' };
  const post = async (events: unknown[], options: Parameters<typeof postCollect>[2]) =>
    expect((await postCollect(t.app, events, options)).statusCode).toBe(202);
  // Five days ago: outside the period asked below.
  await post([makePageview({ session: 'sB0', ts: at(5, 12) })], B);
  // Three days ago: A (one session, two pageviews and an event) and B (one pageview).
  await post(
    [
      makePageview({ session: 'sA1', ts: at(3, 10) }),
      makePageview({ session: 'sA1', ts: at(3, 10.1) }),
      makeCustomEvent({ session: 'sA1', ts: at(3, 10.2) }),
    ],
    A,
  );
  await post([makePageview({ session: 'sB1', ts: at(3, 11) })], B);
  // Two days ago: A again, continuing sA1 past midnight and starting sA2.
  await post(
    [
      makePageview({ session: 'sA1', ts: at(2, 0.5) }),
      makePageview({ session: 'sA2', ts: at(2, 15) }),
      makePageview({ session: 'sA2', ts: at(2, 15.2) }),
    ],
    A,
  );
  // Yesterday: C sends only a custom event.
  await post([makeCustomEvent({ session: 'sC1', ts: at(1, 9) })], C);
  // Another site's traffic never shows in demo's reports.
  await post([makePageview({ session: 'sX', ts: at(2, 9) })], { ...A, site: 'other' });
});
afterAll(async () => {
  await t.close();
});

const overview = (query: string) => getJson<Overview>(t, `/v1/reports/overview?site=demo&${query}`);

describe('GET /v1/reports/overview', () => {
  it('gives per-day series and totals of what was posted', async () => {
    const { statusCode, body } = await overview(`from=${d3}&to=${d1}`);
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({
      site: 'demo',
      from: d3,
      to: d1,
      bots: 'exclude',
      series: [
        { date: d3, pageviews: 3, visitors: 2, sessions: 2 },
        { date: d2, pageviews: 3, visitors: 1, sessions: 2 },
        { date: d1, pageviews: 0, visitors: 1, sessions: 1 },
      ],
      totals: { pageviews: 6, visitors: 4, sessions: 5 },
    });
  });

  it.each([
    ['a date-only `to` includes that day', `from=${d3}&to=${d2}`, [d3, d2]],
    ['a one-day period', `from=${d2}&to=${d2}`, [d2]],
    ['a datetime `to` is exclusive', `from=${d3}&to=${d2}T00:00:00Z`, [d3]],
    ['a datetime `to` inside a day includes that day', `from=${d3}&to=${d2}T00:00:01Z`, [d3, d2]],
    ['datetimes with an offset', `from=${d3}T00:00:00%2B00:00&to=${d2}T12:00:00.000Z`, [d3, d2]],
  ])('%s', async (_name, query, days) => {
    const { statusCode, body } = await overview(query);
    expect(statusCode).toBe(200);
    expect(body.series.map((d) => d.date)).toEqual(days);
  });

  it('covers the last 30 days up to today by default', async () => {
    const { body } = await overview('');
    expect(body.series).toHaveLength(30);
    expect(body.to).toBe(utcDate(0));
    expect(body.from).toBe(utcDate(29));
    expect(body.totals).toMatchObject({ pageviews: 7, visitors: 5, sessions: 6 });
  });

  it('covers the 30 days that end with a date-only `to`', async () => {
    const { body } = await overview(`to=${d1}`);
    expect(body.series).toHaveLength(30);
    expect(body.to).toBe(d1);
    expect(body.from).toBe(utcDate(30));
  });

  it('sums series to the totals', async () => {
    const { body } = await overview(`from=${d5}&to=${d1}`);
    const sum = (k: 'pageviews' | 'visitors' | 'sessions') => body.series.reduce((n, d) => n + d[k], 0);
    expect(body.totals).toMatchObject({
      pageviews: sum('pageviews'),
      visitors: sum('visitors'),
      sessions: sum('sessions'),
    });
    expect(body.totals.pageviews).toBe(7);
  });

  it.each([
    ['include', 6],
    ['exclude', 6],
    ['only', 0], // nothing is scored as a bot yet
  ])('takes bots=%s', async (bots, pageviews) => {
    const { statusCode, body } = await overview(`from=${d3}&to=${d1}&bots=${bots}`);
    expect(statusCode).toBe(200);
    expect(body.bots).toBe(bots);
    expect(body.totals.pageviews).toBe(pageviews);
  });

  it('answers text/csv with a header row for format=csv', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/v1/reports/overview?site=demo&from=${d3}&to=${d1}&format=csv`,
      headers: t.auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="overview\.csv"/);
    expect(response.body).toBe(
      ['date,pageviews,visitors,sessions', `${d3},3,2,2`, `${d2},3,1,2`, `${d1},0,1,1`, ''].join('\r\n'),
    );
  });

  it.each([
    ['an unknown bots value', `bots=all`, /bots/],
    ['a word for a date', `from=yesterday`, /from/],
    ['month 13', `from=2024-13-01`, /from/],
    ['February 30', `from=2024-02-30&to=2024-03-05`, /from/],
    ['29 February of a common year', `from=2023-02-01&to=2023-02-29`, /to/],
    ['hour 25', `to=2024-01-01T25:00`, /to/],
    ['a date without leading zeros', `from=2024-1-1`, /from/],
    ['`from` after `to`', `from=${d1}&to=${d3}`, /from must be before to/],
    ['`from` equal to a datetime `to`', `from=${d2}T00:00:00Z&to=${d2}T00:00:00Z`, /from must be before to/],
    ['an unknown format', `format=xml`, /format/],
    ['an unknown parameter', `limit=5`, /limit/],
  ])('answers 400 to %s', async (_name, query, message) => {
    const { statusCode, body } = await overview(query);
    expect(statusCode).toBe(400);
    expect(body).toEqual({ error: expect.any(String), message: expect.stringMatching(message) });
  });

  it('answers 400 without a site', async () => {
    const { statusCode, body } = await getJson(t, '/v1/reports/overview');
    expect(statusCode).toBe(400);
    expect(body.message).toMatch(/site/);
  });

  it('answers zeros for a period without traffic', async () => {
    const { body } = await overview(`from=${utcDate(20)}&to=${utcDate(10)}`);
    expect(body.series).toHaveLength(11);
    expect(body.totals).toMatchObject({ pageviews: 0, visitors: 0, sessions: 0 });
  });

  it('counts one day per UTC date, whatever the span', async () => {
    const { body } = await overview(`from=${d3}&to=${utcDate(0)}`);
    const dates = body.series.map((d) => Date.parse(`${d.date}T00:00:00Z`));
    expect(dates.slice(1).map((d, i) => d - dates[i]!)).toEqual([DAY_MS, DAY_MS, DAY_MS]);
  });
});
