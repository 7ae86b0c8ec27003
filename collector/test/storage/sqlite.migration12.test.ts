/** Migration 12 adds up the per-user day rows already stored into Monday-started weeks. */
import { afterEach, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/storage/sqlite/db.js';
import { migrations } from '../../src/storage/sqlite/migrations.js';

const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
});

it('groups day rows into Monday-started weeks', async () => {
  const db = await openDb(':memory:');
  dbs.push(db);
  for (const m of migrations.filter((m) => m.version < 12)) await db.exec(m.sql);
  // 2026-11-22 is a Sunday, 2026-11-23 a Monday.
  await db.exec(`
    INSERT INTO ru_users (site, day, is_bot, user_id, sessions, pageviews, clicks, engaged_ms, custom, errors, rage, dead, slow) VALUES
      ('demo', '2026-11-16', 0, 'u1', 1, 2, 0, 0, 0, 1, 0, 0, 0),
      ('demo', '2026-11-22', 0, 'u1', 2, 3, 1, 0, 0, 0, 0, 0, 0),
      ('demo', '2026-11-23', 0, 'u1', 1, 1, 0, 0, 0, 0, 0, 0, 0),
      ('demo', '2026-11-23', 1, 'u2', 1, 1, 0, 0, 0, 0, 0, 0, 0);
  `);
  await db.exec(migrations.find((m) => m.version === 12)!.sql);
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
