/**
 * The one reader of report rollups: a GROUP BY over one table, for one site, a set (or range)
 * of days, one filter key and a bot side. Column names come from `ROLLUP_COLUMNS` only
 * (checked), never from requests; values and weights are bound. A list of days is matched
 * with IN so that each day is one seek on the (site, day, f, …) primary key.
 */
import { ROLLUP_COLUMNS } from '../../rollups/types.js';
import type { RollupQuery } from '../types.js';
import type { Db } from './db.js';

/** Bot filter → the `is_bot` values it reads, as a JSON list for `json_each`. */
export const SIDES = { exclude: '[0]', only: '[1]', include: '[0,1]' } as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function column(table: RollupQuery['table'], name: string): string {
  if (name !== 'day' && !(ROLLUP_COLUMNS[table] as readonly string[]).includes(name)) {
    throw new Error(`rollup column ${table}.${name} does not exist`);
  }
  return name;
}

/** A weighted sum's output name goes into the SQL: a plain identifier only. */
function alias(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`rollup output name ${name} is not an identifier`);
  return name;
}

/** `day IN (…)` for a list (one seek per day), a range for bounds. */
function dayCondition(days: RollupQuery['days']): { sql: string[]; params: unknown[] } {
  if (Array.isArray(days))
    return { sql: ['day IN (SELECT value FROM json_each(?))'], params: [JSON.stringify(days)] };
  const sql: string[] = [];
  const params: unknown[] = [];
  if (days.from !== undefined) {
    sql.push('day >= ?');
    params.push(days.from);
  }
  if (days.to !== undefined) {
    sql.push('day <= ?');
    params.push(days.to);
  }
  return { sql, params };
}

