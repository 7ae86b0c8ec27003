/**
 * The engagement report equals a brute-force computation over the raw events it was built
 * from: per-user totals, scores, status, new users, week-over-week and sparklines, for random
 * traffic, periods that start before, on or after the data and end up to 20 days after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromTo, plusDays } from '../utils/dayMath.js';
import { engagementReport } from '../../src/reports/engagement.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { utcDate } from '../utils/utcDays.js';
import {
  engagementOf,
  noCounts,
  sessionDayCounts,
  sumBy,
  type Counts,
  type Side,
} from './utils/bruteForceUsers.js';
import { seedTraffic } from './utils/seedTraffic.js';
import { DAYS_AGO, trafficArbitrary } from './utils/trafficArbitrary.js';

const USERS = [null, 'ann', 'bob', 'cy', 'dee', 'eve', 'fay'];

/** Sessions spread over more users than the shared generator uses. */
const usersTraffic = fc
  .tuple(trafficArbitrary, fc.array(fc.constantFrom(...USERS), { minLength: 14, maxLength: 14 }))
  .map(([sessions, users]) => sessions.map((s, i) => ({ ...s, user: users[i] ?? null })));

const scopeArbitrary = fc.record({
  first: fc.integer({ min: 0, max: 2 }),
  after: fc.constantFrom(0, 3, 6, 10, 20),
  bots: fc.constantFrom<Side>('exclude', 'include', 'only'),
});

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.011);

describe('engagement report (property)', () => {
  it('equals brute force over the raw events', async () => {
    const now = Date.now();
    await fc.assert(
      fc.asyncProperty(usersTraffic, scopeArbitrary, async (traffic, s) => {
        const storage = await createSqliteStorage(':memory:');
        try {
          await storage.migrate();
          const sessions = await seedTraffic(storage, traffic, now);
          const from = utcDate(DAYS_AGO[s.first]!, now);
          const to = plusDays(utcDate(DAYS_AGO[2]!, now), s.after);
          const result = await engagementReport.run(storage, { site: 'demo', from, to, bots: s.bots });

          const all = sessionDayCounts(sessions, s.bots, now);
          const inPeriod = all.filter((r) => r.day >= from && r.day <= to);
          const perUser = sumBy(inPeriod, (r) => r.s.user);
          const lastDay = new Map<string, string>();
          for (const r of inPeriod)
            if (r.s.user && r.day > (lastDay.get(r.s.user) ?? '')) lastDay.set(r.s.user, r.day);
          const before = new Set(all.filter((r) => r.day < from && r.s.user).map((r) => r.s.user));
          const status = (u: string) => {
            const since = daysFromTo(lastDay.get(u)!, to);
            return since <= 6 ? 'active' : since <= 13 ? 'at_risk' : 'dormant';
          };

          expect(result.totals.users).toBe(perUser.size);
          expect(result.totals.new_users).toBe([...perUser.keys()].filter((u) => !before.has(u)).length);
          const total = noCounts();
          for (const c of perUser.values())
            for (const k of Object.keys(c) as (keyof Counts)[]) total[k] += c[k];
          expect(result.totals.sessions).toBe(total.sessions);
          expect(result.totals.pageviews).toBe(total.pageviews);
          expect(result.totals.clicks).toBe(total.clicks);
          expect(result.totals.custom_events).toBe(total.custom);
          expect(result.totals.engaged_s).toBe(Math.round(total.engaged / 1000));
          close(result.totals.score, engagementOf(total));
          for (const st of ['active', 'at_risk', 'dormant'] as const) {
            expect(result.status[st]).toBe([...perUser.keys()].filter((u) => status(u) === st).length);
          }

          // Every user is ranked (fewer than the top 100), best score first.
          expect(result.users.map((u) => u.user).sort()).toEqual([...perUser.keys()].sort());
          for (let i = 1; i < result.users.length; i += 1) {
            expect(result.users[i - 1]!.score).toBeGreaterThanOrEqual(result.users[i]!.score - 0.011);
          }
          const week = Array.from({ length: 7 }, (_, i) => plusDays(to, i - 6));
          const byUserDay = sumBy(all, (r) => (r.s.user ? `${r.s.user}|${r.day}` : null));
          const dayScore = (u: string, d: string) => engagementOf(byUserDay.get(`${u}|${d}`) ?? noCounts());
          for (const u of result.users) {
            const c = perUser.get(u.user)!;
            expect([u.sessions, u.pageviews, u.clicks, u.custom_events]).toEqual([
              c.sessions,
              c.pageviews,
              c.clicks,
              c.custom,
            ]);
            close(u.score, engagementOf(c));
            expect(u.last_seen).toBe(lastDay.get(u.user));
            expect(u.status).toBe(status(u.user));
            expect(u.new).toBe(!before.has(u.user));
            const sparkline = week.map((d) => dayScore(u.user, d));
            u.sparkline.forEach((v, i) => close(v, sparkline[i]!));
            const last = sparkline.reduce((n, v) => n + v, 0);
            const previous = week.reduce((n, d) => n + dayScore(u.user, plusDays(d, -7)), 0);
            close(u.score_last_7d, last);
            close(u.score_previous_7d, previous);
            if (previous === 0) expect(u.wow_change).toBeNull();
            else expect(Math.abs(u.wow_change! - (last - previous) / previous)).toBeLessThan(0.0001);
          }
        } finally {
          await storage.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
