/**
 * The overview equals a brute-force count over the raw events it was built from, for random
 * traffic, any span of days, every bot side and every filter dimension.
 */
import { describe, expect, it } from 'vitest';
import { overviewReport } from '../../src/reports/overview.js';
import { overviewTotals, sessionDays, storedAttributes, visitorsOf } from './utils/bruteForce.js';
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
    }, 80);
  }, 120_000);
});
