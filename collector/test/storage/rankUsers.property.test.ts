/**
 * rankUsers (trailing 30- and 7-day rows where fresh, daily rows for the rest, first days
 * for new users) equals adding up the daily ru_users rows of the period, for random
 * activity over ten weeks stored in two batches (the second rebuilds days under trailing
 * rows already computed, and turns sessions of the first into bots: their users move
 * sides), random periods and bot sides (some ending before the newest 62 days, whose
 * trailing rows are dropped), and random days whose trailing rows are marked stale and made
 * wrong (they must not be read).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRequestFacts } from '../../src/scoring/evidence/readRequestFacts.js';
import { rankUsers } from '../../src/storage/sqlite/rankUsers.js';
import { TRAIL_KEEP_DAYS } from '../../src/storage/sqlite/trails.js';
import type { BotFilter, RankUsersQuery } from '../../src/storage/types.js';
import { plusDays } from '../utils/dayMath.js';
import { withFileStore } from '../utils/fileStore.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

const SUMS = ['sessions', 'pageviews', 'errors'];
const DAYS = 70;
const activity = fc.array(
  fc.record({
    user: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
    daysAgo: fc.integer({ min: 1, max: DAYS }),
    pageviews: fc.integer({ min: 1, max: 3 }),
    errors: fc.integer({ min: 0, max: 2 }),
    bot: fc.boolean(),
  }),
  { minLength: 1, maxLength: 40 },
);
const period = fc.record({
  toAgo: fc.integer({ min: 1, max: DAYS }),
  length: fc.integer({ min: 1, max: DAYS }),
});

type Row = { user_id: string; min_day: string; max_day: string; score: number } & Record<string, number>;
type Activity = { user: string; daysAgo: number; pageviews: number; errors: number; bot: boolean };

const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const crawler = {
  facts: readRequestFacts({ headers: { 'user-agent': CRAWLER }, secure: false, receivedAt: Date.now() }),
  network: null,
};

const sessionOf = (a: Activity, batch: string, i: number) => ({
  ts: utcMidnight(a.daysAgo) + 3_600_000 + i * 60_000,
  session: `${batch}${i}`,
  user: a.user,
  visitor: `${batch}v${i}`,
});

/** Every session's events, all stored as a person's at first. */
function eventsOf(acts: Activity[], batch: string) {
  return acts.flatMap((a, i) => {
    const { ts, ...base } = sessionOf(a, batch, i);
    return [
      ...Array.from({ length: a.pageviews }, (_, k) => makeEventRow({ ...base, ts: ts + k })),
      ...Array.from({ length: a.errors }, (_, k) =>
        makeEventRow({
          ...base,
          ts: ts + 10 + k,
          type: 'error',
          data: JSON.stringify({ kind: 'error', message: `m${k}` }),
        }),
      ),
    ];
  });
}

/** One more pageview of each bot session, from a crawler's request: the session turns bot. */
function crawlerTurns(acts: Activity[], batch: string) {
  return acts.flatMap((a, i) => {
    if (!a.bot) return [];
    const { ts, ...base } = sessionOf(a, batch, i);
    return [makeEventRow({ ...base, ts: ts + 50 })];
  });
}

