/**
 * The top `n` groups of a rollup table by a column summed over many days, exactly, without
 * adding up every group of every day (a threshold algorithm):
 *
 * 1. read the `k` highest rows of each day and bot side (index seeks); their groups are the
 *    candidates. A group that is not a candidate has, on each (day, side), at most that
 *    day's k-th value (0 where the day has fewer than k rows), so its total is at most the
 *    sum of those: the bound.
 * 2. add up the candidates over all the days.
 * 3. if the n-th candidate's total exceeds the bound (or no day had more than k rows: every
 *    group was a candidate), that is the answer; otherwise add up every group (the plain
 *    GROUP BY).
 *
 * Skewed data (a few pages take most transitions) stops at step 2: two statements reading
 * days × sides × k rows plus days × sides × candidates seeks. Flat data takes three.
 */
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

type Row = Record<string, string | number | null>;

export async function topAcrossDays<T extends Row>(
  storage: Storage,
  q: TopQuery,
  o: TopOptions,
): Promise<T[]> {
  const grouped = {
    ...q,
    groupBy: o.key,
    sum: [o.rank, ...(o.sums ?? [])],
    ...(o.min ? { min: o.min } : {}),
    ...(o.max ? { max: o.max } : {}),
    orderBy: [{ column: o.rank, desc: true }, ...o.key.map((column) => ({ column, desc: false }))],
    limit: o.n,
  };
  const firsts = await storage.queryRollup<Row>({
    ...q,
    groupBy: [],
    select: [...o.key, o.rank],
    topPerDay: { column: o.rank, limit: o.k },
  });
  const perDay = new Map<string, { rows: number; least: number }>();
  const candidates = new Map<string, (string | number)[]>();
  for (const r of firsts) {
    const day = `${r.day}\u0000${r.is_bot}`;
    const seen = perDay.get(day) ?? { rows: 0, least: Infinity };
    seen.rows += 1;
    seen.least = Math.min(seen.least, Number(r[o.rank]));
    perDay.set(day, seen);
    const key = o.key.map((c) => r[c] as string | number);
    candidates.set(JSON.stringify(key), key);
  }
  if (candidates.size === 0) return [];
  // Days that had more than k rows are where groups were left out.
  let bound = 0;
  let cut = false;
  for (const { rows, least } of perDay.values()) {
    if (rows < o.k) continue;
    cut = true;
    bound += least;
  }
  const exact = await storage.queryRollup<T>({
    ...grouped,
    whereTuples: { columns: o.key, values: [...candidates.values()] },
  });
  const nth = exact[o.n - 1];
  if (!cut || (nth !== undefined && Number(nth[o.rank]) > bound)) return exact;
  return storage.queryRollup<T>(grouped);
}
