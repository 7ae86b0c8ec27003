import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import type { PageviewRecord, RecordPage, SessionRecord } from '../../src/lib/records.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { utcMidnight } from '../utils/utcDays.js';

const MIN = 60_000;
const day3 = utcMidnight(3) + 10 * 60 * MIN;
const day2 = utcMidnight(2) + 9 * 60 * MIN;
const day1 = utcMidnight(1) + 8 * 60 * MIN;
const url = (path: string) => `https://example.com${path}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const post = async (events: unknown[]) => expect((await postCollect(t.app, events)).statusCode).toBe(202);
  // s-a arrives out of order: its last page first, so entry and exit come from `ts`.
  await post([makePageview({ session: 's-a', user: 'alice', ts: day3 + 5 * MIN, url: url('/signup') })]);
  await post([
    makePageview({
      session: 's-a',
      ts: day3,
      url: url('/home'),
      referrer: 'https://search.example/?q=x',
      title: 'Home',
    }),
    makePageview({ session: 's-a', ts: day3 + 2 * MIN, url: url('/pricing'), title: 'Pricing' }),
  ]);
  await post([makePageview({ session: 's-b', ts: day2, url: url('/blog/100%_off') })]);
  await post([
    makePageview({ session: 's-c', user: 'bob', ts: day1, url: url('/home') }),
    makePageview({ session: 's-c', user: 'bob', ts: day1 + MIN, url: url('/docs') }),
  ]);
  await post([
    makePageview({ session: 's-d', ts: day1 + 4 * 60 * MIN, url: url('/pricing') }),
    makeCustomEvent({ session: 's-d', ts: day1 + 4 * 60 * MIN + MIN, name: 'cta' }),
  ]);
});
afterAll(async () => {
  await t.close();
});

const sessions = (query = '') => getJson<RecordPage<SessionRecord>>(t, `/v1/sessions?site=demo${query}`);
const pageviews = (query = '') => getJson<RecordPage<PageviewRecord>>(t, `/v1/pageviews?site=demo${query}`);
const ids = (page: RecordPage<SessionRecord>) => page.results.map((s) => s.session);

describe('GET /v1/sessions', () => {
  it('answers the paged shape with every session', async () => {
    const { statusCode, body } = await sessions();
    expect(statusCode).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['count', 'next', 'previous', 'results']);
    expect(body).toMatchObject({ count: 4, next: null, previous: null });
    expect(ids(body).sort()).toEqual(['s-a', 's-b', 's-c', 's-d']);
  });

  it('describes a session from its events', async () => {
    const { body } = await sessions('&user=alice');
    expect(body.results).toEqual([
      expect.objectContaining({
        session: 's-a',
        user: 'alice',
        first_seen: new Date(day3).toISOString(),
        last_seen: new Date(day3 + 5 * MIN).toISOString(),
        duration_s: 300,
        pageviews: 3,
        events: 3,
        entry_path: '/home',
        exit_path: '/signup',
        referrer: 'https://search.example/?q=x',
        // Three pageviews posted without page context or any other signal: suspect, not a bot.
        is_bot: false,
        bot_score: 0.577,
        bot_reasons: ['rate:no-client-signals', 'rate:bare-pageviews'],
      }),
    ]);
  });

  it.each([
    ['-pageviews', ['s-a', 's-c', 's-b', 's-d']],
    ['pageviews', ['s-b', 's-d', 's-c', 's-a']],
    ['first_seen', ['s-a', 's-b', 's-c', 's-d']],
    ['-first_seen', ['s-d', 's-c', 's-b', 's-a']],
    ['-duration', ['s-a', 's-c', 's-d', 's-b']],
    ['-events,first_seen', ['s-a', 's-c', 's-d', 's-b']],
  ])('orders by %s', async (ordering, expected) => {
    const { statusCode, body } = await sessions(`&ordering=${ordering}`);
    expect(statusCode).toBe(200);
    expect(ids(body)).toEqual(expected);
  });

  it.each([
    ['user=alice', ['s-a']],
    ['user=nobody', []],
    ['entry_path=/home', ['s-a', 's-c']],
    ['exit_path=/pricing', ['s-d']],
    ['pageviews=2', ['s-c']],
    ['is_bot=false', ['s-a', 's-b', 's-c', 's-d']],
    ['is_bot=true', []],
    ['bots=only', []],
    ['bots=exclude', ['s-a', 's-b', 's-c', 's-d']],
    ['search=ali', ['s-a']],
    ['search=/pricing', ['s-d']],
    ['search=search.example', ['s-a']],
    ['search=100%25_', ['s-b']],
    ['search=%25', ['s-b']],
    ['search=_', ['s-b']],
    ['entry_path=/home&user=bob', ['s-c']],
  ])('filters by %s', async (query, expected) => {
    const { statusCode, body } = await sessions(`&${query}&ordering=first_seen`);
    expect(statusCode).toBe(200);
    expect(ids(body)).toEqual(expected);
    expect(body.count).toBe(expected.length);
  });

  it('limits to a period by first_seen', async () => {
    const from = new Date(day2).toISOString();
    const { body } = await sessions(`&from=${from}&ordering=first_seen`);
    expect(ids(body)).toEqual(['s-b', 's-c', 's-d']);
  });

  it('pages with limit/offset and next/previous links', async () => {
    const first = (await sessions('&ordering=first_seen&limit=2')).body;
    expect(first.count).toBe(4);
    expect(ids(first)).toEqual(['s-a', 's-b']);
    expect(first.previous).toBeNull();
    expect(first.next).not.toBeNull();

    const nextUrl = new URL(first.next!);
    expect(Object.fromEntries(nextUrl.searchParams)).toEqual({
      site: 'demo',
      ordering: 'first_seen',
      limit: '2',
      offset: '2',
    });
    const second = (await getJson<RecordPage<SessionRecord>>(t, nextUrl.pathname + nextUrl.search)).body;
    expect(ids(second)).toEqual(['s-c', 's-d']);
    expect(second.next).toBeNull();
    expect(new URL(second.previous!).searchParams.get('offset')).toBe('0');

    const middle = (await sessions('&ordering=first_seen&limit=2&offset=1')).body;
    expect(ids(middle)).toEqual(['s-b', 's-c']);
    expect(new URL(middle.previous!).searchParams.get('offset')).toBe('0');
    expect(new URL(middle.next!).searchParams.get('offset')).toBe('3');

    const past = (await sessions('&limit=2&offset=10')).body;
    expect(past).toMatchObject({ count: 4, results: [], next: null });
  });

  it.each([
    ['an unknown ordering', '&ordering=visitor', /ordering/],
    ['an ordering with SQL', '&ordering=first_seen;DROP TABLE sessions', /ordering/],
    ['limit 0', '&limit=0', /limit/],
    ['limit past the maximum', '&limit=1001', /limit/],
    ['a negative offset', '&offset=-1', /offset/],
    ['a non-boolean is_bot', '&is_bot=maybe', /is_bot/],
    ['an unknown filter', '&color=red', /color/],
    ['an invalid bots value', '&bots=some', /bots/],
  ])('answers 400 to %s', async (_name, query, message) => {
    const { statusCode, body } = await getJson<{ error: string; message: string }>(
      t,
      `/v1/sessions?site=demo${query}`,
    );
    expect(statusCode).toBe(400);
    expect(body.message).toMatch(message);
  });

  it('gives CSV with a header row for format=csv', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/sessions?site=demo&ordering=first_seen&format=csv',
      headers: t.auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]!.split(',')).toEqual(
      expect.arrayContaining(['session', 'first_seen', 'pageviews', 'is_bot']),
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^s-a,/);
  });
});

describe('GET /v1/pageviews', () => {
  it('lists every pageview in the paged shape', async () => {
    const { statusCode, body } = await pageviews('&ordering=ts');
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({ count: 7, next: null, previous: null });
    expect(body.results.map((p) => p.path)).toEqual([
      '/home',
      '/pricing',
      '/signup',
      '/blog/100%_off',
      '/home',
      '/docs',
      '/pricing',
    ]);
  });

  it.each([
    ['session=s-a', 3],
    ['path=/home', 2],
    ['user=bob', 2],
    ['user=alice', 1], // only the pageview that carried the user
    ['is_bot=false', 7],
    ['is_bot=true', 0],
    ['search=Pricing', 2], // title of one, URL of the other
    ['search=search.example', 1],
    ['from=' + new Date(day1).toISOString(), 3],
  ])('filters by %s', async (query, count) => {
    const { statusCode, body } = await pageviews(`&${query}`);
    expect(statusCode).toBe(200);
    expect(body.count).toBe(count);
    expect(body.results).toHaveLength(count);
  });

  it('orders by -ts and pages', async () => {
    const { body } = await pageviews('&ordering=-ts&limit=3');
    expect(body.results.map((p) => p.path)).toEqual(['/pricing', '/docs', '/home']);
    expect(new URL(body.next!).searchParams.get('offset')).toBe('3');
  });

  it('answers 400 to an ordering of another list', async () => {
    const { statusCode } = await pageviews('&ordering=-pageviews');
    expect(statusCode).toBe(400);
  });
});

describe('GET /v1/sessions/<session>', () => {
  it('returns the session with its pageviews in order', async () => {
    const { statusCode, body } = await getJson<SessionRecord & { pageview_list: PageviewRecord[] }>(
      t,
      '/v1/sessions/s-a?site=demo',
    );
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({ session: 's-a', entry_path: '/home', exit_path: '/signup', pageviews: 3 });
    expect(body.pageview_list.map((p) => [p.path, p.title])).toEqual([
      ['/home', 'Home'],
      ['/pricing', 'Pricing'],
      ['/signup', null],
    ]);
  });

  it.each([
    ['an unknown session', '/v1/sessions/s-zzz?site=demo'],
    ['a session of another site', '/v1/sessions/s-a?site=other'],
  ])('answers 404 to %s', async (_name, path) => {
    const { statusCode, body } = await getJson(t, path);
    expect(statusCode).toBe(404);
    expect(body).toEqual({ error: 'not_found', message: expect.any(String) });
  });

  it('finds the session by its client id alone (the contract), site being optional', async () => {
    const { statusCode, body } = await getJson<SessionRecord>(t, '/v1/sessions/s-a');
    expect(statusCode).toBe(200);
    expect(body).toMatchObject({ session: 's-a', site: 'demo', pageviews: 3 });
  });

  it('answers 400 when the id exists on two sites and no site is given', async () => {
    const two = await createTestApp({ SITES: 'shop' });
    try {
      for (const site of ['demo', 'shop']) {
        const res = await postCollect(two.app, [makePageview({ session: 'shared-id' })], { site });
        expect(res.statusCode).toBe(202);
      }
      const ambiguous = await getJson(two, '/v1/sessions/shared-id');
      expect(ambiguous.statusCode).toBe(400);
      expect((ambiguous.body as { message: string }).message).toContain('site=');
      const chosen = await getJson<SessionRecord>(two, '/v1/sessions/shared-id?site=shop');
      expect(chosen.body.site).toBe('shop');
    } finally {
      await two.close();
    }
  });
});
