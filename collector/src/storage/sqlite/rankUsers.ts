/**
 * The user ranking in one statement: every user active on the days is grouped once, from
 * the weekly rows of the whole weeks among the days (ru_users_w) and the daily rows of the
 * rest; window sums over those groups give the counts and totals, so only the top `limit`
 * users come back (a result row costs more in the driver than a grouped one in SQLite).
 */
import { ROLLUP_COLUMNS } from '../../rollups/types.js';
import type { RankUsersQuery, RankUsersResult } from '../types.js';
import { splitWeeks } from '../../lib/time.js';
import type { Db } from './db.js';
import { SIDES } from './queryRollup.js';

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
  const { weeks, days } = splitWeeks(q.days);
  // The rows carry what is summed and what is weighed.
  const listed = [...new Set([...sums, ...weights.map(([c]) => counter(c))])].join(', ');
  const sql = `
    WITH rows AS (
      SELECT user_id, ${listed}, min_day, max_day FROM ru_users_w
      WHERE site = ? AND week IN (SELECT value FROM json_each(?)) AND is_bot IN (SELECT value FROM json_each(?))
      UNION ALL
      SELECT user_id, ${listed}, day, day FROM ru_users
      WHERE site = ? AND day IN (SELECT value FROM json_each(?)) AND is_bot IN (SELECT value FROM json_each(?))),
    g AS (
      SELECT user_id, ${sums.map((c) => `sum(${c}) AS ${c}`).join(', ')},
             min(min_day) AS min_day, max(max_day) AS max_day,
             (${weights.map(([c]) => `? * sum(${counter(c)})`).join(' + ') || '0'}) AS score
      FROM rows GROUP BY user_id
      ${q.scoredOnly ? 'HAVING score > 0' : ''})
    SELECT g.*, count(*) OVER () AS n_users,${
      q.status
        ? `
           sum(max_day >= ?) OVER () AS n_active,
           sum(max_day < ? AND max_day >= ?) OVER () AS n_at_risk,
           sum(NOT EXISTS (
             SELECT 1 FROM ru_users AS p INDEXED BY ru_users_user
             WHERE p.site = ? AND p.user_id = g.user_id AND p.day < ?
               AND p.is_bot IN (SELECT value FROM json_each(?)))) OVER () AS n_new,`
        : ''
    }
           ${sums.map((c) => `sum(${c}) OVER () AS total_${c}`).join(', ')}
    FROM g ORDER BY score DESC, user_id LIMIT ?`;
  const side = SIDES[q.bots];
  const status = q.status
    ? [q.status.activeSince, q.status.activeSince, q.status.atRiskSince, q.site, q.days[0] ?? '', side]
    : [];
  const rows = await db.all<Row>(sql, [
    q.site,
    JSON.stringify(weeks),
    side,
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
