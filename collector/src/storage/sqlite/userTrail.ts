/**
 * Per-user rows over trailing spans (migration 16): `ru_users_trail` holds, for each day
 * with per-user rows (`ru_user_days`), every user's counters added up over the 30 days and
 * over the 7 days ending on it. Ranking users over a period then reads one row per user
 * and span used instead of one per user and day.
 *
 * Freshness: rebuilding a day's rollups marks the trailing rows of that day and of the 29
 * days after it stale (`fresh = 0`, same transaction); `refreshTrails` recomputes them from
 * `ru_users` after the pass. Readers use only fresh rows, and the daily rows for the rest,
 * so a report is exact at any moment, just slower while rows are stale. Rows ending more than
 * `TRAIL_KEEP_DAYS` before a site's newest day are dropped (stale for good).
 *
 * `ru_user_first` keeps each user's first day with rows per side (0 human, 1 bot, 2 either),
 * exactly: a day's rebuild re-derives the users first seen on it and adds its own users.
 */
import { addDays } from '../../lib/time.js';
import { ROLLUP_COLUMNS } from '../../rollups/types.js';
import type { Lock } from '../createLock.js';
import type { BotFilter } from '../types.js';
import type { Db } from './db.js';

/** Trailing spans, longest first: how `coverPeriod` takes them. */
export const TRAIL_SPANS = [30, 7] as const;
const LONGEST = TRAIL_SPANS[0];
/**
 * Trailing rows are kept for this many days up to a site's newest day with rows (periods
 * ending earlier read daily rows): they take ~5 rows per daily user row, and reports look
 * at recent periods most.
 */
export const TRAIL_KEEP_DAYS = 62;

/** The ru_users counters a trailing row adds up. */
export const USER_COUNTERS = ROLLUP_COLUMNS.ru_users.filter((c) => c !== 'is_bot' && c !== 'user_id');

/** `ru_user_first.side` for each bot filter: a user's first day on the side(s) counted. */
export const FIRST_SIDE: Record<BotFilter, number> = { exclude: 0, only: 1, include: 2 };

export interface PeriodCover {
  /** Trailing rows to read: [span, end day]. */
  trails: [number, string][];
  /** Days read from the daily rows. */
  days: string[];
}

/**
 * Covers a period (consecutive days, ascending) from its end: at the latest day with rows
 * not yet covered, the longest fresh trailing span that fits in what is left, else that
 * day alone. Days without rows need nothing (a span ending on a day with rows may start on
 * or reach over days without). `known` maps each day with rows to whether its trailing rows
 * are fresh.
 */
export function coverPeriod(days: readonly string[], known: ReadonlyMap<string, boolean>): PeriodCover {
  const cover: PeriodCover = { trails: [], days: [] };
  let i = days.length - 1;
  while (i >= 0) {
    const day = days[i]!;
    const fresh = known.get(day);
    if (fresh === undefined) {
      i -= 1;
      continue;
    }
    const span = fresh ? TRAIL_SPANS.find((s) => s <= i + 1) : undefined;
    if (span) {
      cover.trails.push([span, day]);
      i -= span;
    } else {
      cover.days.push(day);
      i -= 1;
    }
  }
  return cover;
}

const counters = USER_COUNTERS.join(', ');
const sums = USER_COUNTERS.map((c) => `sum(${c})`).join(', ');

/**
 * After a day's ru_users rows were replaced (inside that transaction): its entry in
 * ru_user_days, stale trailing rows from it on, and the first days of its users.
 */
