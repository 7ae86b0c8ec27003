/** Migration 12 adds up the per-user day rows already stored into Monday-started weeks. */
import { expect, it } from 'vitest';
import { applyMigrations, dbBefore } from '../utils/migrationDb.js';

it('groups day rows into Monday-started weeks', async () => {
  const db = await dbBefore(12);
  // 2026-11-22 is a Sunday, 2026-11-23 a Monday.
  await db.exec(`
    INSERT INTO ru_users (site, day, is_bot, user_id, sessions, pageviews, clicks, engaged_ms, custom, errors, rage, dead, slow) VALUES
      ('demo', '2026-11-16', 0, 'u1', 1, 2, 0, 0, 0, 1, 0, 0, 0),
      ('demo', '2026-11-22', 0, 'u1', 2, 3, 1, 0, 0, 0, 0, 0, 0),
      ('demo', '2026-11-23', 0, 'u1', 1, 1, 0, 0, 0, 0, 0, 0, 0),
      ('demo', '2026-11-23', 1, 'u2', 1, 1, 0, 0, 0, 0, 0, 0, 0);
  `);
  await applyMigrations(db, 12);
  expect(
    await db.all(
      'SELECT week, is_bot, user_id, sessions, pageviews, errors, min_day, max_day FROM ru_users_w ORDER BY week, user_id',
    ),
  ).toEqual([
    {
      week: '2026-11-16',
      is_bot: 0,
      user_id: 'u1',
      sessions: 3,
      pageviews: 5,
      errors: 1,
      min_day: '2026-11-16',
      max_day: '2026-11-22',
    },
    {
      week: '2026-11-23',
      is_bot: 0,
      user_id: 'u1',
      sessions: 1,
      pageviews: 1,
      errors: 0,
      min_day: '2026-11-23',
      max_day: '2026-11-23',
    },
    {
      week: '2026-11-23',
      is_bot: 1,
      user_id: 'u2',
      sessions: 1,
      pageviews: 1,
      errors: 0,
      min_day: '2026-11-23',
      max_day: '2026-11-23',
    },
  ]);
});
