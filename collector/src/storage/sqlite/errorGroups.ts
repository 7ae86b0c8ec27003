/**
 * The errors report's one query. Error events are few next to pageviews, so they are read
 * raw (through the (site, ts) index) and grouped by message and top frame in SQL.
 */
import type { ErrorGroupRow, TimeRange } from '../types.js';
import type { Db } from './db.js';

const BOT_OF_EVENT =
  '(SELECT s.is_bot FROM sessions AS s WHERE s.site = e.site AND s.session_id = e.session)';

const OF_SESSION = (column: string) =>
  `(SELECT s.${column} FROM sessions AS s WHERE s.site = e.site AND s.session_id = e.session)`;

/** SQL condition (and its value) for a report filter on error events. */
function filterCondition(filter: TimeRange['filter']): [string, unknown[]] {
  if (!filter) return ['', []];
  const [dimension, value] = filter;
  switch (dimension) {
    case 'page':
      return ['AND e.path = ?', [value]];
    case 'user':
      return [`AND ${OF_SESSION('user_id')} IS ${value === 'logged_in' ? 'NOT ' : ''}NULL`, []];
    case 'referrer':
      return [`AND ${OF_SESSION('referrer_domain')} = ?`, [value]];
    default:
      return [`AND ${OF_SESSION(dimension === 'device' ? 'device' : 'country')} = ?`, [value]];
  }
}

const GROUPS = (botCondition: string) => `
  WITH errs AS (
    SELECT e.session, e.user_id, e.ts, e.path,
           e.data->>'kind' AS kind, e.data->>'message' AS message, e.data->>'source' AS source,
           e.data->>'line' AS line, e.data->>'col' AS col, coalesce(e.data->>'count', 1) AS n
    FROM events AS e
    WHERE e.site = ? AND e.ts >= ? AND e.ts < ? AND e.type = 'error' ${botCondition}
  ),
  grouped AS (
    SELECT kind, message, source, line, col, sum(n) AS occurrences,
           count(DISTINCT session) AS sessions, count(DISTINCT user_id) AS users,
           min(ts) AS firstSeen, max(ts) AS lastSeen
    FROM errs GROUP BY kind, message, source, line, col
    ORDER BY occurrences DESC, lastSeen DESC LIMIT ?
  ),
  page_counts AS (
    SELECT kind, message, source, line, col, path, sum(n) AS hits,
           row_number() OVER (PARTITION BY kind, message, source, line, col
                              ORDER BY sum(n) DESC, path) AS rank
    FROM errs GROUP BY kind, message, source, line, col, path
  )
  SELECT g.*, (SELECT json_group_array(p.path) FROM page_counts AS p
               WHERE p.kind IS g.kind AND p.message IS g.message AND p.source IS g.source
                 AND p.line IS g.line AND p.col IS g.col AND p.rank <= 5) AS paths
  FROM grouped AS g ORDER BY g.occurrences DESC, g.lastSeen DESC`;

export async function listErrorGroups(db: Db, range: TimeRange, limit: number): Promise<ErrorGroupRow[]> {
  const bot =
    range.bots === 'exclude'
      ? `AND coalesce(${BOT_OF_EVENT}, 0) = 0`
      : range.bots === 'only'
        ? `AND ${BOT_OF_EVENT} = 1`
        : '';
  const [condition, values] = filterCondition(range.filter);
  const rows = await db.all<Omit<ErrorGroupRow, 'paths'> & { paths: string }>(GROUPS(`${bot} ${condition}`), [
    range.site,
    range.from,
    range.to,
    ...values,
    limit,
  ]);
  return rows.map((r) => ({ ...r, paths: JSON.parse(r.paths) as string[] }));
}
