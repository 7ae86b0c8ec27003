/**
 * Bot verdicts at ingest: each request's headers (and events) fold into the session's
 * evidence and the session is scored again in the same transaction; reports follow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SightlineEvent } from '@sightline/protocol';
import { CHROME_HEADERS } from '../utils/browserHeaders.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { makeCustomEvent, makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(): Promise<TestApp> {
  const t = await createTestApp();
  cleanups.push(() => t.close());
  return t;
}

interface Session {
  is_bot: boolean;
  bot_score: number;
  bot_reasons: string[];
}

const session = async (t: TestApp, id: string) =>
  (await getJson<Session>(t, `/v1/sessions/${id}?site=demo`)).body;

/** What curl sends: its user agent and nothing a browser adds. */
const CURL = { 'user-agent': 'curl/8.5.0', accept: '*/*' };
const GOOGLEBOT = {
  'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  accept: '*/*',
  'accept-encoding': 'gzip',
};
/** The SDK's pageview: page context included. */
const sdkPageview = (session: string, ts: number) =>
  makePageview({ session, ts, screen: '1920x1080', viewport: '1280x720', language: 'en-GB' });
const click = (session: string, ts: number): SightlineEvent => ({
  id: `click-${session}-${ts}`,
  type: 'click',
  ts,
  session,
  url: 'https://example.com/',
  selector: 'main > a.more',
  tag: 'a',
  kind: 'link',
});
const scroll = (session: string, ts: number): SightlineEvent => ({
  id: `scroll-${session}-${ts}`,
  type: 'scroll',
  ts,
  session,
  url: 'https://example.com/',
  depth: 80,
});

describe('bot verdicts at ingest', () => {
  it.each([
    {
      name: 'curl posting bare pageviews, three requests',
      headers: CURL,
      requests: (s: string, t0: number) =>
        [0, 1, 2].map((i) => [makePageview({ session: s, ts: t0 + i * 20_000 })]),
      isBot: true,
      reasons: ['ua:library', 'rate:library-headers', 'rate:no-client-signals', 'rate:bare-pageviews'],
    },
    {
      name: 'a declared crawler, first request',
      headers: GOOGLEBOT,
      requests: (s: string, t0: number) => [[makePageview({ session: s, ts: t0 })]],
      isBot: true,
      reasons: ['ua:crawler'],
    },
    {
      name: 'Chrome with its usual headers, pages with clicks and scrolls',
      headers: CHROME_HEADERS,
      requests: (s: string, t0: number) =>
        [0, 1, 2].map((i) => {
          const ts = t0 + i * 45_000;
          return [sdkPageview(s, ts), click(s, ts + 5_000), scroll(s, ts + 9_000)];
        }),
      isBot: false,
      reasons: [],
    },
  ])('$name → is_bot $isBot', async ({ headers, requests, isBot, reasons }) => {
    const t = await open();
    const t0 = Date.now() - 10 * 60_000;
    for (const events of requests('s-1', t0)) {
      // Only the given headers (light-my-request adds host and content-length).
      const response = await postCollect(t.app, events, { headers, asBrowser: false });
      expect(response.statusCode).toBe(202);
    }
    const s = await session(t, 's-1');
    expect(s.is_bot).toBe(isBot);
    expect(s.bot_score >= 0.7).toBe(isBot);
    expect(s.bot_reasons).toEqual(expect.arrayContaining(reasons));
    if (isBot) {
      expect(s.bot_reasons.some((r) => r.startsWith('ua:'))).toBe(true);
    } else {
      expect(s.bot_reasons).toEqual([]);
    }
    const side = isBot ? 'only' : 'exclude';
    const listed = (await getJson<{ count: number }>(t, `/v1/sessions?site=demo&bots=${side}`)).body;
    expect(listed.count).toBe(1);
  });

  it('scores the pixel request too', async () => {
    const t = await open();
    const response = await t.app.inject({
      method: 'GET',
      url: '/v1/pixel.gif?site=demo&url=https://example.com/',
      headers: GOOGLEBOT,
    });
    expect(response.statusCode).toBe(200);
    const list = (await getJson<{ results: Session[] }>(t, '/v1/sessions?site=demo&bots=only')).body;
    expect(list.results).toHaveLength(1);
    expect(list.results[0]!.bot_reasons[0]).toBe('ua:crawler');
  });
});

describe('a session whose verdict flips', () => {
  it('moves its pageviews, sessions and visitors from bots=exclude to bots=only; include is unchanged', async () => {
    const t = await open();
    const day2 = utcMidnight(2) + 9 * 3_600_000;
    const day1 = utcMidnight(1) + 9 * 3_600_000;
    // A person's session over two days, and another person who stays human.
    await postCollect(t.app, [sdkPageview('s-flip', day2), sdkPageview('s-flip', day2 + 60_000)], {
      remoteAddress: '10.0.0.1',
    });
    await postCollect(t.app, [sdkPageview('s-flip', day1)], { remoteAddress: '10.0.0.1' });
    await postCollect(t.app, [sdkPageview('s-human', day1)], { remoteAddress: '10.0.0.2' });
    expect((await session(t, 's-flip')).is_bot).toBe(false);

    const overview = async (bots: string) =>
      (
        await getJson<{ series: { date: string; pageviews: number; sessions: number; visitors: number }[] }>(
          t,
          `/v1/reports/overview?site=demo&from=${utcDate(2)}&to=${utcDate(1)}&bots=${bots}`,
        )
      ).body.series.map(({ date, pageviews, sessions, visitors }) => ({
        date,
        pageviews,
        sessions,
        visitors,
      }));
    const includeBefore = await overview('include');
    expect(await overview('exclude')).toEqual([
      { date: utcDate(2), pageviews: 2, sessions: 1, visitors: 1 },
      { date: utcDate(1), pageviews: 2, sessions: 2, visitors: 2 },
    ]);
    expect(await overview('exclude')).toEqual(includeBefore);

    // The same client then sends the session's id at a rate no browser makes (custom events
    // on a day already counted: include must not move).
    for (let i = 0; i < 61; i += 1) {
      await postCollect(t.app, [makeCustomEvent({ session: 's-flip', ts: day1 + 1_000 + i })], {
        remoteAddress: '10.0.0.1',
      });
    }
    expect(await session(t, 's-flip')).toMatchObject({
      is_bot: true,
      bot_reasons: ['rate:burst', 'rate:no-client-signals'],
    });

    expect(await overview('exclude')).toEqual([
      { date: utcDate(2), pageviews: 0, sessions: 0, visitors: 0 },
      { date: utcDate(1), pageviews: 1, sessions: 1, visitors: 1 },
    ]);
    expect(await overview('only')).toEqual([
      { date: utcDate(2), pageviews: 2, sessions: 1, visitors: 1 },
      { date: utcDate(1), pageviews: 1, sessions: 1, visitors: 1 },
    ]);
    expect(await overview('include')).toEqual(includeBefore);
  });
});

describe('the SDK humanness summary', () => {
  const humanness = (session: string, fields: Record<string, unknown>): SightlineEvent =>
    ({
      id: `h-${session}`,
      type: 'humanness',
      ts: Date.now(),
      session,
      url: 'https://example.com/',
      ...fields,
    }) as SightlineEvent;

  it.each([
    ['webdriver', { webdriver: true }, true, 'client:'],
    [
      'a person: trusted input, no automation traits',
      { webdriver: false, trustedEvents: 40, untrustedEvents: 0 },
      false,
      null,
    ],
  ])('%s', async (_name, fields, isBot, reasonPrefix) => {
    const t = await open();
    const now = Date.now();
    const res = await postCollect(
      t.app,
      [sdkPageview('hs', now), click('hs', now + 1500), humanness('hs', fields)],
      {
        headers: CHROME_HEADERS,
      },
    );
    expect(res.statusCode, res.body).toBe(202);
    const s = await session(t, 'hs');
    expect(s.is_bot).toBe(isBot);
    if (reasonPrefix) expect(s.bot_reasons.some((r) => r.startsWith(reasonPrefix))).toBe(true);
    else expect(s.bot_reasons.filter((r) => r.startsWith('client:'))).toEqual([]);
  });
});
