/**
 * The overview equals a brute-force count over the raw events it was built from, for random
 * traffic, any span of days, every bot side and every filter dimension.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overviewReport } from '../../src/reports/overview.js';
import type { ReportParams } from '../../src/reports/types.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { utcDate } from '../utils/utcDays.js';
import { overviewTotals, sessionDays, storedAttributes, visitorsOf, type Scope } from './utils/bruteForce.js';
import { seedTraffic } from './utils/seedTraffic.js';
import { DAYS_AGO, PATHS, trafficArbitrary } from './utils/trafficArbitrary.js';

const scopeArbitrary = fc.record({
  first: fc.integer({ min: 0, max: 2 }),
  length: fc.integer({ min: 1, max: 3 }),
  bots: fc.constantFrom('exclude', 'include', 'only'),
  filter: fc.constantFrom(
    null,
    ['device', 'mobile'],
    ['country', 'DE'],
    ['referrer', 'a.example'],
    ['user', 'logged_in'],
    ['user', 'anonymous'],
    ['page', PATHS[0]],
    ['page', PATHS[2]],
  ),
});

function toParams(scope: Scope): ReportParams {
  const params: ReportParams = {
    site: 'demo',
    from: utcDate(DAYS_AGO[scope.days[0]!]!),
    to: utcDate(DAYS_AGO[scope.days[scope.days.length - 1]!]!),
    bots: scope.bots,
  };
  if (scope.filter) Object.assign(params, { [scope.filter[0]]: scope.filter[1] });
  return params;
}

describe('overview report (property)', () => {
  it('equals brute force over the raw events', async () => {
    const now = Date.now();
    await fc.assert(
      fc.asyncProperty(trafficArbitrary, scopeArbitrary, async (traffic, s) => {
        const storage = await createSqliteStorage(':memory:');
        try {
          await storage.migrate();
          const sessions = await seedTraffic(storage, traffic, now);
          const days = [0, 1, 2].slice(s.first, Math.min(3, s.first + s.length));
          const scope: Scope = { days, bots: s.bots as Scope['bots'], filter: s.filter as Scope['filter'] };
          const result = await overviewReport.run(storage, toParams(scope));
          const expected = overviewTotals(sessions, scope, now);

          expect(result.totals.visitors).toBe(expected.visitors);
          expect(result.totals.sessions).toBe(expected.sessions);
          expect(result.totals.pageviews).toBe(expected.pageviews);
          expect(result.totals.bounce_rate).toBe(
            expected.sessions ? Math.round((expected.bounces / expected.sessions) * 10_000) / 10_000 : null,
          );
          expect(result.totals.avg_duration_s).toBe(
            expected.sessions ? Math.round(expected.duration / expected.sessions / 100) / 10 : null,
          );
          expect(result.totals.avg_engaged_s).toBe(
            expected.sessions ? Math.round(expected.engaged / expected.sessions / 100) / 10 : null,
          );
          expect(result.totals.median_duration_s).toBe(expected.median);

          // The daily series sums to the totals, day by day.
          for (const [i, point] of result.series.entries()) {
            const one = overviewTotals(sessions, { ...scope, days: [days[i]!] }, now);
            expect(point).toEqual({
              date: point.date,
              visitors: one.visitors,
              sessions: one.sessions,
              pageviews: one.pageviews,
            });
          }

          // Device breakdown and the logged-in split, by brute force.
          const views = sessionDays(sessions, scope, now);
          for (const row of result.breakdowns.devices) {
            const group = views.filter((v) => (storedAttributes(v.s).device ?? '') === row.value);
            expect({ value: row.value, sessions: row.sessions, visitors: row.visitors }).toEqual({
              value: row.value,
              sessions: group.length,
              visitors: visitorsOf(group),
            });
          }
          expect(result.breakdowns.users.reduce((n, r) => n + r.sessions, 0)).toBe(expected.sessions);

          // Heatmap pageviews sum to the pageviews; the bot split ignores `bots`.
          expect(result.heatmap.reduce((n, c) => n + c.pageviews, 0)).toBe(expected.pageviews);
          const both = sessionDays(sessions, scope, now, true);
          expect(result.bot_split.bot.sessions).toBe(both.filter((v) => v.s.isBot).length);
          expect(result.bot_split.human.sessions).toBe(both.filter((v) => !v.s.isBot).length);
        } finally {
          await storage.close();
        }
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
