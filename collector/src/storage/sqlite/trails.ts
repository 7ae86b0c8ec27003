/**
 * Rows over trailing spans of days, recomputed from a day rollup (migrations 16, 19):
 *
 * - `ru_users_trail`: every user's `ru_users` counters over the 30 and the 7 days ending on
 *   each day with per-user rows (`ru_user_days`): ranking users over a period reads one row
 *   per user and span used instead of one per user and day.
 * - `ru_transitions_trail`: the top `TRANSITIONS_KEPT` transitions A→B (no filter) over the
 *   30 days ending on each day with transitions (`ru_transition_days`): the top transitions
 *   of a 30-day period are an index walk, even when they are too flat for
 *   reports/topAcrossDays.ts to stop early.
 *
 * Freshness: rebuilding a day's rollups marks the trailing rows of that day and of the 29
 * days after it stale (`fresh = 0`, same transaction); `refreshTrails` recomputes them after
 * the pass. Readers use only fresh rows (`coverPeriod`), and the daily rows for the rest, so
 * a report is exact at any moment, just slower while rows are stale. Rows ending more than
 * `TRAIL_KEEP_DAYS` before a site's newest day are dropped (stale for good).
 *
 * `ru_user_first` keeps each user's first day with rows per side (0 human, 1 bot, 2 either),
 * exactly: a day's rebuild re-derives the users first seen on it and adds its own users.
 */
import { addDays } from '../../lib/time.js';
import { ROLLUP_COLUMNS } from '../../rollups/types.js';
import type { Lock } from '../createLock.js';
import type { BotFilter, TopTransitionsQuery, TransitionCount } from '../types.js';
import { readTransaction, writeTransaction, type Db } from './db.js';

/** The longest trailing span: rebuilding a day makes this many days' rows stale. */
const LONGEST = 30;
/**
 * Trailing rows are kept for this many days up to a site's newest day with rows (periods
 * ending earlier read daily rows): they take ~5 rows per daily user row, and reports look
 * at recent periods most.
 */
export const TRAIL_KEEP_DAYS = 62;

/** The ru_users counters a trailing row adds up. */
const USER_COUNTERS = ROLLUP_COLUMNS.ru_users.filter((c) => c !== 'is_bot' && c !== 'user_id');
const sums = USER_COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(', ');
/** Source rows of the `span` days ending on ?2, of site ?1 (span ?3). */
const IN_SPAN = `site = ?1 AND day > date(?2, '-' || ?3 || ' days') AND day <= ?2`;

/** One kind of trailing rows: where they live, what spans, how a span's rows are made. */
export interface TrailKind {
  /** Days with source rows, and whether their trailing rows are fresh. */
  days: string;
  table: string;
  /** Longest first: how `coverPeriod` takes them. */
  spans: readonly number[];
  /** Whether the day has source rows (?1 site, ?2 day). */
  hasRows: string;
  /** The columns of a row after (site, span, end_day). */
  columns: readonly string[];
  /** Those columns of the rows of the span ending on a day (?1 site, ?2 end day, ?3 span). */
  select: string;
}

export const USER_TRAILS: TrailKind = {
  days: 'ru_user_days',
  table: 'ru_users_trail',
  spans: [30, 7],
  hasRows: 'SELECT 1 FROM ru_users WHERE site = ?1 AND day = ?2',
  columns: ['is_bot', 'user_id', ...USER_COUNTERS, 'min_day', 'max_day'],
  select: `
    SELECT is_bot, user_id, ${sums}, min(day) AS min_day, max(day) AS max_day
    FROM ru_users WHERE ${IN_SPAN}
    GROUP BY is_bot, user_id`,
};

/**
 * Transitions kept per trailing set and side: the top ones by count, then paths, as the
 * report ranks them, so any top n ≤ this is exact (a busy site has ~70k per set).
 */
export const TRANSITIONS_KEPT = 500;

