import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overviewReport } from '../../src/reports/overview.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';
import { countStorageCalls } from '../utils/countStorageCalls.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';

let storage: Storage;
beforeAll(async () => {
  storage = await createSqliteStorage(':memory:');
  await storage.migrate();
  await storage.ensureSites(['demo']);
  // 20 days × 5 sessions × 3 pageviews.
  const rows = [];
  for (let day = 1; day <= 20; day += 1) {
    for (let s = 0; s < 5; s += 1) {
      for (let p = 0; p < 3; p += 1) {
        rows.push(makeEventRow({ ts: utcMidnight(day) + s * 60_000 + p, session: `d${day}-s${s}`, visitor: `v${s}` }));
      }
    }
  }
  await storage.insertEvents(rows);
});
afterAll(async () => {
  await storage.close();
});

describe('overviewReport', () => {
  it.each([
    ['one day', utcDate(1), utcDate(1), 15],
    ['a month', utcDate(30), utcDate(0), 300],
    ['a year', utcDate(365), utcDate(0), 300],
  ])('makes one storage call whatever the span (%s)', async (_name, from, to, pageviews) => {
    const counted = countStorageCalls(storage);
    const result = await overviewReport.run(counted.storage, { site: 'demo', from, to, bots: 'exclude' });
    expect(result.totals.pageviews).toBe(pageviews);
    expect(counted.calls).toEqual({ getDailyTotals: 1 });
  });

  it('reads a day with many sessions as one rollup row', async () => {
    const result = await overviewReport.run(storage, { site: 'demo', from: utcDate(2), to: utcDate(2), bots: 'include' });
    expect(result.series).toEqual([{ date: utcDate(2), pageviews: 15, sessions: 5, visitors: 5 }]);
  });

  it('reads its CSV rows from the series', async () => {
    const result = await overviewReport.run(storage, { site: 'demo', from: utcDate(2), to: utcDate(1), bots: 'include' });
    expect(overviewReport.csv.columns).toEqual(['date', 'pageviews', 'visitors', 'sessions']);
    expect(overviewReport.csv.rows(result)).toEqual(result.series);
  });
});
