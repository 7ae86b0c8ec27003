/**
 * A day's rollups written in chunks (rollups/planDayWrites.ts, one short transaction each)
 * leave exactly the new rows, whatever the old ones and the chunk size — keys in every corner
 * of SQLite's order (text beyond the Basic Multilingual Plane sorts otherwise in JavaScript)
 * — and the day's stale mark goes only with its generation. The key columns the chunks cut
 * by are the tables' primary keys.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { planDayWrites } from '../../src/rollups/planDayWrites.js';
import type { FullWork } from '../../src/rollups/refreshDay.js';
import {
  ROLLUP_COLUMNS,
  ROLLUP_KEYS,
  type DayRollups,
  type RollupTable,
  type RowChunk,
} from '../../src/rollups/types.js';
import { createLock } from '../../src/storage/createLock.js';
import { openDb, type Db } from '../../src/storage/sqlite/db.js';
import { migrations } from '../../src/storage/sqlite/migrations.js';
import { createSqliteRollupStore, DELETE_BATCH } from '../../src/storage/sqlite/rollupStore.js';

const TABLES = Object.keys(ROLLUP_COLUMNS) as RollupTable[];
const DAY = '2026-11-20';

const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

async function store() {
  const db = await openDb(':memory:');
  opened.push(db);
  for (const m of migrations) await db.exec(m.sql);
  return { db, rollups: createSqliteRollupStore(db, db, createLock(), null) };
}

/** A full rebuild's work: its chunks, no counted session-days. */
const full = (gen: number, chunks: RowChunk[]): FullWork => ({
  kind: 'full',
  gen,
  top: 0,
  chunks,
  counted: [],
});

const empty = (): DayRollups => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as DayRollups;

/** Page rows `[f, is_bot, path, …counters]`, one per distinct key. */
const text = fc.oneof(
  fc.constantFrom('', '/', 'a', 'page=/é', '\uE000', '\uFFFD', '😀', 'page=/😀', 'page=/\uE000', 'A'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const pageRows = fc
  .uniqueArray(fc.tuple(text, fc.constantFrom(0, 1), text), {
    maxLength: 40,
    selector: ([f, side, path]) => JSON.stringify([f, side, path]),
  })
  .map((keys) => keys.map(([f, side, path], i) => [f, side, path, i + 1, ...Array(13).fill(0)]));

async function pagesOf(db: Db): Promise<string[]> {
  const rows = await db.all<Record<string, unknown>>('SELECT * FROM ru_pages WHERE site = ? AND day = ?', [
    'demo',
    DAY,
  ]);
  return rows.map((r) => JSON.stringify([r.f, r.is_bot, r.path, r.views])).sort();
}

describe('chunked day writes', () => {
  it('leave exactly the new rows, for any old rows and chunk size', async () => {
    const { db, rollups } = await store();
    await fc.assert(
      fc.asyncProperty(
        pageRows,
        pageRows,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        async (before, after, k1, k2) => {
          await db.exec('DELETE FROM ru_pages; DELETE FROM rollup_dirty;');
          await db.run(`INSERT INTO rollup_dirty (site, day, gen) VALUES ('demo', ?, 1)`, [DAY]);
          await rollups.writeDayRollups(
            'demo',
            DAY,
            full(1, planDayWrites({ ...empty(), ru_pages: before }, k1)),
          );
          await db.run(`INSERT INTO rollup_dirty (site, day, gen) VALUES ('demo', ?, 2)`, [DAY]);
          await rollups.writeDayRollups(
            'demo',
            DAY,
            full(2, planDayWrites({ ...empty(), ru_pages: after }, k2)),
          );
          expect(await pagesOf(db)).toEqual(
            after.map(([f, side, path, views]) => JSON.stringify([f, side, path, views])).sort(),
          );
          expect(await db.all('SELECT * FROM rollup_dirty')).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('clear many more old rows than new ones over several transactions, and keep a newer mark', async () => {
    const { db, rollups } = await store();
    const many = Array.from({ length: 2 * DELETE_BATCH + 5 }, (_, i) => [
      '',
      0,
      `/p/${i}`,
      1,
      ...Array(13).fill(0),
    ]);
    await db.run(`INSERT INTO rollup_dirty (site, day, gen) VALUES ('demo', ?, 1)`, [DAY]);
    await rollups.writeDayRollups('demo', DAY, full(1, planDayWrites({ ...empty(), ru_pages: many })));
    expect((await pagesOf(db)).length).toBe(many.length);
    await db.run(`INSERT INTO rollup_dirty (site, day, gen) VALUES ('demo', ?, 3)`, [DAY]);
    const few = [['', 0, '/p/7', 2, ...Array(13).fill(0)]];
    // Read at generation 2: the day was marked again since, so its mark stays.
    await rollups.writeDayRollups('demo', DAY, full(2, planDayWrites({ ...empty(), ru_pages: few })));
    expect(await pagesOf(db)).toEqual([JSON.stringify(['', 0, '/p/7', 2])]);
    expect(await db.all('SELECT gen FROM rollup_dirty')).toEqual([{ gen: 3 }]);
  });

  it('cut by each table’s primary key', async () => {
    const { db } = await store();
    for (const table of TABLES) {
      const columns = await db.all<{ name: string; pk: number }>(`PRAGMA table_info(${table})`);
      const key = columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      expect([table, key]).toEqual([
        table,
        ['site', 'day', ...ROLLUP_COLUMNS[table].slice(0, ROLLUP_KEYS[table])],
      ]);
    }
  });
});
