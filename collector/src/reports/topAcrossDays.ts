/**
 * The top `n` groups of a rollup table by a column summed over many days, exactly, without
 * adding up every group of every day (a threshold algorithm):
 *
 * 1. read the `k` highest rows of each day and bot side (index seeks); their groups are the
 *    candidates. A group that is not a candidate has, on each (day, side), at most that
 *    day's k-th value (0 where the day has fewer than k rows), so its total is at most the
 *    sum of those: the bound.
 * 2. add up over all the days the candidates that can still make the top n (see `prune`).
 * 3. if the n-th candidate's total exceeds the bound (or no day had more than k rows: every
 *    group was a candidate), that is the answer; otherwise add up every group (the plain
 *    GROUP BY).
 *
 * Skewed data (a few pages take most transitions) stops at step 2: two statements reading
 * days × sides × k rows plus days × sides × candidates seeks. Flat data takes three, or goes
 * straight to the GROUP BY when too many candidates are left.
 *
 * Groups that mostly live on one day (sessions) take `topOfOneDayGroups` instead: exact in
 * two statements, no bound.
 */
import { compareSqlValues } from '../lib/sqlOrder.js';
import type { RollupQuery, Storage } from '../storage/types.js';

export type TopQuery = Pick<RollupQuery, 'table' | 'site' | 'days' | 'filter' | 'bots' | 'where'>;

export interface TopOptions {
  /** The grouped columns. */
  key: string[];
  /** The column summed and ranked by (descending; ties by key, ascending). */
  rank: string;
  /** Further columns to sum per group, and to take the least / greatest of. */
  sums?: string[];
  min?: string[];
  max?: string[];
  n: number;
  /** Rows read per day and side in step 1. */
  k: number;
}

export interface OneDayOptions extends Omit<TopOptions, 'k'> {
  /**
   * A column that is 1 on the rows of groups that have no row on another day (a session
   * within one day), 0 otherwise; an index on (site, day, is_bot, that column, rank) makes
   * step 1 a walk of n entries per day.
   */
  oneDay: string;
}

/** Seeks (step 2) worth reading one row (plain GROUP BY): measured on a 10M-event store. */
const SEEKS_PER_ROW_READ = 4;

/** What step 1 read of a day (and side): its rows, and the least ranked value among them. */
type DayRead = { rows: number; least: number };
/** A group step 1 read: the sum of what was read of it, and the days it was read on. */
type Candidate = { key: (string | number)[]; low: number; days: DayRead[] };

type Row = Record<string, string | number | null>;

function groupedQuery(q: TopQuery, o: Omit<TopOptions, 'k'>) {
  return {
    ...q,
    groupBy: o.key,
    sum: [o.rank, ...(o.sums ?? [])],
    ...(o.min ? { min: o.min } : {}),
    ...(o.max ? { max: o.max } : {}),
    orderBy: [{ column: o.rank, desc: true }, ...o.key.map((column) => ({ column, desc: false }))],
    limit: o.n,
  };
}

