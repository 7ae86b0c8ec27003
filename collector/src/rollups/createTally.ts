/**
 * Counts grouped by key, where each counter is a sum, a distinct count (visitors,
 * sessions), a minimum / maximum, or a histogram (`[key, count]` added up per key: a
 * vitals bucket, an error's path).
 * Rows come out as `[...key, ...counters, adds]`, the shape of a rollup row and how many
 * times its key was added to (rollups/combineRollups.ts: a row is kept while that is above
 * 0, whatever its counters say); a histogram comes
 * out as the JSON text of `[key, count, key, count, …]` in key order (a flat list
 * parses several times faster than a list of pairs).
 */
import { compareSqlValues } from '../lib/sqlOrder.js';
import type { RollupRow } from './types.js';

export type Slot = 'sum' | 'distinct' | 'min' | 'max' | 'hist';
type Key = (string | number | null)[];
type Value = number | string | readonly string[] | readonly [number | string, number];

interface Group {
  key: Key;
  acc: (number | Set<string> | Map<number | string, number>)[];
  adds: number;
}

export interface Tally {
  /**
   * `values[i]` is a number for a sum, min or max slot, one or more ids for a distinct slot,
   * a `[key, count]` pair for a histogram.
   */
  add(key: Key, values: readonly Value[]): void;
  rows(): RollupRow[];
}

export function createTally(slots: readonly Slot[]): Tally {
  const groups = new Map<string, Group>();
  return {
    add(key, values) {
      const id = key.join('\u0001');
      let group = groups.get(id);
      if (!group) {
        const start = (slot: Slot) =>
          slot === 'sum'
            ? 0
            : slot === 'min'
              ? Infinity
              : slot === 'max'
                ? -Infinity
                : slot === 'hist'
                  ? new Map<number | string, number>()
                  : new Set<string>();
        group = { key, acc: slots.map(start), adds: 0 };
        groups.set(id, group);
      }
      const acc = group.acc;
      group.adds += 1;
      // A plain loop: this runs for every counter of every row a day makes (millions).
      for (let i = 0; i < slots.length; i += 1) {
        const slot = slots[i];
        const value = values[i] as Value;
        if (slot === 'sum') acc[i] = (acc[i] as number) + (value as number);
        else if (slot === 'min') {
          if ((value as number) < (acc[i] as number)) acc[i] = value as number;
        } else if (slot === 'max') {
          if ((value as number) > (acc[i] as number)) acc[i] = value as number;
        } else if (slot === 'hist') {
          const [bucket, count] = value as readonly [number | string, number];
          const hist = acc[i] as Map<number | string, number>;
          hist.set(bucket, (hist.get(bucket) ?? 0) + count);
        } else if (typeof value === 'string') (acc[i] as Set<string>).add(value);
        else for (const v of value as readonly string[]) (acc[i] as Set<string>).add(v);
      }
    },
    rows() {
      return [...groups.values()].map((g) => [
        ...g.key,
        ...g.acc.map((a) =>
          typeof a === 'number'
            ? a
            : a instanceof Map
              ? JSON.stringify([...a].sort((x, y) => compareSqlValues(x[0], y[0])).flat())
              : a.size,
        ),
        g.adds,
      ]);
    },
  };
}
