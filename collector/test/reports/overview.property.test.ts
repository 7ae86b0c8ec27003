/**
 * The overview equals a brute-force count over the raw events it was built from, for random
 * traffic, any span of days, every bot side and every filter dimension.
 */
import { describe, expect, it } from 'vitest';
import { overviewReport } from '../../src/reports/overview.js';
import { breakdownOf, overviewTotals, sessionDays } from './utils/bruteForce.js';
import { assertAgainstTraffic } from './utils/assertAgainstTraffic.js';
import { toParams } from './utils/scopeArbitrary.js';

describe('overview report (property)', () => {
  it('equals brute force over the raw events', async () => {
    await assertAgainstTraffic(async (storage, sessions, scope, now) => {
      const days = scope.days;
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

      // Breakdowns by session attribute, every row, by brute force (the top 10 of each; the
      // generator has fewer values than that).
      const views = sessionDays(sessions, scope, now);
      const dims = { devices: 'device', sources: 'referrer', countries: 'country', users: 'user' } as const;
      for (const [key, dim] of Object.entries(dims)) {
        const rows = result.breakdowns[key as keyof typeof dims].map((r) => ({
          value: r.value,
          sessions: r.sessions,
          visitors: r.visitors,
        }));
        expect({ [key]: rows }).toEqual({ [key]: breakdownOf(views, dim, 10) });
      }

      // Heatmap pageviews sum to the pageviews; the bot split ignores `bots`.
      expect(result.heatmap.reduce((n, c) => n + c.pageviews, 0)).toBe(expected.pageviews);
      const both = sessionDays(sessions, scope, now, true);
      expect(result.bot_split.bot.sessions).toBe(both.filter((v) => v.s.isBot).length);
      expect(result.bot_split.human.sessions).toBe(both.filter((v) => !v.s.isBot).length);
    }, 80);
  }, 120_000);
});
