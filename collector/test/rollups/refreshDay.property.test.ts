/**
 * Property: rollups kept up to date pass after pass (rollups/refreshDay.ts: a changed
 * group's old rows taken away, its new rows added) equal, row for row and add count for add
 * count, the same days rebuilt from scratch over the same raw data — whatever arrives in
 * between: new sessions, later events of known ones, sessions crossing midnight, sessions
 * sharing visitors, identify, errors, vitals, events naming a page view that comes later,
 * retries, a session's verdict flipping when a crawler's request follows a browser's.
 * And a day rebuilt a group of sessions at a time equals it rebuilt in one read.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateDay } from '../../src/rollups/aggregateDay.js';
import { refreshDay, type FullWork } from '../../src/rollups/refreshDay.js';
import { planDayWrites } from '../../src/rollups/planDayWrites.js';
import { ROLLUP_COLUMNS, type DayFacts, type RollupTable } from '../../src/rollups/types.js';
import { readRequestFacts } from '../../src/scoring/evidence/readRequestFacts.js';
import type { Db } from '../../src/storage/sqlite/db.js';
import { readDay } from '../../src/storage/sqlite/readDayFacts.js';
import type { EventRow, Storage } from '../../src/storage/types.js';
import { CHROME_HEADERS } from '../utils/browserHeaders.js';
import { createTempDir } from '../utils/createTempDir.js';
import { withFileStore } from '../utils/fileStore.js';
import { insertEvents } from '../utils/insertEvents.js';
import { rowsOf as generatedRows } from '../reports/utils/trafficArbitrary.js';

const TABLES = Object.keys(ROLLUP_COLUMNS) as RollupTable[];
const DAY_MS = 86_400_000;
/** Two UTC days that ended before now; sessions cross the midnight between them. */
const MIDNIGHT = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;
const KEEP_ALL = { countedFrom: '2000-01-01' };

const CRAWLER = 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)';
const request = (crawler: boolean) => ({
  facts: readRequestFacts({
    headers: crawler ? { 'user-agent': CRAWLER } : { ...CHROME_HEADERS },
    secure: true,
    receivedAt: MIDNIGHT,
  }),
  network: null,
});

interface GenEvent {
  session: number;
  type: 'pageview' | 'click' | 'scroll' | 'engagement' | 'timing' | 'vital' | 'error' | 'custom';
  /** Minutes from the midnight between the two days. */
  minute: number;
  path: string;
  visitor: string;
  user: string | null;
  value: number;
  /** Names the page view of this index in the run (which may come later, or never). */
  pv: number | null;
}

type Step = { kind: 'send'; events: GenEvent[]; crawler: boolean; retry: boolean } | { kind: 'refresh' };

const event: fc.Arbitrary<GenEvent> = fc.record({
  session: fc.integer({ min: 0, max: 5 }),
  type: fc.constantFrom(
    'pageview',
    'pageview',
    'click',
    'scroll',
    'engagement',
    'timing',
    'vital',
    'error',
    'custom',
  ),
  minute: fc.integer({ min: -90, max: 90 }),
  path: fc.constantFrom('/a', '/b', '/c/d', '/'),
  visitor: fc.constantFrom('v1', 'v2', 'v3'),
  user: fc.constantFrom(null, null, null, 'ann', 'bob'),
  value: fc.integer({ min: 0, max: 9000 }),
  pv: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 3 }),
});

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      events: fc.array(event, { minLength: 1, maxLength: 6 }),
      crawler: fc.boolean(),
      retry: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'refresh' as const }) },
);

/**
 * Rows of one request; `first` numbers events over the run (their ids and page view ids).
 * Each event's data and name come from the report tests' generator (trafficArbitrary).
 */
function rowsOf(events: GenEvent[], first: number): EventRow[] {
  return events.map((e, i) => {
    const ts = MIDNIGHT + e.minute * 60_000 + first + i;
    const session = {
      id: `s${e.session}`,
      bot: false,
      user: e.user,
      device: e.session % 3 ? 'mobile' : null,
      country: e.session % 2 ? 'DE' : null,
      referrerDomain: e.session === 1 ? 'a.example' : null,
      events: [
        {
          ...e,
          day: 0,
          minute: 0,
          flag: e.value % 2 === 0,
          name: ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'][e.value % 5]!,
          index: 0,
        },
      ],
    };
    const [row] = generatedRows(session, MIDNIGHT);
    return {
      ...row!,
      eventId: `e${first + i}`,
      ts,
      receivedAt: ts,
      pv: e.type === 'pageview' ? `e${first + i}` : e.pv === null ? null : `e${e.pv}`,
    };
  });
}

