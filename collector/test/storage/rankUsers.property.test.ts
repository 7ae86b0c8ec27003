/**
 * rankUsers (weekly rows for whole weeks, daily rows for the rest, window counts) equals
 * adding up the daily ru_users rows of the period, for random activity over three weeks and
 * random periods: whole weeks inside a period, none, or parts of several.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/time.js';
import { eachDay } from '../../src/lib/period.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { RankUsersQuery } from '../../src/storage/types.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';

const SUMS = ['sessions', 'pageviews', 'errors'];
const activity = fc.array(
  fc.record({
    user: fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5', 'u6'),
    daysAgo: fc.integer({ min: 1, max: 22 }),
    pageviews: fc.integer({ min: 1, max: 3 }),
    errors: fc.integer({ min: 0, max: 2 }),
  }),
  { minLength: 1, maxLength: 30 },
);
const period = fc.record({ toAgo: fc.integer({ min: 1, max: 22 }), length: fc.integer({ min: 1, max: 22 }) });

type Row = { user_id: string; min_day: string; max_day: string; score: number } & Record<string, number>;

describe('rankUsers (property)', () => {
  it('equals the daily rows added up, whole weeks or not', async () => {
    await fc.assert(
      fc.asyncProperty(activity, period, fc.boolean(), async (acts, p, scoredOnly) => {
        const storage = await createSqliteStorage(':memory:');
        try {
          await storage.migrate();
          await storage.ensureSites(['demo']);
          const rows = acts.flatMap((a, i) => {
            const ts = utcMidnight(a.daysAgo) + 3_600_000 + i * 60_000;
            const base = { session: `s${i}`, user: a.user, visitor: `v${i}` };
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
          await storage.insertEvents(rows);
          await storage.refreshRollups();

          const to = utcDate(p.toAgo);
          const from = addDays(to, 1 - p.length);
          const days = eachDay(from, to);
          const weights = scoredOnly ? { errors: 3 } : { sessions: 3, pageviews: 1 };
          const query: RankUsersQuery = {
            site: 'demo',
            days,
            bots: 'include',
            sums: SUMS,
            weights,
            scoredOnly,
            status: { activeSince: addDays(to, -6), atRiskSince: addDays(to, -13) },
            limit: 3,
          };
          const got = await storage.rankUsers(query);

          const base = { table: 'ru_users' as const, site: 'demo', filter: '', bots: 'include' as const };
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
                days: { to: addDays(from, -1) },
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
          // Without status asked for, the same ranking and totals, and no counts.
          const bare = await storage.rankUsers({ ...query, status: undefined });
          expect(bare.users).toEqual(got.users);
          expect(bare.users_total).toBe(got.users_total);
          expect(bare.totals).toEqual(got.totals);
          expect(bare.status).toBeNull();
          for (const c of SUMS) expect(got.totals[c]).toBe(all.reduce((n, r) => n + r[c]!, 0));
        } finally {
          await storage.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
