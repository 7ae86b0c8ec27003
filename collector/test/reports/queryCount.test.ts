/**
 * Every report makes the same storage calls on a small store and on one with 30× the days,
 * 20× the sessions, users and pages: no query per user, day or page (N+1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../src/reports/index.js';
import type { ReportParams } from '../../src/reports/types.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';
import { countStorageCalls } from '../utils/countStorageCalls.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

async function seed(days: number, sessionsPerDay: number): Promise<Storage> {
  const storage = await createSqliteStorage(':memory:');
  await storage.migrate();
  await storage.ensureSites(['demo']);
  const rows = [];
  for (let day = 1; day <= days; day += 1) {
    for (let s = 0; s < sessionsPerDay; s += 1) {
      const base = { session: `d${day}-s${s}`, visitor: `v${s}`, user: s % 2 ? `u${s}` : null };
      const ts = utcMidnight(day) + s * 60_000;
      rows.push(makeEventRow({ ...base, ts, path: `/p${s}`, url: `https://e.x/p${s}` }));
      rows.push(makeEventRow({ ...base, ts: ts + 1, path: `/q${s}`, url: `https://e.x/q${s}` }));
      rows.push(
        makeEventRow({ ...base, ts: ts + 2, type: 'click', data: JSON.stringify({ kind: 'link', rage: 3 }) }),
      );
      rows.push(
        makeEventRow({
          ...base,
          ts: ts + 3,
          type: 'vital',
          name: 'LCP',
          data: JSON.stringify({ value: 1000 + s }),
        }),
      );
      rows.push(
        makeEventRow({
          ...base,
          ts: ts + 4,
          type: 'error',
          data: JSON.stringify({ kind: 'error', message: `m${s}`, count: 1 }),
        }),
      );
    }
  }
  await insertEvents(storage, rows);
  await storage.refreshRollups();
  return storage;
}

let small: Storage;
let large: Storage;
beforeAll(async () => {
  small = await seed(1, 2);
  large = await seed(30, 40);
}, 60_000);
afterAll(async () => {
  await small.close();
  await large.close();
});

const VARIANTS: [string, Partial<ReportParams>][] = [
  ['plain', {}],
  ['compare=previous', { compare: 'previous' }],
  ['a page filter', { page: '/p1' }],
  ['bots=include', { bots: 'include' }],
];

describe.each(Object.keys(reports))('%s report', (name) => {
  it.each(VARIANTS)('makes the same storage calls whatever the data size (%s)', async (_label, extra) => {
    const params: ReportParams = {
      site: 'demo',
      from: utcDate(30),
      to: utcDate(0),
      bots: 'exclude',
      ...extra,
    };
    const report = reports[name]!;
    const a = countStorageCalls(small);
    const b = countStorageCalls(large);
    await report.run(a.storage, params);
    await report.run(b.storage, params);
    expect(b.calls).toEqual(a.calls);
    expect(Object.values(b.calls).reduce((n, c) => n + c, 0)).toBeLessThanOrEqual(12);
  });
});