/** Every rollup table, row by row with its add count, sorted. */
async function tablesOf(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${t}`);
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The same days rebuilt from scratch: forget what was counted, mark every day stale. */
async function rebuiltWhole(storage: Storage, db: Db): Promise<Record<string, string[]>> {
  await db.run('DELETE FROM rollup_days');
  await db.run(`INSERT INTO rollup_dirty (site, day)
    SELECT DISTINCT site, strftime('%Y-%m-%d', ts / 1000, 'unixepoch') FROM events WHERE true
    ON CONFLICT (site, day) DO UPDATE SET gen = gen + 1`);
  const { updated } = await storage.refreshRollups(KEEP_ALL);
  expect(updated).toBe(0);
  return tablesOf(db);
}

let dir: { path: string; remove(): Promise<void> };
beforeAll(async () => {
  dir = await createTempDir();
});
afterAll(async () => {
  await dir.remove();
});

const seen = { updated: 0, rebuilt: 0, flips: 0 };

describe('rollups kept up to date', () => {
  it('equal the days rebuilt from scratch, after every pass', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 10 }), async (steps) => {
        run += 1;
        await withFileStore(dir.path, `run${run}`, async (storage, db) => {
          let next = 0;
          const sent: { rows: EventRow[]; crawler: boolean }[] = [];
          const sides = new Map<string, number>();
          for (const s of [...steps, { kind: 'refresh' as const }]) {
            if (s.kind === 'send') {
              const again = s.retry ? sent[sent.length - 1] : undefined;
              const rows = again ? again.rows : rowsOf(s.events, next);
              if (!again) next += s.events.length;
              await insertEvents(storage, rows, null, request(again ? again.crawler : s.crawler));
              sent.push({ rows, crawler: again ? again.crawler : s.crawler });
              continue;
            }
            const { days, updated } = await storage.refreshRollups(KEEP_ALL);
            seen.updated += updated;
            seen.rebuilt += days - updated;
            for (const r of await db.all<{ id: string; b: number }>(
              'SELECT session_id AS id, is_bot AS b FROM sessions',
            )) {
              if (sides.has(r.id) && sides.get(r.id) !== r.b) seen.flips += 1;
              sides.set(r.id, r.b);
            }
            const kept = await tablesOf(db);
            expect(kept).toEqual(await rebuiltWhole(storage, db));
          }
        });
      }),
      { numRuns: 60, endOnFailure: true },
    );
  }, 600_000);

  it('took both ways on the way, and saw verdicts flip', () => {
    expect(seen.updated).toBeGreaterThan(10);
    expect(seen.rebuilt).toBeGreaterThan(0);
    expect(seen.flips).toBeGreaterThan(0);
  });
});

describe('a day rebuilt a group of sessions at a time', () => {
  it('equals it rebuilt in one read', async () => {
    await withFileStore(dir.path, 'groups', async (storage, db) => {
      // 20 sessions, most with a visitor of their own: several groups (a shared visitor and
      // two users link some).
      const events = fc.sample(event, { numRuns: 300, seed: 7 }).map((e, i) => ({
        ...e,
        session: i % 20,
        visitor: i % 13 === 0 ? 'shared' : `v${i % 20}`,
        user: i % 20 < 3 ? 'ann' : i % 20 === 5 ? 'bob' : null,
      }));
      for (let i = 0; i < events.length; i += 10)
        await insertEvents(storage, rowsOf(events.slice(i, i + 10), i), null, request(i % 30 === 0));
      const day = new Date(MIDNIGHT).toISOString().slice(0, 10);
      await db.run(`INSERT INTO rollup_dirty (site, day) VALUES ('demo', ?) ON CONFLICT DO NOTHING`, [day]);
      // In reads of one session (groups bigger than that alone), and in one read of all.
      const grouped = (await refreshDay((s, d, w) => readDay(db, s, d, w), 'demo', day, {
        readSessions: 1,
        update: false,
      })) as FullWork;
      const whole = await readDay(db, 'demo', day, async (snap) => {
        const sessions = [...new Set((await snap.links()).map((l) => l.session))];
        const facts: DayFacts = await snap.facts(sessions, false);
        return planDayWrites(aggregateDay(facts));
      });
      expect(grouped.kind).toBe('full');
      expect(grouped.chunks.reduce((n, c) => n + c.rows, 0)).toBeGreaterThan(50);
      expect(grouped.chunks).toEqual(whole);
    });
  });
});
