/**
 * The user ranking in two statements: which days of the period have per-user rows (and
 * fresh trailing rows), then every user active in the period grouped once, from the
 * trailing 30- and 7-day rows that cover the period (storage/sqlite/trails.ts) and the
 * daily rows of the rest. The default 30-day period is one trailing row per user (nothing
 * to group). Plain aggregates over the groups give the counts and totals, so only the top
 * `limit` users come back (a result row costs more in the driver than a grouped one in
 * SQLite); new users are counted from their first days.
 */
import { ROLLUP_COLUMNS } from '../../rollups/types.js';
import type { RankUsersQuery, RankUsersResult } from '../types.js';
import type { Db } from './db.js';
import { SIDES } from './queryRollup.js';
import { coverFromTrails, FIRST_SIDE, USER_TRAILS } from './trails.js';

const TRAIL_SPANS = USER_TRAILS.spans;

function counter(name: string): string {
  if (
    !(ROLLUP_COLUMNS.ru_users as readonly string[]).includes(name) ||
    name === 'user_id' ||
    name === 'is_bot'
  )
    throw new Error(`ru_users has no counter ${name}`);
  return name;
}

type Row = Record<string, number | string> & {
  user_id: string;
  min_day: string;
  max_day: string;
  score: number;
  n_users: number;
  n_active: number;
  n_at_risk: number;
  n_new: number;
};

export async function rankUsers(db: Db, q: RankUsersQuery): Promise<RankUsersResult> {
  const sums = q.sums.map(counter);
  const weights = Object.entries(q.weights);
  const from = q.days[0] ?? '';
  const to = q.days[q.days.length - 1] ?? '';
  const { trails, days } = await coverFromTrails(db, USER_TRAILS, q.site, q.days);
  // The rows carry what is summed and what is weighed.
  const listed = [...new Set([...sums, ...weights.map(([c]) => counter(c))])].join(', ');
  // One source on one side holds a row per user already: nothing to group.
  const perUser = trails.length + days.length === 1 && q.bots !== 'include';
  const score = (sum: (c: string) => string) =>
    `(${weights.map(([c]) => `? * ${sum(counter(c))}`).join(' + ') || '0'})`;
  const sql = `
    WITH rows AS (
      ${TRAIL_SPANS.map(
        (span) => `
      SELECT user_id, ${listed}, min_day, max_day FROM ru_users_trail
      WHERE site = ? AND span = ${span} AND end_day IN (SELECT value FROM json_each(?))
        AND is_bot IN (SELECT value FROM json_each(?))
      UNION ALL`,
      ).join('')}
      SELECT user_id, ${listed}, day, day FROM ru_users
      WHERE site = ? AND day IN (SELECT value FROM json_each(?)) AND is_bot IN (SELECT value FROM json_each(?))),
    g AS (${
      perUser
        ? `
      SELECT user_id, ${sums.join(', ')}, min_day, max_day, ${score((c) => c)} AS score
      FROM rows ${q.scoredOnly ? 'WHERE score > 0' : ''}`
        : `
      SELECT user_id, ${sums.map((c) => `sum(${c}) AS ${c}`).join(', ')},
             min(min_day) AS min_day, max(max_day) AS max_day, ${score((c) => `sum(${c})`)} AS score
      FROM rows GROUP BY user_id ${q.scoredOnly ? 'HAVING score > 0' : ''}`
    }),
    t AS (
      SELECT count(*) AS n_users,${
        q.status
          ? `
             sum(max_day >= ?) AS n_active,
             sum(max_day < ? AND max_day >= ?) AS n_at_risk,
             ${
               // Every user first seen in the period is in it; only scored ones are each looked up.
               q.scoredOnly
                 ? `sum(EXISTS (SELECT 1 FROM ru_user_first AS f
                      WHERE f.site = ? AND f.side = ? AND f.user_id = g.user_id
                        AND f.first_day >= ? AND f.first_day <= ?))`
                 : `(SELECT count(*) FROM ru_user_first
                     WHERE site = ? AND side = ? AND first_day >= ? AND first_day <= ?)`
             } AS n_new,`
          : ''
      }
             ${sums.map((c) => `sum(${c}) AS total_${c}`).join(', ')}
      FROM g)
    SELECT g.*, t.* FROM g, t ORDER BY score DESC, user_id LIMIT ?`;
  const side = SIDES[q.bots];
  const status = q.status
    ? [q.status.activeSince, q.status.activeSince, q.status.atRiskSince, q.site, FIRST_SIDE[q.bots], from, to]
    : [];
  const rows = await db.all<Row>(sql, [
    ...TRAIL_SPANS.flatMap((span) => [
      q.site,
      JSON.stringify(trails.filter(([s]) => s === span).map(([, end]) => end)),
      side,
    ]),
    q.site,
    JSON.stringify(days),
    side,
    ...weights.map(([, w]) => w),
    ...status,
    q.limit,
  ]);
  const head = rows[0];
  return {
    users: rows.map((r) => {
      const user: Record<string, number | string> = {
        user_id: r.user_id,
        min_day: r.min_day,
        max_day: r.max_day,
        score: r.score,
      };
      for (const c of sums) user[c] = r[c] as number;
      return user as RankUsersResult['users'][number];
    }),
    users_total: head?.n_users ?? 0,
    status: q.status
      ? { active: head?.n_active ?? 0, at_risk: head?.n_at_risk ?? 0, new_users: head?.n_new ?? 0 }
      : null,
    totals: Object.fromEntries(sums.map((c) => [c, Number(head?.[`total_${c}`] ?? 0)])),
  };
}
