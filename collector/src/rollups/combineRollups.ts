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

interface Entry {
  key: Value[];
  values: (Value | Hist)[];
  n: number;
  /** Per min/max slot: the extreme taken away and not reached again (undefined: known). */
  lost: (number | undefined)[];
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
  /** The rows that live. */
  rows(): DayRollups;
  /** Rows whose minimum or maximum was taken away and is not known again. */
  unknown(): number;
}

export function createRollupSums(): RollupSums {
  const tables = new Map<RollupTable, Map<string, Entry>>(TABLES.map((t) => [t, new Map()]));

  function addRow(table: RollupTable, ops: readonly MergeOp[], width: number, row: RollupRow, sign: 1 | -1) {
    const key = row.slice(0, width);
    const id = keyId(key);
    const map = tables.get(table)!;
    const n = Number(row[width + ops.length] ?? 1);
    let entry = map.get(id);
    if (!entry) {
      entry = {
        key,
        values: ops.map((op) =>
          op === 'hist'
            ? new Map()
            : op === 'min'
              ? Infinity
              : op === 'max'
                ? -Infinity
                : op === 'own'
                  ? null
                  : 0,
        ),
        n: 0,
        lost: ops.map(() => undefined),
      };
      map.set(id, entry);
    }
    entry.n += sign * n;
    for (let i = 0; i < ops.length; i += 1) {
      const op = ops[i]!;
      const value = row[width + i] as Value;
      const at = entry.values[i];
      if (op === 'sum') entry.values[i] = (at as number) + sign * (value as number);
      else if (op === 'own') {
        if (sign === 1) entry.values[i] = value;
      } else if (op === 'hist') {
        const hist = at as Hist;
        for (const [k, count] of parseHist(value)) hist.set(k, (hist.get(k) ?? 0) + sign * count);
      } else {
        const v = value as number;
        const lower = op === 'min' ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
        if (sign === -1) {
          // Taking away the row's extreme: unknown until something as extreme comes back.
          if (lower(v, at as number)) entry.lost[i] = at as number;
        } else {
          if (lower(v, at as number)) entry.values[i] = v;
          const lost = entry.lost[i];
          if (lost !== undefined && lower(v, lost)) entry.lost[i] = undefined;
        }
      }
    }
  }

  const rowOf = (entry: Entry): RollupRow => [
    ...entry.key,
    ...entry.values.map((v) => (v instanceof Map ? histText(v) : v)),
    entry.n,
  ];

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
      return [...tables.get(table)!.values()].map((e) => {
        if (e.n < 0) throw new Error(`rollup row ${table} ${keyId(e.key)} taken away more than added`);
        return [e.key, e.n > 0 ? rowOf(e) : null];
      });
    },
    rows() {
      const out = {} as DayRollups;
      for (const table of TABLES) {
        out[table] = [];
        for (const e of tables.get(table)!.values()) if (e.n > 0) out[table].push(rowOf(e));
      }
      return out;
    },
    unknown() {
      let count = 0;
      for (const map of tables.values())
        for (const e of map.values()) if (e.n > 0 && e.lost.some((l) => l !== undefined)) count += 1;
      return count;
    },
  };
}
