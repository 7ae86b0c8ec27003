import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewReport } from '../../src/reports/overview.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

let storage: Storage;
beforeAll(async () => {
  storage = await createSqliteStorage(':memory:');
  await storage.migrate();
  await storage.ensureSites(['demo']);
  // 20 days × 5 sessions × 3 pageviews, each session 2 minutes long, the first at 09:00 UTC.
  const rows = [];
  for (let day = 1; day <= 20; day += 1) {
    for (let s = 0; s < 5; s += 1) {
      for (let p = 0; p < 3; p += 1) {
        const ts = utcMidnight(day) + 9 * 3_600_000 + s * 600_000 + p * 60_000;
        rows.push(makeEventRow({ ts, session: `d${day}-s${s}`, visitor: `v${s}`, path: `/p${p}` }));
      }
    }
  }
  await insertEvents(storage, rows);
  await storage.refreshRollups();
});
afterAll(async () => {
  await storage.close();
});

describe('overviewReport', () => {
  it('reads a day with many sessions from its rollup rows', async () => {
    const result = await overviewReport.run(storage, {
      site: 'demo',
      from: utcDate(2),
      to: utcDate(2),
      bots: 'include',
    });
    expect(result.series).toEqual([{ date: utcDate(2), pageviews: 15, sessions: 5, visitors: 5 }]);
    expect(result.totals).toEqual({
      visitors: 5,
      sessions: 5,
      pageviews: 15,
      views_per_session: 3,
      bounce_rate: 0,
      avg_duration_s: 120,
      avg_engaged_s: 0,
      median_duration_s: 120,
    });
  });

  it('compares with the same number of days just before', async () => {
    const result = await overviewReport.run(storage, {
      site: 'demo',
      from: utcDate(2),
      to: utcDate(1),
      bots: 'exclude',
      compare: 'previous',
    });
    expect(result.previous).toEqual({ from: utcDate(4), to: utcDate(3) });
    expect(result.previous_series?.map((p) => p.date)).toEqual([utcDate(4), utcDate(3)]);
    expect(result.change).toEqual({ visitors: 0, sessions: 0, pageviews: 0 });
  });

  it('gives an hourly series and a day-of-week × hour heatmap', async () => {
    const result = await overviewReport.run(storage, {
      site: 'demo',
      from: utcDate(1),
      to: utcDate(1),
      bots: 'exclude',
      interval: 'hour',
    });
    expect(result.series).toHaveLength(24);
    expect(result.series[9]).toMatchObject({ date: `${utcDate(1)}T09:00:00Z`, pageviews: 15, sessions: 5 });
    expect(result.heatmap).toHaveLength(7 * 24);
    const dow = (new Date(`${utcDate(1)}T00:00:00Z`).getUTCDay() + 6) % 7;
    expect(result.heatmap.filter((c) => c.pageviews > 0)).toEqual([
      { dow, hour: 9, pageviews: 15, sessions: 5 },
    ]);
  });

  it('reads the median duration to its documented resolution', async () => {
    // docs/reports.md: 1 s under a minute, 5 s to 10 min, 1 min to an hour, 10 min beyond.
    // One session a day on its own site, each day's median read alone.
    const cases: Array<[durationMs: number, medianS: number]> = [
      [900, 0],
      [59_999, 59],
      [67_000, 65],
      [599_000, 595],
      [600_000, 600],
      [3_599_000, 3540],
      [3_600_000, 3600],
      [4_199_000, 3600],
      [4_200_000, 4200],
    ];
    const site = 'durations';
    await storage.ensureSites([site]);
    await insertEvents(
      storage,
      cases.flatMap(([ms], day) =>
        [0, ms].map((offset, i) =>
          makeEventRow({
            site,
            ts: utcMidnight(day + 1) + 3_600_000 + offset,
            session: `dur${day}`,
            visitor: `dur${day}`,
            eventId: `dur${day}-${i}`,
          }),
        ),
      ),
    );
    await storage.refreshRollups();
    const medians = [];
    for (const [day] of cases.entries()) {
      const result = await overviewReport.run(storage, {
        site,
        from: utcDate(day + 1),
        to: utcDate(day + 1),
        bots: 'include',
      });
      medians.push(result.totals.median_duration_s);
    }
    expect(medians).toEqual(cases.map(([, s]) => s));
  });

  it('takes one filter at a time', async () => {
    await expect(
      overviewReport.run(storage, { site: 'demo', bots: 'exclude', page: '/p0', device: 'mobile' }),
    ).rejects.toThrow(/one filter at a time/);
  });

  it('reads its CSV rows from the series', async () => {
    const result = await overviewReport.run(storage, {
      site: 'demo',
      from: utcDate(2),
      to: utcDate(1),
      bots: 'include',
    });
    expect(overviewReport.csv.columns).toEqual(['date', 'pageviews', 'visitors', 'sessions']);
    expect(overviewReport.csv.rows(result)).toEqual(result.series);
  });
});
