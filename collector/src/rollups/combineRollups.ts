/**
 * Rollup rows of one day added up (and taken away) key by key, each value column as
 * `ROLLUP_MERGE` says: the rows of a day are the sum of the rows of its groups of sessions
 * (rollups/groupLinks.ts), so a day is aggregated a group at a time and its memory is the
 * size of its rows, not of its events; and a group's old rows can be taken away and its new
 * ones added (rollups/refreshDay.ts).
 *
 * A row lives while its add count (`n`, the last element) is above 0. A minimum (maximum)
 * cannot be taken away: when the value taken away was the row's minimum and nothing added
 * after it reaches as low, the row's true minimum is unknown (`unknown()` counts such rows).
 */
import { compareSqlValues } from '../lib/sqlOrder.js';
import {
  ROLLUP_COLUMNS,
  ROLLUP_KEYS,
  ROLLUP_MERGE,
  type DayRollups,
  type MergeOp,
  type RollupRow,
  type RollupTable,
} from './types.js';

const TABLES = Object.keys(ROLLUP_COLUMNS) as RollupTable[];

type Value = string | number | null;
type Hist = Map<number | string, number>;

/**
 * A row being added up: `[...key, ...values, n]` (a histogram as a Map until it is read),
 * kept flat — a day's sums hold every row of the day. `lost`: per min/max slot, the extreme
 * taken away and not reached again.
 */
interface Entry {
  row: (Value | Hist)[];
  lost?: Map<number, number>;
}

export const keyId = (key: readonly Value[]): string => JSON.stringify(key);

function parseHist(text: Value): Hist {
  const flat = JSON.parse(String(text ?? '[]')) as (number | string)[];
  const hist: Hist = new Map();
  for (let i = 0; i + 1 < flat.length; i += 2) hist.set(flat[i]!, flat[i + 1] as number);
  return hist;
}

function histText(hist: Hist): string {
  const kept = [...hist].filter(([, count]) => count !== 0);
  return JSON.stringify(kept.sort((x, y) => compareSqlValues(x[0], y[0])).flat());
}

export interface RollupSums {
  /** Adds (`sign` 1) or takes away (-1) rows `[...columns, n]` of the tables given. */
  add(rows: Partial<DayRollups>, sign?: 1 | -1): void;
  /** Every key added to: its row, or null when it has no adds left (the row is gone). */
  entries(table: RollupTable): [key: Value[], row: RollupRow | null][];
  /** The rows that live (read once: the sums empty as they are read out). */
  rows(): DayRollups;
  /** Rows whose minimum or maximum was taken away and is not known again. */
  unknown(): number;
}

export function createRollupSums(): RollupSums {
  const tables = new Map<RollupTable, Map<string, Entry>>(TABLES.map((t) => [t, new Map()]));

  function addRow(table: RollupTable, ops: readonly MergeOp[], width: number, row: RollupRow, sign: 1 | -1) {
    const id = keyId(row.slice(0, width));
    const map = tables.get(table)!;
    const last = width + ops.length;
    const n = Number(row[last] ?? 1);
    let entry = map.get(id);
    if (!entry) {
      const fresh: (Value | Hist)[] = row.slice(0, width);
      for (const op of ops)
        fresh.push(
          op === 'hist'
            ? new Map()
            : op === 'min'
              ? Infinity
              : op === 'max'
                ? -Infinity
                : op === 'own'
                  ? null
                  : 0,
        );
      fresh.push(0);
      entry = { row: fresh };
      map.set(id, entry);
    }
    const at = entry.row;
    at[last] = (at[last] as number) + sign * n;
    for (let i = 0; i < ops.length; i += 1) {
      const op = ops[i]!;
      const j = width + i;
      const value = row[j] as Value;
      if (op === 'sum') at[j] = (at[j] as number) + sign * (value as number);
      else if (op === 'own') {
        if (sign === 1) at[j] = value;
      } else if (op === 'hist') {
        const hist = at[j] as Hist;
        for (const [k, count] of parseHist(value)) hist.set(k, (hist.get(k) ?? 0) + sign * count);
      } else {
        const v = value as number;
        const extreme = op === 'min' ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
        if (sign === -1) {
          // Taking away the row's extreme: unknown until something as extreme comes back.
          if (extreme(v, at[j] as number)) (entry.lost ??= new Map()).set(j, at[j] as number);
        } else {
          if (extreme(v, at[j] as number)) at[j] = v;
          const lost = entry.lost?.get(j);
          if (lost !== undefined && extreme(v, lost)) entry.lost!.delete(j);
        }
      }
    }
  }

  const rowOf = (entry: Entry): RollupRow => entry.row.map((v) => (v instanceof Map ? histText(v) : v));
  const nOf = (entry: Entry): number => entry.row[entry.row.length - 1] as number;

  return {
    add(rows, sign = 1) {
      for (const table of TABLES) {
        const list = rows[table];
        if (!list) continue;
        const ops = ROLLUP_MERGE[table];
        const width = ROLLUP_KEYS[table];
        for (const row of list) addRow(table, ops, width, row, sign);
      }
    },
    entries(table) {
      const width = ROLLUP_KEYS[table];
      return [...tables.get(table)!.values()].map((e) => {
        const key = e.row.slice(0, width) as Value[];
        if (nOf(e) < 0) throw new Error(`rollup row ${table} ${keyId(key)} taken away more than added`);
        return [key, nOf(e) > 0 ? rowOf(e) : null];
      });
    },
    rows() {
      const out = {} as DayRollups;
      for (const table of TABLES) {
        out[table] = [];
        const map = tables.get(table)!;
        // Each row leaves the sums as it is read out: the day's rows are not held twice.
        for (const [id, e] of map) {
          if (nOf(e) > 0) out[table].push(rowOf(e));
          map.delete(id);
        }
      }
      return out;
    },
    unknown() {
      let count = 0;
      for (const map of tables.values())
        for (const e of map.values()) if (nOf(e) > 0 && e.lost !== undefined && e.lost.size > 0) count += 1;
      return count;
    },
  };
}