describe('rankUsers (property)', () => {
  it('equals the daily rows added up, from trailing rows or not', async () => {
    const used = { 30: 0, 7: 0 };
    const dir = mkdtempSync(join(tmpdir(), 'sightline-rank-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          activity,
          activity,
          period,
          fc.boolean(),
          fc.constantFrom<BotFilter>('exclude', 'only', 'include'),
          fc.array(fc.nat(), { maxLength: 4 }),
          async (first, second, p, scoredOnly, bots, picks) => {
            // Stale days among the days with activity (trailing rows exist only there).
            const acts = [...first, ...second];
            const staleAgo = picks.map((n) => acts[n % acts.length]!.daysAgo);
            await withFileStore(dir, `r${(run += 1)}`, async (storage, db) => {
              await insertEvents(storage, eventsOf(first, 'a'));
              await storage.refreshRollups();
              // The first batch's bot sessions were rolled up as a person's: they move to the
              // bot side now (their users may leave a day's human rows), beside new days.
              await insertEvents(storage, eventsOf(second, 'b'));
              const turns = [...crawlerTurns(first, 'a'), ...crawlerTurns(second, 'b')];
              if (turns.length > 0) await insertEvents(storage, turns, null, crawler);
              await storage.refreshRollups();
              // Trailing rows are kept for the newest TRAIL_KEEP_DAYS days with rows only.
              const old = await db.get<{ n: number }>(
                `SELECT count(*) AS n FROM ru_users_trail
                 WHERE end_day < date((SELECT max(day) FROM ru_user_days), '-' || ? || ' days')`,
                [TRAIL_KEEP_DAYS - 1],
              );
              expect(old?.n).toBe(0);
              // Stale days: their trailing rows are wrong now, and must not be read.
              const stale = JSON.stringify(staleAgo.map((d) => utcDate(d)));
              await db.run(
                `UPDATE ru_user_days SET fresh = 0 WHERE day IN (SELECT value FROM json_each(?))`,
                [stale],
              );
              await db.run(
                `UPDATE ru_users_trail SET sessions = sessions + 100, pageviews = pageviews + 100, errors = errors + 100
                 WHERE end_day IN (SELECT value FROM json_each(?))`,
                [stale],
              );

              const to = utcDate(p.toAgo);
              const from = plusDays(to, 1 - p.length);
              const days = Array.from({ length: p.length }, (_, i) => plusDays(from, i));
              const weights = scoredOnly ? { errors: 3 } : { sessions: 3, pageviews: 1 };
              const query: RankUsersQuery = {
                site: 'demo',
                days,
                bots,
                sums: SUMS,
                weights,
                scoredOnly,
                status: { activeSince: plusDays(to, -6), atRiskSince: plusDays(to, -13) },
                limit: 3,
              };
              const got = await rankUsers(db, query);

              const base = { table: 'ru_users' as const, site: 'demo', filter: '', bots };
              const all = (
                await storage.queryRollup<Row>({
                  ...base,
                  days,
                  groupBy: ['user_id'],
                  sum: SUMS,
                  min: ['day'],
                  max: ['day'],
                  weighted: { score: weights },
                })
              ).filter((r) => !scoredOnly || r.score > 0);
              const before = new Set(
                (
                  await storage.queryRollup<{ user_id: string }>({
                    ...base,
                    days: { to: plusDays(from, -1) },
                    groupBy: ['user_id'],
                  })
                ).map((r) => r.user_id),
              );
              const ranked = [...all].sort((a, b) => b.score - a.score || (a.user_id < b.user_id ? -1 : 1));
              expect(got.users).toEqual(
                ranked.slice(0, 3).map((r) => ({
                  user_id: r.user_id,
                  min_day: r.min_day,
                  max_day: r.max_day,
                  score: r.score,
                  sessions: r.sessions,
                  pageviews: r.pageviews,
                  errors: r.errors,
                })),
              );
              expect(got.users_total).toBe(all.length);
              const { activeSince, atRiskSince } = query.status!;
              expect(got.status).toEqual({
                active: all.filter((r) => r.max_day >= activeSince).length,
                at_risk: all.filter((r) => r.max_day < activeSince && r.max_day >= atRiskSince).length,
                new_users: all.filter((r) => !before.has(r.user_id)).length,
              });
              for (const c of SUMS) expect(got.totals[c]).toBe(all.reduce((n, r) => n + r[c]!, 0));
              // Without status asked for, the same ranking and totals, and no counts.
              const bare = await rankUsers(db, { ...query, status: undefined });
              expect(bare.users).toEqual(got.users);
              expect(bare.users_total).toBe(got.users_total);
              expect(bare.totals).toEqual(got.totals);
              expect(bare.status).toBeNull();
              // What rankUsers read: every trailing row is marked (a million sessions for a
              // 30-day row, a thousand for a 7-day one), so the totals tell how many it added.
              await db.run(
                'UPDATE ru_users_trail SET sessions = sessions + CASE span WHEN 30 THEN 1000000 ELSE 1000 END',
              );
              const marked = await rankUsers(db, query);
              const extra = marked.totals.sessions! - got.totals.sessions!;
              used[30] += Math.floor(extra / 1_000_000);
              used[7] += Math.floor((extra % 1_000_000) / 1000);
            });
          },
        ),
        { numRuns: 40 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // rankUsers read both trailing spans in some runs (a period of daily rows only is not
    // what the default 30-day period costs).
    expect(used[30]).toBeGreaterThan(0);
    expect(used[7]).toBeGreaterThan(0);
  }, 180_000);
});