export async function topAcrossDays<T extends Row>(
  storage: Storage,
  q: TopQuery,
  o: TopOptions,
): Promise<T[]> {
  const grouped = groupedQuery(q, o);
  const select = [...new Set([...o.key, o.rank])];
  const firsts = await storage.queryRollup<Row>({
    ...q,
    groupBy: [],
    select,
    topPerDay: { column: o.rank, limit: o.k },
  });
  const perDay = new Map<string, DayRead>();
  const candidates = new Map<string, Candidate>();
  for (const r of firsts) {
    const dayId = `${r.day}\u0000${r.is_bot}`;
    let day = perDay.get(dayId);
    if (!day) perDay.set(dayId, (day = { rows: 0, least: Infinity }));
    const value = Number(r[o.rank]);
    day.rows += 1;
    if (value < day.least) day.least = value;
    const key = o.key.map((c) => r[c] as string | number);
    const id = JSON.stringify(key);
    let c = candidates.get(id);
    if (!c) candidates.set(id, (c = { key, low: 0, days: [] }));
    c.low += value;
    c.days.push(day);
  }
  if (candidates.size === 0) return [];
  // Days that had more than k rows are where groups were left out: such a group has at most
  // the day's k-th value there.
  let bound = 0;
  let cut = false;
  for (const { rows, least } of perDay.values()) {
    if (rows < o.k) continue;
    cut = true;
    bound += least;
  }
  const left = prune(candidates, bound, o);
  // Flat data leaves many candidates: one seek per candidate and day costs more than
  // reading every row once (which is at least a few times what step 1 read).
  if (left.length * perDay.size > SEEKS_PER_ROW_READ * firsts.length) return storage.queryRollup<T>(grouped);
  const exact = await storage.queryRollup<T>({ ...grouped, whereTuples: { columns: o.key, values: left } });
  const nth = exact[o.n - 1];
  if (!cut || (nth !== undefined && Number(nth[o.rank]) > bound)) return exact;
  return storage.queryRollup<T>(grouped);
}

/**
 * The top n groups when most live within one day (sessions), exactly: a one-day group's
 * row is its total, so the top n of them are among the n best one-day rows of each day
 * and side (ties in key order, as the answer orders them); the groups spanning days are
 * added up on their own (few). Two statements, whatever the data.
 */
export async function topOfOneDayGroups<T extends Row>(
  storage: Storage,
  q: TopQuery,
  o: OneDayOptions,
): Promise<T[]> {
  const select = [
    ...new Set([...o.key, o.rank, ...(o.sums ?? []), ...(o.min ?? []), ...(o.max ?? [])]),
  ].filter((c) => c !== 'day');
  const [firsts, spread] = await Promise.all([
    storage.queryRollup<Row>({
      ...q,
      where: { ...q.where, [o.oneDay]: 1 },
      groupBy: [],
      select,
      topPerDay: { column: o.rank, limit: o.n, ties: o.key },
    }),
    storage.queryRollup<T>({ ...groupedQuery(q, o), where: { ...q.where, [o.oneDay]: 0 } }),
  ]);
  return [...firsts.map((r) => asGroup(r, o) as T), ...spread]
    .sort(
      (a, b) =>
        Number(b[o.rank]) - Number(a[o.rank]) ||
        o.key.reduce((c, k) => c || compareSqlValues(a[k] ?? null, b[k] ?? null), 0),
    )
    .slice(0, o.n);
}

/**
 * The candidates that can still reach the top n. What was read of a candidate is a lower
 * bound of its total; adding the k-th value of each cut day where it was not read gives an
 * upper bound. One whose upper bound is below the n-th best lower bound cannot be in the
 * top n (the n groups with those lower bounds total at least that much each).
 */
function prune(
  candidates: ReadonlyMap<string, Candidate>,
  bound: number,
  o: Pick<TopOptions, 'n' | 'k'>,
): (string | number)[][] {
  const all = [...candidates.values()];
  const lows = all.map((c) => c.low).sort((a, b) => b - a);
  const nthLow = lows[o.n - 1] ?? -Infinity;
  const left: (string | number)[][] = [];
  for (const c of all) {
    let cutSeen = 0;
    for (const day of c.days) if (day.rows >= o.k) cutSeen += day.least;
    if (c.low + bound - cutSeen >= nthLow) left.push(c.key);
  }
  return left;
}

/** A one-day group's stored row in the shape of the grouped answer. */
function asGroup(r: Row, o: Omit<TopOptions, 'k'>): Row {
  const out: Row = {};
  for (const c of [...o.key, o.rank, ...(o.sums ?? [])]) out[c] = r[c] ?? null;
  for (const c of o.min ?? []) out[`min_${c}`] = r[c] ?? null;
  for (const c of o.max ?? []) out[`max_${c}`] = r[c] ?? null;
  return out;
}