/** The filter key, `where`, `whereNot` and `whereTuples` of a query. */
function conditions(q: RollupQuery): { sql: string[]; params: unknown[] } {
  const col = (name: string) => column(q.table, name);
  const sql: string[] = [];
  const params: unknown[] = [];
  if ((ROLLUP_COLUMNS[q.table] as readonly string[]).includes('f')) {
    sql.push('f = ?');
    params.push(q.filter);
  }
  for (const [name, value] of Object.entries(q.where ?? {})) {
    if (Array.isArray(value)) {
      sql.push(`${col(name)} IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(value));
    } else {
      sql.push(`${col(name)} = ?`);
      params.push(value);
    }
  }
  for (const [name, value] of Object.entries(q.whereNot ?? {})) {
    sql.push(`${col(name)} <> ?`);
    params.push(value);
  }
  if (q.whereTuples) {
    const names = q.whereTuples.columns.map(col);
    const picks = names.map((_, i) => `value->>${i}`);
    sql.push(`(${names.join(', ')}) IN (SELECT ${picks.join(', ')} FROM json_each(?))`);
    params.push(JSON.stringify(q.whereTuples.values));
  }
  return { sql, params };
}

/**
 * The top rows of each (day, side): one correlated subquery per pair of the days and sides
 * listed, each a descending walk of an index that ends with the ranked column.
 */
function buildTopPerDaySql(q: RollupQuery): { sql: string; params: unknown[] } {
  const top = q.topPerDay!;
  if (!q.select || q.groupBy.length > 0) throw new Error('topPerDay reads stored rows: select, no groupBy');
  const names = q.select.map((c) => column(q.table, c));
  const order = [
    `x.${column(q.table, top.column)} DESC`,
    ...(top.ties ?? []).map((c) => `x.${column(q.table, c)} ASC`),
  ];
  const rest = conditions(q);
  const inner = ['x.site = ?', 'x.day = d.value', 'x.is_bot = s.value', ...rest.sql];
  const sql = `
    SELECT d.value AS day, s.value AS is_bot, (
      SELECT json_group_array(json_array(${names.join(', ')})) FROM (
        SELECT ${names.map((n) => `x.${n} AS ${n}`).join(', ')} FROM ${q.table} x
        WHERE ${inner.join(' AND ')} ORDER BY ${order.join(', ')} LIMIT ?)
    ) AS top
    FROM json_each(?) d, json_each(?) s`;
  const days = Array.isArray(q.days) ? q.days : null;
  if (!days) throw new Error('topPerDay needs a list of days');
  return { sql, params: [q.site, ...rest.params, top.limit, JSON.stringify(days), SIDES[q.bots]] };
}

export function buildRollupSql(q: RollupQuery): { sql: string; params: unknown[] } {
  const col = (name: string) => column(q.table, name);
  // SELECT parameters come first: section prefixes, then weights.
  const params: unknown[] = [];
  let section = '';
  if (q.sections) {
    const c = col(q.sections.column);
    // The longest matching prefix wins: `/` takes only what no other section does.
    const prefixes = [...q.sections.prefixes].sort((a, b) => b.length - a.length);
    const whens = prefixes.map(() => `WHEN ${c} = ? OR ${c} LIKE ? ESCAPE '\\' THEN ?`);
    for (const prefix of prefixes) {
      const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
      params.push(prefix, `${escapeLike(base)}/%`, prefix);
    }
    section = `CASE ${whens.join(' ')} END`;
  }
  const weighted = Object.entries(q.weighted ?? {}).map(([name, weights]) => {
    const terms = Object.entries(weights).map(([c, w]) => {
      params.push(w);
      return `? * sum(${col(c)})`;
    });
    return `(${terms.join(' + ') || '0'}) AS ${alias(name)}`;
  });
  if (
    q.select &&
    (q.groupBy.length > 0 || q.sum || q.min || q.max || q.distinct || q.lists || q.weighted || section)
  )
    throw new Error('a rollup query selects stored rows or groups them, not both');
  const select = [
    ...(q.select ?? []).map(col),
    ...(section ? [`${section} AS section`] : []),
    ...q.groupBy.map(col),
    ...(q.sum ?? []).map((c) => `sum(${col(c)}) AS ${c}`),
    ...(q.min ?? []).map((c) => `min(${col(c)}) AS min_${c}`),
    ...(q.max ?? []).map((c) => `max(${col(c)}) AS max_${c}`),
    ...(q.distinct ?? []).map((c) => `count(DISTINCT ${col(c)}) AS distinct_${c}`),
    ...(q.lists ?? []).map((c) => `'[' || group_concat(${col(c)}, ',') || ']' AS list_${c}`),
    ...weighted,
  ];
  const days = dayCondition(q.days);
  const where = ['site = ?', ...days.sql, 'is_bot IN (SELECT value FROM json_each(?))'];
  params.push(q.site, ...days.params, SIDES[q.bots]);
  const rest = conditions(q);
  where.push(...rest.sql);
  params.push(...rest.params);
  const order = (q.orderBy ?? []).map((o) => `${o.column} ${o.desc ? 'DESC' : 'ASC'}`);
  // `+col` groups through a temporary B-tree over the rows the day seeks found; a plain
  // `user_id` let the planner walk ru_users_user for the order instead, over every day ever
  // stored (0.54 s against 0.33 s for 240k user-days, and growing with history).
  const grouped = [...(section ? ['section'] : []), ...q.groupBy.map((c) => `+${col(c)}`)];
  const groupBy =
    (grouped.length > 0 ? `GROUP BY ${grouped.join(', ')}` : '') +
    (section ? ' HAVING section IS NOT NULL' : '');
  let sql = `SELECT ${select.join(', ')} FROM ${q.table} WHERE ${where.join(' AND ')} ${groupBy}`;
  if (q.limitPer) {
    // Top `limit` rows per value of one grouped column.
    const per = col(q.limitPer);
    sql = `SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY ${per} ORDER BY ${order.join(', ') || '1'}) AS rank_
           FROM (${sql})) WHERE rank_ <= ?`;
    params.push(q.limit ?? 10);
  } else {
    if (order.length > 0) sql += ` ORDER BY ${order.join(', ')}`;
    if (q.limit !== undefined) {
      sql += ' LIMIT ?';
      params.push(q.limit);
    }
  }
  return { sql, params };
}

export async function queryRollup<T>(db: Db, q: RollupQuery): Promise<T[]> {
  if (q.topPerDay) {
    const { sql, params } = buildTopPerDaySql(q);
    const names = q.select ?? [];
    const out: Record<string, unknown>[] = [];
    for (const r of await db.all<{ day: string; is_bot: number; top: string }>(sql, params)) {
      for (const values of JSON.parse(r.top) as unknown[][]) {
        const row: Record<string, unknown> = { day: r.day, is_bot: r.is_bot };
        names.forEach((n, i) => (row[n] = values[i]));
        out.push(row);
      }
    }
    return out as T[];
  }
  const { sql, params } = buildRollupSql(q);
  return db.all<T>(sql, params);
}