export const TRANSITION_TRAILS: TrailKind = {
  days: 'ru_transition_days',
  table: 'ru_transitions_trail',
  spans: [30],
  hasRows: `SELECT 1 FROM ru_transitions WHERE site = ?1 AND day = ?2 AND f = ''`,
  columns: ['is_bot', 'from_path', 'to_path', 'count'],
  select: `
    SELECT is_bot, from_path, to_path, count FROM (
      SELECT is_bot, from_path, to_path, sum(count) AS count,
             row_number() OVER (PARTITION BY is_bot ORDER BY sum(count) DESC, from_path, to_path) AS rank
      FROM ru_transitions WHERE ${IN_SPAN} AND f = ''
      GROUP BY is_bot, from_path, to_path)
    WHERE rank <= ${TRANSITIONS_KEPT}`,
};

const KINDS = [USER_TRAILS, TRANSITION_TRAILS];

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
 * not yet covered, the longest fresh trailing span (of `spans`, longest first) that fits in
 * what is left, else that day alone. Days without rows need nothing (a span ending on a day
 * with rows may start on or reach over days without). `known` maps each day with rows to
 * whether its trailing rows are fresh.
 */
export function coverPeriod(
  days: readonly string[],
  known: ReadonlyMap<string, boolean>,
  spans: readonly number[],
): PeriodCover {
  const cover: PeriodCover = { trails: [], days: [] };
  let i = days.length - 1;
  while (i >= 0) {
    const day = days[i]!;
    const fresh = known.get(day);
    if (fresh === undefined) {
      i -= 1;
      continue;
    }
    const span = fresh ? spans.find((s) => s <= i + 1) : undefined;
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

/** How the kind's trailing rows and daily rows cover a period (its days with rows read). */
export async function coverFromTrails(
  db: Db,
  kind: TrailKind,
  site: string,
  days: readonly string[],
): Promise<PeriodCover> {
  const rows = await db.all<{ day: string; fresh: number }>(
    `SELECT day, fresh FROM ${kind.days} WHERE site = ? AND day >= ? AND day <= ?`,
    [site, days[0] ?? '', days.at(-1) ?? ''],
  );
  return coverPeriod(days, new Map(rows.map((r) => [r.day, r.fresh === 1])), kind.spans);
}

/** `Storage.topTransitions`: from the one fresh 30-day set that covers the period, if any. */
export async function topTrailTransitions(db: Db, q: TopTransitionsQuery): Promise<TransitionCount[] | null> {
  if (q.bots === 'include' || q.n > TRANSITIONS_KEPT) return null;
  const cover = await coverFromTrails(db, TRANSITION_TRAILS, q.site, q.days);
  if (cover.days.length > 0 || cover.trails.length > 1) return null;
  const [trail] = cover.trails;
  if (!trail) return [];
  return db.all<TransitionCount>(
    `SELECT from_path, to_path, count FROM ru_transitions_trail
     WHERE site = ? AND span = ? AND end_day = ? AND is_bot = ?
     ORDER BY count DESC, from_path, to_path LIMIT ?`,
    [q.site, trail[0], trail[1], q.bots === 'only' ? 1 : 0, q.n],
  );
}

/** Drops the kind's trailing rows ending on a day. */
async function dropSets(db: Db, kind: TrailKind, site: string, day: string): Promise<void> {
  await db.run(`DELETE FROM ${kind.table} WHERE site = ? AND span IN (${kind.spans}) AND end_day = ?`, [
    site,
    day,
  ]);
}

/**
 * After a day's rollup rows were replaced (inside that transaction): its entry among each
 * kind's days, stale trailing rows from it on, and the first days of its users.
 */
export async function noteDay(db: Db, site: string, day: string): Promise<void> {
  for (const kind of KINDS) {
    await db.run(`DELETE FROM ${kind.days} WHERE site = ? AND day = ?`, [site, day]);
    await db.run(
      `INSERT INTO ${kind.days} (site, day, fresh) SELECT ?1, ?2, 0 WHERE EXISTS (${kind.hasRows})`,
      [site, day],
    );
    await db.run(`UPDATE ${kind.days} SET fresh = 0 WHERE site = ? AND day > ? AND day <= ? AND fresh = 1`, [
      site,
      day,
      addDays(day, LONGEST - 1),
    ]);
    await dropSets(db, kind, site, day);
  }
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

/** Where refreshTrails computes and writes, and how it tells a write came in between. */
export interface TrailStore {
  writer: Db;
  /** Reads in its own snapshot (the writer itself for an in-memory database: `readLock`). */
  reader: Db;
  withWriteLock: Lock;
  readLock: Lock;
  /** Day rollup writes of the site so far (this process is the only writer). */
  writesOf(site: string): number;
}

/**
 * Recomputes every stale day's trailing rows of each kind, after dropping rows too old to
 * keep. A day's rows are computed on the reader, outside the write lock (grouping a busy
 * site's 30 days of transitions takes ~1 s at 10M events), then written under it unless a
 * day of the site was written meanwhile (then it stays stale for the next pass). Returns
 * the days done.
 */
export async function refreshTrails(store: TrailStore): Promise<number> {
  let done = 0;
  for (const kind of KINDS) {
    const stale = await store.withWriteLock(() => dropOldTrails(store.writer, kind));
    for (const { site, day } of stale) done += await refreshDay(store, kind, site, day);
  }
  return done;
}

/** Drops trailing rows ending before each site's newest TRAIL_KEEP_DAYS; lists the stale days left. */
function dropOldTrails(db: Db, kind: TrailKind): Promise<{ site: string; day: string }[]> {
  return writeTransaction(db, async () => {
    const sites = await db.all<{ site: string; cutoff: string }>(
      `SELECT site, date(max(day), '-' || ? || ' days') AS cutoff FROM ${kind.days} GROUP BY site`,
      [TRAIL_KEEP_DAYS - 1],
    );
    for (const { site, cutoff } of sites) {
      for (const span of kind.spans)
        await db.run(`DELETE FROM ${kind.table} WHERE site = ? AND span = ? AND end_day < ?`, [
          site,
          span,
          cutoff,
        ]);
      await db.run(`UPDATE ${kind.days} SET fresh = 0 WHERE site = ? AND day < ? AND fresh = 1`, [
        site,
        cutoff,
      ]);
    }
    return db.all<{ site: string; day: string }>(
      `SELECT d.site, d.day FROM ${kind.days} AS d
       WHERE d.fresh = 0
         AND d.day >= date((SELECT max(day) FROM ${kind.days} WHERE site = d.site), '-' || ? || ' days')`,
      [TRAIL_KEEP_DAYS - 1],
    );
  });
}

async function refreshDay(store: TrailStore, kind: TrailKind, site: string, day: string): Promise<number> {
  const before = store.writesOf(site);
  const computed = await store.readLock(() =>
    readTransaction(store.reader, async () => {
      const sets: unknown[][][] = [];
      for (const span of kind.spans) {
        const rows = await store.reader.all<Record<string, unknown>>(kind.select, [site, day, span]);
        sets.push(rows.map((r) => kind.columns.map((c) => r[c])));
      }
      return sets;
    }),
  );
  const values = kind.columns.map((_, i) => `value->>${i}`).join(', ');
  const insert = `INSERT INTO ${kind.table} (site, span, end_day, ${kind.columns.join(', ')})
    SELECT ?1, ?2, ?3, ${values} FROM json_each(?4)`;
  const db = store.writer;
  return store.withWriteLock(async () => {
    // A day of the site written since the read may have changed these rows: next pass.
    if (store.writesOf(site) !== before) return 0;
    return writeTransaction(db, async () => {
      const row = await db.get<{ fresh: number }>(
        `SELECT fresh FROM ${kind.days} WHERE site = ? AND day = ?`,
        [site, day],
      );
      if (row?.fresh !== 0) return 0;
      await dropSets(db, kind, site, day);
      for (const [i, span] of kind.spans.entries())
        await db.run(insert, [site, span, day, JSON.stringify(computed[i])]);
      await db.run(`UPDATE ${kind.days} SET fresh = 1 WHERE site = ? AND day = ?`, [site, day]);
      return 1;
    });
  });
}
