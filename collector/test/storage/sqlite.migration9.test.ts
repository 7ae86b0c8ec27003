/**
 * Migration 9 turns the vitals rollup's rows (one per bucket and rating) into one row per
 * (day, filter, path, metric) with its samples per rating and its histogram, in place: days
 * past retention have no raw events to rebuild them from.
 */
import { expect, it } from 'vitest';
import { applyMigrations, dbBefore } from '../utils/migrationDb.js';

it('converts bucket rows into histograms, keeping every count', async () => {
  const db = await dbBefore(9);
  // Bucket 150 straddles the LCP threshold in 10 %-wide page buckets: it has two ratings.
  await db.exec(`
    INSERT INTO ru_vitals (site, day, f, is_bot, path, metric, bucket, rating, count) VALUES
      ('demo', '2026-11-20', '', 0, '', 'LCP', 230, 'good', 3),
      ('demo', '2026-11-20', '', 0, '', 'LCP', 120, 'good', 2),
      ('demo', '2026-11-20', '', 0, '', 'LCP', 260, 'poor', 1),
      ('demo', '2026-11-20', '', 0, '/a', 'LCP', 150, 'good', 4),
      ('demo', '2026-11-20', '', 0, '/a', 'LCP', 150, 'needs-improvement', 1),
      ('demo', '2026-11-20', '', 1, '', 'CLS', 7, 'good', 5),
      ('demo', '2026-11-21', 'device=mobile', 0, '', 'INP', 201, 'needs-improvement', 6);
  `);
  await applyMigrations(db, 9);

  const rows = await db.all<Record<string, unknown>>(
    'SELECT * FROM ru_vitals ORDER BY day, f, is_bot, path, metric',
  );
  expect(rows.map((r) => ({ ...r, hist: JSON.parse(r.hist as string) }))).toEqual([
    {
      site: 'demo',
      day: '2026-11-20',
      f: '',
      is_bot: 0,
      path: '',
      metric: 'LCP',
      samples: 6,
      good: 5,
      ni: 0,
      poor: 1,
      hist: [120, 2, 230, 3, 260, 1],
    },
    {
      site: 'demo',
      day: '2026-11-20',
      f: '',
      is_bot: 0,
      path: '/a',
      metric: 'LCP',
      samples: 5,
      good: 4,
      ni: 1,
      poor: 0,
      hist: [150, 5],
    },
    {
      site: 'demo',
      day: '2026-11-20',
      f: '',
      is_bot: 1,
      path: '',
      metric: 'CLS',
      samples: 5,
      good: 5,
      ni: 0,
      poor: 0,
      hist: [7, 5],
    },
    {
      site: 'demo',
      day: '2026-11-21',
      f: 'device=mobile',
      is_bot: 0,
      path: '',
      metric: 'INP',
      samples: 6,
      good: 0,
      ni: 6,
      poor: 0,
      hist: [201, 6],
    },
  ]);
});
