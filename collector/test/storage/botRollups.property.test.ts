/**
 * Property: whatever arrives, in whatever groups, and however verdicts flip on the way, the
 * overview's per-day totals for bots=exclude|only|include equal a brute-force count over the
 * record lists read with the same filter (pageviews; sessions per day; visitors per day and
 * side — a visitor with sessions on both sides of a day counts once on each).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SightlineEvent } from '@sightline/protocol';
import { CHROME_HEADERS } from '../utils/browserHeaders.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { postCollect } from '../utils/postCollect.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';

const ROUNDS = 4;
const SESSIONS = 12;
const REQUESTS = 48;
/** Requests sent at once: the group commit takes several in one transaction. */
const CONCURRENCY = 8;

/** mulberry32: a small seeded generator, so that a failing round can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Profile = 'person' | 'fast' | 'curl' | 'crawler';
const PROFILES: Profile[] = ['person', 'fast', 'curl', 'crawler'];

const HEADERS: Record<Profile, { headers: Record<string, string>; asBrowser: boolean }> = {
  person: { headers: {}, asBrowser: true },
  // Same browser headers as a person: same visitor ids, so visitors land on both sides.
  fast: { headers: {}, asBrowser: true },
  curl: { headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' }, asBrowser: false },
  crawler: {
    headers: { 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' },
    asBrowser: false,
  },
};

interface SimSession {
  id: string;
  profile: Profile;
  address: string;
  /** Event time of the next event. */
  clock: number;
}

let eventSeq = 0;

function eventsFor(s: SimSession, next: () => number): SightlineEvent[] {
  // The fast script sends pages in bulk: past 20 a minute it is found out (rate:fast-pages).
  const n = s.profile === 'fast' ? 4 + Math.floor(next() * 5) : 1 + Math.floor(next() * 4);
  const events: SightlineEvent[] = [];
  for (let i = 0; i < n; i += 1) {
    // People read for a while; the fast script does not. Now and then a session crosses into
    // the next day.
    s.clock += s.profile === 'fast' ? 500 + next() * 1_000 : 20_000 + next() * 120_000;
    if (next() < 0.05) s.clock += 12 * 3_600_000;
    const base = {
      id: `e-${++eventSeq}`,
      ts: Math.floor(s.clock),
      session: s.id,
      url: `https://example.com/p${i % 3}`,
    };
    const kind = next();
    if (s.profile === 'person' && kind < 0.3)
      events.push({ ...base, type: 'click', selector: 'a', tag: 'a', kind: 'link' });
    else if (s.profile === 'person' && kind < 0.5) events.push({ ...base, type: 'scroll', depth: 50 });
    else if (kind < 0.1) events.push({ ...base, type: 'custom', name: 'cta' });
    else if (s.profile === 'person')
      events.push({ ...base, type: 'pageview', screen: '1920x1080', viewport: '1280x720' });
    else events.push({ ...base, type: 'pageview' });
  }
  return events;
}

interface Totals {
  pageviews: number;
  sessions: number;
  visitors: number;
}

const day = (iso: string): string => iso.slice(0, 10);

async function bruteForce(t: TestApp, bots: string): Promise<Map<string, Totals>> {
  const list = async <T>(name: string) =>
    (await getJson<{ results: T[] }>(t, `/v1/${name}?site=demo&bots=${bots}&limit=1000`)).body.results;
  const sessions = await list<{ session: string; visitor: string; is_bot: boolean }>('sessions');
  const pageviews = await list<{ session: string; ts: string }>('pageviews');
  const interactions = await list<{ session: string; ts: string }>('interactions');
  const bySession = new Map(sessions.map((s) => [s.session, s]));
  const days = new Map<string, { pageviews: number; sessions: Set<string>; visitors: Set<string> }>();
  const count = (e: { session: string; ts: string }, pageview: boolean) => {
    const d = days.get(day(e.ts)) ?? {
      pageviews: 0,
      sessions: new Set<string>(),
      visitors: new Set<string>(),
    };
    days.set(day(e.ts), d);
    const s = bySession.get(e.session);
    expect(s, `session ${e.session} listed with bots=${bots}`).toBeDefined();
    d.pageviews += pageview ? 1 : 0;
    d.sessions.add(e.session);
    // A session keeps one address and user agent here, so its visitor id is its events'.
    d.visitors.add(`${s!.visitor}/${s!.is_bot}`);
  };
  for (const e of pageviews) count(e, true);
  for (const e of interactions) count(e, false);
  return new Map(
    [...days].map(([date, d]) => [
      date,
      { pageviews: d.pageviews, sessions: d.sessions.size, visitors: d.visitors.size },
    ]),
  );
}

async function overview(t: TestApp, bots: string): Promise<Map<string, Totals>> {
  const { body } = await getJson<{ series: (Totals & { date: string })[] }>(
    t,
    `/v1/reports/overview?site=demo&from=${utcDate(4)}&to=${utcDate(0)}&bots=${bots}`,
  );
  return new Map(
    body.series
      .filter((d) => d.pageviews + d.sessions + d.visitors > 0)
      .map(({ date, pageviews, sessions, visitors }) => [date, { pageviews, sessions, visitors }]),
  );
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('overview by bot side = brute force over the lists', () => {
  it.each(Array.from({ length: ROUNDS }, (_, i) => [i + 1]))(
    'random traffic, seed %i',
    async (seed) => {
      const next = random(seed);
      const t = await createTestApp();
      cleanups.push(() => t.close());
      const sessions: SimSession[] = Array.from({ length: SESSIONS }, (_, i) => ({
        id: `r${seed}-s${i}`,
        profile: PROFILES[Math.floor(next() * PROFILES.length)]!,
        address: `10.0.0.${1 + Math.floor(next() * 3)}`,
        clock: utcMidnight(3) + Math.floor(next() * 20) * 3_600_000,
      }));
      const seenHuman = new Set<string>();
      for (let sent = 0; sent < REQUESTS; sent += CONCURRENCY) {
        const batch = Array.from(
          { length: CONCURRENCY },
          () => sessions[Math.floor(next() * sessions.length)]!,
        );
        const responses = await Promise.all(
          batch.map((s) =>
            postCollect(t.app, eventsFor(s, next), { remoteAddress: s.address, ...HEADERS[s.profile] }),
          ),
        );
        expect(responses.map((r) => r.statusCode)).toEqual(batch.map(() => 202));

        for (const bots of ['exclude', 'only', 'include']) {
          expect(await overview(t, bots), `bots=${bots} after ${sent + CONCURRENCY} requests`).toEqual(
            await bruteForce(t, bots),
          );
        }
        const listed = await getJson<{ results: { session: string; is_bot: boolean }[] }>(
          t,
          '/v1/sessions?site=demo&limit=1000',
        );
        for (const s of listed.body.results) {
          if (!s.is_bot) seenHuman.add(s.session);
          else if (seenHuman.has(s.session)) flips.add(s.session);
          sides.add(s.is_bot);
        }
      }
      // 48 requests and a rollup rebuild per read: seconds on a busy 2-core machine.
    },
    30_000,
  );

  it('saw both sides, and sessions that flipped from human to bot on the way', () => {
    expect([...sides].sort()).toEqual([false, true]);
    expect(flips.size).toBeGreaterThan(0);
  });
});

const flips = new Set<string>();
const sides = new Set<boolean>();