export async function noteUserDay(db: Db, site: string, day: string): Promise<void> {
  await db.run(`DELETE FROM ru_user_days WHERE site = ? AND day = ?`, [site, day]);
  await db.run(
    `INSERT INTO ru_user_days (site, day, fresh)
     SELECT ?1, ?2, 0 WHERE EXISTS (SELECT 1 FROM ru_users WHERE site = ?1 AND day = ?2)`,
    [site, day],
  );
  await db.run(`UPDATE ru_user_days SET fresh = 0 WHERE site = ? AND day > ? AND day <= ? AND fresh = 1`, [
    site,
    day,
    addDays(day, LONGEST - 1),
  ]);
  await db.run(`DELETE FROM ru_users_trail WHERE site = ? AND span IN (${TRAIL_SPANS}) AND end_day = ?`, [
    site,
    day,
  ]);
  // Users first seen on the day may have left it: derive theirs again from what remains…
  const moved = await db.all<{ user_id: string }>(
    `SELECT DISTINCT user_id FROM ru_user_first WHERE site = ? AND side IN (0, 1, 2) AND first_day = ?`,
    [site, day],
  );
  if (moved.length > 0) {
    const ids = JSON.stringify(moved.map((r) => r.user_id));
    await db.run(
      `DELETE FROM ru_user_first WHERE site = ?1 AND user_id IN (SELECT value FROM json_each(?2))`,
      [site, ids],
    );
    await db.run(
      `INSERT INTO ru_user_first (site, side, user_id, first_day)
       SELECT site, is_bot, user_id, min(day) FROM ru_users INDEXED BY ru_users_user
       WHERE site = ?1 AND user_id IN (SELECT value FROM json_each(?2)) GROUP BY is_bot, user_id
       UNION ALL
       SELECT site, 2, user_id, min(day) FROM ru_users INDEXED BY ru_users_user
       WHERE site = ?1 AND user_id IN (SELECT value FROM json_each(?2)) GROUP BY user_id`,
      [site, ids],
    );
  }
  // … and the day's users were seen on it, if not before.
  await db.run(
    `INSERT INTO ru_user_first (site, side, user_id, first_day)
     SELECT site, is_bot, user_id, day FROM ru_users WHERE site = ?1 AND day = ?2
     UNION ALL
     SELECT DISTINCT site, 2, user_id, day FROM ru_users WHERE site = ?1 AND day = ?2
     ON CONFLICT (site, side, user_id) DO UPDATE SET first_day = min(first_day, excluded.first_day)`,
    [site, day],
  );
}

const TRAIL_ROWS = `
  INSERT INTO ru_users_trail (site, span, end_day, is_bot, user_id, ${counters}, min_day, max_day)
  SELECT site, ?3, ?2, is_bot, user_id, ${sums}, min(day), max(day)
  FROM ru_users WHERE site = ?1 AND day > date(?2, '-' || ?3 || ' days') AND day <= ?2
  GROUP BY is_bot, user_id`;

/**
 * Recomputes every stale day's trailing rows, a day per transaction (the write lock is
 * held ~0.1 s per day at 10M events). Returns the days done.
 */
export async function refreshTrails(db: Db, withWriteLock: Lock): Promise<number> {
  // Trailing rows are kept for the newest days only: periods ending earlier read daily rows.
  const stale = await withWriteLock(async () => {
    await db.exec('BEGIN IMMEDIATE');
    try {
      const sites = await db.all<{ site: string; cutoff: string }>(
        `SELECT site, date(max(day), '-' || ? || ' days') AS cutoff FROM ru_user_days GROUP BY site`,
        [TRAIL_KEEP_DAYS - 1],
      );
      for (const { site, cutoff } of sites) {
        for (const span of TRAIL_SPANS)
          await db.run(`DELETE FROM ru_users_trail WHERE site = ? AND span = ? AND end_day < ?`, [
            site,
            span,
            cutoff,
          ]);
        await db.run(`UPDATE ru_user_days SET fresh = 0 WHERE site = ? AND day < ? AND fresh = 1`, [
          site,
          cutoff,
        ]);
      }
      const rows = await db.all<{ site: string; day: string }>(
        `SELECT d.site, d.day FROM ru_user_days AS d
         WHERE d.fresh = 0
           AND d.day >= date((SELECT max(day) FROM ru_user_days WHERE site = d.site), '-' || ? || ' days')`,
        [TRAIL_KEEP_DAYS - 1],
      );
      await db.exec('COMMIT');
      return rows;
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    }
  });
  let done = 0;
  for (const { site, day } of stale) {
    done += await withWriteLock(async () => {
      await db.exec('BEGIN IMMEDIATE');
      try {
        // Still stale and still a day with rows (a rebuild may have come in between)?
        const row = await db.get<{ fresh: number }>(
          `SELECT fresh FROM ru_user_days WHERE site = ? AND day = ?`,
          [site, day],
        );
        if (row?.fresh !== 0) {
          await db.exec('COMMIT');
          return 0;
        }
        await db.run(
          `DELETE FROM ru_users_trail WHERE site = ? AND span IN (${TRAIL_SPANS}) AND end_day = ?`,
          [site, day],
        );
        for (const span of TRAIL_SPANS) await db.run(TRAIL_ROWS, [site, day, span]);
        await db.run(`UPDATE ru_user_days SET fresh = 1 WHERE site = ? AND day = ?`, [site, day]);
        await db.exec('COMMIT');
        return 1;
      } catch (error) {
        await db.exec('ROLLBACK');
        throw error;
      }
    });
  }
  return done;
}
