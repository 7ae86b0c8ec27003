/**
 * Erases one user in one transaction, in a fixed number of set-based statements: the
 * sessions that carried the id, all their events, their day rows, and the per-user rollup
 * rows of every day (those of days before retention cannot be rebuilt, so they go here).
 * Every day the sessions touched is marked stale: the next rollup refresh rebuilds it
 * without them.
 */
import type { ErasedCounts } from '../types.js';
import { MARK_DIRTY } from './ingestGroup.js';
import { writeTransaction, type Db } from './db.js';

// INDEXED BY: see userQueries.ts (the planner would walk every event of the site).
const CARRIED_SESSIONS = `
  SELECT session_id AS session FROM sessions WHERE site = ?1 AND user_id = ?2
  UNION SELECT session FROM events INDEXED BY events_site_user_ts WHERE site = ?1 AND user_id = ?2`;

const IN_SESSIONS = 'site = ?1 AND session_id IN (SELECT value FROM json_each(?2))';

const SESSION_DAYS = `SELECT DISTINCT day FROM session_days WHERE ${IN_SESSIONS}`;

const EVENT_DAYS = `
  SELECT DISTINCT strftime('%Y-%m-%d', ts / 1000, 'unixepoch') AS day
  FROM events WHERE site = ?1 AND session IN (SELECT value FROM json_each(?2))`;

export async function eraseUser(db: Db, site: string, user: string): Promise<ErasedCounts> {
  return writeTransaction(db, async () => {
    const carried = await db.all<{ session: string }>(CARRIED_SESSIONS, [site, user]);
    const ids = JSON.stringify(carried.map((r) => r.session));
    const days = await db.all<{ day: string }>(SESSION_DAYS, [site, ids]);
    const eventDays = await db.all<{ day: string }>(EVENT_DAYS, [site, ids]);

    const events = await db.run(
      `DELETE FROM events WHERE site = ?1 AND session IN (SELECT value FROM json_each(?2))`,
      [site, ids],
    );
    const sessions = await db.run(`DELETE FROM sessions WHERE ${IN_SESSIONS}`, [site, ids]);
    await db.run(`DELETE FROM session_days WHERE ${IN_SESSIONS}`, [site, ids]);

    await db.run('DELETE FROM ru_users WHERE site = ? AND user_id = ?', [site, user]);
    await db.run('DELETE FROM ru_users_trail WHERE site = ? AND user_id = ?', [site, user]);
    await db.run('DELETE FROM ru_user_first WHERE site = ? AND user_id = ?', [site, user]);
    await db.run(
      `DELETE FROM ru_problem_sessions WHERE site = ?1 AND (user_id = ?3 OR session_id IN (SELECT value FROM json_each(?2)))`,
      [site, ids, user],
    );
    const stale = new Set([...days.map((d) => d.day), ...eventDays.map((d) => d.day)]);
    if (stale.size > 0) await db.run(MARK_DIRTY, [JSON.stringify([...stale].map((day) => [site, day]))]);
    // Rows of those days no longer follow from what was counted: they are rebuilt whole.
    await db.run('DELETE FROM rollup_days WHERE site = ?1 AND day IN (SELECT value FROM json_each(?2))', [
      site,
      JSON.stringify([...stale]),
    ]);
    return { events: events.changes, sessions: sessions.changes };
  });
}
