/** coverPeriod: which trailing rows and daily rows add up to a period; refreshTrails' guard. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/time.js';
import { eachDay } from '../../src/lib/period.js';
import { createLock, type Lock } from '../../src/storage/createLock.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { openDb } from '../../src/storage/sqlite/db.js';
import { coverPeriod, refreshTrails, USER_TRAILS } from '../../src/storage/sqlite/trails.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

const start = '2026-01-01';
const period = (n: number) => eachDay(start, addDays(start, n - 1));
const day = (i: number) => addDays(start, i - 1);
const SPANS = USER_TRAILS.spans;
const allFresh = (days: string[]) => new Map(days.map((d) => [d, true]));

describe('coverPeriod', () => {
  it('takes 30 days of fresh rows as one trailing row', () => {
    expect(coverPeriod(period(30), allFresh(period(30)), SPANS)).toEqual({
      trails: [[30, day(30)]],
      days: [],
    });
  });

  it('takes the longest span that fits from the end, then shorter ones, then days', () => {
    expect(coverPeriod(period(40), allFresh(period(40)), SPANS)).toEqual({
      trails: [
        [30, day(40)],
        [7, day(10)],
      ],
      days: [day(3), day(2), day(1)],
    });
  });

  it('reads a stale day from its daily rows and goes on before it', () => {
    const known = allFresh(period(31));
    known.set(day(31), false);
    expect(coverPeriod(period(31), known, SPANS)).toEqual({ trails: [[30, day(30)]], days: [day(31)] });
  });

  it('needs nothing for days without rows, and lets a span start or reach over them', () => {
    // Rows on days 1–5 and 12 of 12: day 12's 7-day span covers 6–12 (6–11 hold nothing).
    const known = new Map([1, 2, 3, 4, 5, 12].map((i) => [day(i), true]));
    expect(coverPeriod(period(12), known, SPANS)).toEqual({
      trails: [[7, day(12)]],
      days: [day(5), day(4), day(3), day(2), day(1)],
    });
    expect(coverPeriod(period(12), new Map(), SPANS)).toEqual({ trails: [], days: [] });
  });
});

describe('refreshTrails', () => {
  it('leaves a day stale when a day of its site was written while its rows were computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sightline-trails-'));
    const file = join(dir, 'store.db');
    const storage = await createSqliteStorage(file);
    const writer = await openDb(file);
    const reader = await openDb(file);
    try {
      await storage.migrate();
      await storage.ensureSites(['demo']);
      await insertEvents(storage, [
        makeEventRow({ ts: utcMidnight(2) + 3_600_000, session: 's1', user: 'u1', path: '/a' }),
        makeEventRow({ ts: utcMidnight(2) + 3_601_000, session: 's1', user: 'u1', path: '/b' }),
      ]);
      await storage.refreshRollups();
      await writer.run('UPDATE ru_user_days SET fresh = 0');
      await writer.run('UPDATE ru_transition_days SET fresh = 0');
      const stale = async () =>
        (await writer.get<{ n: number }>(
          `SELECT (SELECT count(*) FROM ru_user_days WHERE fresh = 0) + (SELECT count(*) FROM ru_transition_days WHERE fresh = 0) AS n`,
        ))!.n;
      const lock = createLock();
      const base = { writer, reader, withWriteLock: lock, readLock: ((work) => work()) as Lock };
      // Every look at the count of writes sees a new one: nothing may be written.
      let writes = 0;
      expect(await refreshTrails({ ...base, writesOf: () => (writes += 1) })).toBe(0);
      expect(await stale()).toBe(2);
      expect(await refreshTrails({ ...base, writesOf: () => 7 })).toBe(2);
      expect(await stale()).toBe(0);
    } finally {
      await reader.close();
      await writer.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
