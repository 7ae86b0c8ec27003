/**
 * Erases one user in one transaction, in a fixed number of set-based statements: the
 * sessions that carried the id, all their events, their day rows, what they added to the
 * per-day totals (`visitor_days`, `rollup_daily`), and the per-user rollup rows of every day
 * (those of days before retention cannot be rebuilt, so they go here). Every day the
 * sessions touched is marked stale: the next rollup refresh rebuilds it without them.
 */
import { planErasure } from '../planErasure.js';
import {
  countVisitorTransitions,
  rollupRows,
  visitorDeltaRows,
  type SessionDayRow,
} from '../planDayContributions.js';
import type { ErasedCounts } from '../types.js';
import { MARK_DIRTY, UPSERT_ROLLUP, UPSERT_VISITOR_DAYS } from './commitEvents.js';
import type { Db } from './db.js';

// INDEXED BY: see userQueries.ts (the planner would walk every event of the site).
const CARRIED_SESSIONS = `
  SELECT session_id AS session FROM sessions WHERE site = ?1 AND user_id = ?2
  UNION SELECT session FROM events INDEXED BY events_site_user_ts WHERE site = ?1 AND user_id = ?2`;

const IN_SESSIONS = 'site = ?1 AND session_id IN (SELECT value FROM json_each(?2))';

const SESSION_DAYS = `
  SELECT site, session_id AS session, day, visitor, pageviews, is_bot AS isBot
  FROM session_days WHERE ${IN_SESSIONS}`;

const EVENT_DAYS = `
  SELECT DISTINCT strftime('%Y-%m-%d', ts / 1000, 'unixepoch') AS day
  FROM events WHERE site = ?1 AND session IN (SELECT value FROM json_each(?2))`;

// Visitors that no session counts any more leave no row behind.
const DROP_EMPTY_VISITOR_DAYS = `
  DELETE FROM visitor_days WHERE sessions <= 0
    AND (site, day, visitor, is_bot) IN (
      SELECT d.value->>0, d.value->>1, d.value->>2, d.value->>3 FROM json_each(?) AS d)`;

export async function eraseUser(db: Db, site: string, user: string): Promise<ErasedCounts> {
  await db.exec('BEGIN IMMEDIATE');
  try {
    const carried = await db.all<{ session: string }>(CARRIED_SESSIONS, [site, user]);
    const ids = JSON.stringify(carried.map((r) => r.session));
    const days = await db.all<SessionDayRow>(SESSION_DAYS, [site, ids]);
    const eventDays = await db.all<{ day: string }>(EVENT_DAYS, [site, ids]);

    const events = await db.run(
      `DELETE FROM events WHERE site = ?1 AND session IN (SELECT value FROM json_each(?2))`,
      [site, ids],
    );
    const sessions = await db.run(`DELETE FROM sessions WHERE ${IN_SESSIONS}`, [site, ids]);
    await db.run(`DELETE FROM session_days WHERE ${IN_SESSIONS}`, [site, ids]);

    const plan = planErasure(days);
    const visitorRows = visitorDeltaRows(plan);
    if (visitorRows.length > 0) {
      const after = await db.all<{
        site: string;
        day: string;
        visitor: string;
        isBot: 0 | 1;
        sessions: number;
      }>(UPSERT_VISITOR_DAYS, [JSON.stringify(visitorRows)]);
      countVisitorTransitions(plan, after);
      await db.run(DROP_EMPTY_VISITOR_DAYS, [JSON.stringify(visitorRows)]);
    }
    const rollup = rollupRows(plan);
    if (rollup.length > 0) await db.run(UPSERT_ROLLUP, [JSON.stringify(rollup)]);

    await db.run('DELETE FROM ru_users WHERE site = ? AND user_id = ?', [site, user]);
    await db.run(
      `DELETE FROM ru_problem_sessions WHERE site = ?1 AND (user_id = ?3 OR session_id IN (SELECT value FROM json_each(?2)))`,
      [site, ids, user],
    );
    const stale = new Set([...days.map((d) => d.day), ...eventDays.map((d) => d.day)]);
    if (stale.size > 0) await db.run(MARK_DIRTY, [JSON.stringify([...stale].map((day) => [site, day]))]);
    await db.exec('COMMIT');
    return { events: events.changes, sessions: sessions.changes };
  } catch (error) {
    await db.exec('ROLLBACK');
    throw error;
  }
}
