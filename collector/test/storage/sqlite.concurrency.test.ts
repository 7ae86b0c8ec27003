/**
 * Many concurrent requests with overlapping sessions, committed in groups: the sessions and
 * the daily rollup must equal a brute-force count over the distinct events sent.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomEvent, PageviewEvent } from '@sightline/protocol';
import { createTempDir } from '../utils/createTempDir.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { getJson } from '../utils/getJson.js';
import { postCollect } from '../utils/postCollect.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';

const REQUESTS = 50;
/** Request r and r + DISTINCT send the same batch: a retry racing its original. */
const DISTINCT = 25;
const EVENTS_PER_REQUEST = 6;

interface Sent {
  address: string;
  events: (PageviewEvent | CustomEvent)[];
}

function batchFor(k: number): Sent {
  const address = `10.0.${k % 5}.1`;
  // Sessions are shared by several batches of the same client.
  const session = `s-${k % 5}-${Math.floor(k / 5) % 2}`;
  const events = Array.from({ length: EVENTS_PER_REQUEST }, (_, j) => {
    const ts = utcMidnight(((k + j) % 3) + 1) + (6 + (k % 12)) * 3_600_000 + k * 1000 + j;
    const base = { id: `e-${k}-${j}`, ts, session, url: `https://example.com/p${(k + j) % 4}` };
    return j === EVENTS_PER_REQUEST - 1
      ? ({ ...base, type: 'custom', name: 'cta' } as const)
      : ({ ...base, type: 'pageview' } as const);
  });
  return { address, events };
}

function bruteForce(batches: Sent[]) {
  const events = new Map<string, Sent['events'][number] & { address: string }>();
  for (const b of batches)
    for (const e of b.events) if (!events.has(e.id)) events.set(e.id, { ...e, address: b.address });
  const days = new Map<string, { pageviews: number; sessions: Set<string>; visitors: Set<string> }>();
  const sessions = new Map<
    string,
    {
      pageviews: number;
      events: number;
      first: number;
      last: number;
      entry: [number, string];
      exit: [number, string];
    }
  >();
  for (const e of events.values()) {
    const date = new Date(e.ts).toISOString().slice(0, 10);
    const d = days.get(date) ?? { pageviews: 0, sessions: new Set(), visitors: new Set() };
    days.set(date, d);
    d.sessions.add(e.session);
    d.visitors.add(e.address);
    const path = new URL(e.url).pathname;
    const s = sessions.get(e.session) ?? {
      pageviews: 0,
      events: 0,
      first: e.ts,
      last: e.ts,
      entry: [Infinity, ''],
      exit: [-Infinity, ''],
    };
    sessions.set(e.session, s);
    s.events += 1;
    s.first = Math.min(s.first, e.ts);
    s.last = Math.max(s.last, e.ts);
    if (e.type !== 'pageview') continue;
    d.pageviews += 1;
    s.pageviews += 1;
    if (e.ts < s.entry[0]) s.entry = [e.ts, path];
    if (e.ts > s.exit[0]) s.exit = [e.ts, path];
  }
  return { events, days, sessions };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fileApp(): Promise<TestApp> {
  const dir = await createTempDir();
  cleanups.push(dir.remove);
  return createTestApp({ DATABASE_URL: `sqlite:${join(dir.path, 'sightline.db')}` });
}

describe.each([
  ['in a file (WAL, separate reader)', fileApp],
  ['in memory', () => createTestApp()],
])(`${REQUESTS} concurrent ingest requests, SQLite %s`, (_where, open) => {
  it('store every distinct event once and keep sessions and rollups consistent', async () => {
    const t = await open();
    cleanups.push(() => t.close());
    const batches = Array.from({ length: REQUESTS }, (_, r) => batchFor(r % DISTINCT));

    const responses = await Promise.all(
      batches.map((b) => postCollect(t.app, b.events, { remoteAddress: b.address })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(batches.map(() => 202));
    const answers = responses.map((r) => r.json<{ accepted: number; duplicates: number }>());
    const expected = bruteForce(batches);
    expect(answers.reduce((n, a) => n + a.accepted, 0)).toBe(expected.events.size);
    expect(answers.reduce((n, a) => n + a.duplicates, 0)).toBe(
      REQUESTS * EVENTS_PER_REQUEST - expected.events.size,
    );
    // Each batch is stored whole by whichever of its two copies came first.
    for (let k = 0; k < DISTINCT; k += 1) {
      expect([answers[k]!.accepted, answers[k + DISTINCT]!.accepted].sort()).toEqual([0, EVENTS_PER_REQUEST]);
    }

    const overview = await getJson<{
      series: { date: string; pageviews: number; sessions: number; visitors: number }[];
      totals: { pageviews: number; sessions: number; visitors: number };
    }>(t, `/v1/reports/overview?site=demo&from=${utcDate(3)}&to=${utcDate(1)}`);
    const series = [...expected.days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, d]) => ({
        date,
        pageviews: d.pageviews,
        sessions: d.sessions.size,
        visitors: d.visitors.size,
      }));
    expect(overview.body.series).toEqual(series);
    expect(overview.body.totals.pageviews).toBe(
      [...expected.events.values()].filter((e) => e.type === 'pageview').length,
    );

    const listed = await getJson<{
      count: number;
      results: {
        session: string;
        pageviews: number;
        events: number;
        first_seen: string;
        last_seen: string;
        entry_path: string;
        exit_path: string;
      }[];
    }>(t, '/v1/sessions?site=demo&limit=100');
    expect(listed.body.count).toBe(expected.sessions.size);
    const actual = Object.fromEntries(listed.body.results.map((s) => [s.session, s]));
    for (const [id, s] of expected.sessions) {
      expect(actual[id], id).toMatchObject({
        pageviews: s.pageviews,
        events: s.events,
        first_seen: new Date(s.first).toISOString(),
        last_seen: new Date(s.last).toISOString(),
        entry_path: s.entry[1],
        exit_path: s.exit[1],
      });
    }

    const pageviews = await getJson<{ count: number }>(t, '/v1/pageviews?site=demo&limit=1');
    expect(pageviews.body.count).toBe(overview.body.totals.pageviews);
  });
});
