/**
 * Migration 20 marks for a rebuild every day whose raw events are still there (their page
 * filter rows take the new definition), and leaves the days retention emptied alone.
 */
import { expect, it } from 'vitest';
import { applyMigrations, dbBefore } from '../utils/migrationDb.js';

it('marks the session days from each site’s oldest event on', async () => {
  const db = await dbBefore(20);
  const day = (d: string) => Date.parse(`${d}T12:00:00Z`);
  for (const [site, d] of [
    ['a', '2026-11-03'],
    ['a', '2026-11-05'],
    ['b', '2026-11-01'],
  ] as const)
    await db.run(
      `INSERT INTO events (site, event_id, type, ts, received_at, session, visitor, url, path)
       VALUES (?, ?, 'pageview', ?, ?, 's', 'v', 'https://x/', '/')`,
      [site, `${site}${d}`, day(d), day(d)],
    );
  for (const [site, d] of [
    ['a', '2026-11-01'],
    ['a', '2026-11-03'],
    ['a', '2026-11-04'],
    ['a', '2026-11-05'],
    ['b', '2026-11-01'],
    ['c', '2026-11-01'],
  ] as const)
    await db.run(`INSERT INTO session_days (site, session_id, day, visitor) VALUES (?, 's', ?, 'v')`, [
      site,
      d,
    ]);
  await db.run(`INSERT INTO rollup_dirty (site, day, gen) VALUES ('a', '2026-11-05', 4)`);
  await applyMigrations(db, 20);

  const marks = await db.all<{ site: string; day: string; gen: number }>(
    'SELECT site, day, gen FROM rollup_dirty ORDER BY site, day',
  );
  // a: from 11-03 (its oldest event) on, 11-04 included (a session day whose events are on
  // other days); b: its one day; c: no events left at all.
  expect(marks).toEqual([
    { site: 'a', day: '2026-11-03', gen: 1 },
    { site: 'a', day: '2026-11-04', gen: 1 },
    { site: 'a', day: '2026-11-05', gen: 5 },
    { site: 'b', day: '2026-11-01', gen: 1 },
  ]);
});
