/**
 * A day's rollup rows cut into chunks a driver can write one short transaction at a time, so
 * that replacing a big day (a crawler's, a day of a million events) never holds the store's
 * one writer for long: ingest commits between chunks. Each chunk is a key range of one table
 * — from its first row's key up to the next chunk's first key — and replaces exactly the old
 * rows in that range, so a report read between two chunks sees every key once, old or new.
 * Rows are sorted in the order the store sorts keys (SQLite: numbers by value, text in UTF-8
 * byte order).
 */
import {
  ROLLUP_COLUMNS,
  ROLLUP_KEYS,
  type DayRollups,
  type RollupRow,
  type RollupTable,
  type RowChunk,
} from './types.js';

export type { RowChunk };

/** Rows per chunk: a few milliseconds of writing. */
export const CHUNK_ROWS = 2000;

// UTF-16 order equals UTF-8 byte order unless a surrogate meets a code unit above it.
const ABOVE_BMP_ORDER = /[\uD800-\uFFFF]/;

function compareText(a: string, b: string): number {
  if (ABOVE_BMP_ORDER.test(a) || ABOVE_BMP_ORDER.test(b))
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(width: number) {
  return (x: RollupRow, y: RollupRow): number => {
    for (let i = 0; i < width; i += 1) {
      const a = x[i]!;
      const b = y[i]!;
      if (a === b) continue;
      const order =
        typeof a === 'string' && typeof b === 'string'
          ? compareText(a, b)
          : typeof a === 'number' && typeof b === 'number'
            ? a - b
            : // SQLite: NULL < numbers < text.
              rank(a) - rank(b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

const rank = (v: string | number | null) => (v === null ? 0 : typeof v === 'number' ? 1 : 2);

/**
 * Every table gets at least one chunk: an empty one (from null to null) clears the day's old
 * rows of that table.
 */
export function planDayWrites(rows: DayRollups, chunkRows = CHUNK_ROWS): RowChunk[] {
  const out: RowChunk[] = [];
  for (const table of Object.keys(ROLLUP_COLUMNS) as RollupTable[]) {
    const width = ROLLUP_KEYS[table];
    const sorted = [...rows[table]].sort(compareKeys(width));
    const starts: number[] = [];
    for (let i = 0; i < sorted.length; i += chunkRows) starts.push(i);
    if (starts.length === 0) starts.push(0);
    starts.forEach((start, i) => {
      const next = starts[i + 1];
      const part = sorted.slice(start, next ?? sorted.length);
      out.push({
        table,
        json: JSON.stringify(part),
        rows: part.length,
        from: i === 0 ? null : sorted[start]!.slice(0, width),
        to: next === undefined ? null : sorted[next]!.slice(0, width),
      });
    });
  }
  return out;
}
