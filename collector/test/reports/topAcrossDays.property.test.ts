/**
 * topAcrossDays answers what the plain GROUP BY answers, whether it stops after the
 * candidates or falls back: tiny `k` on random traffic forces both ways.
 */
import { describe, expect, it } from 'vitest';
import { resolveScope, rollupBase } from '../../src/reports/scope.js';
import { topAcrossDays, topOfOneDayGroups, type TopQuery } from '../../src/reports/topAcrossDays.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { plainTopTransitions } from '../utils/plainTopTransitions.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { assertAgainstTraffic } from './utils/assertAgainstTraffic.js';
import { toParams } from './utils/scopeArbitrary.js';
import { insertEvents } from '../utils/insertEvents.js';

/** A store with `times` sessions going `from` → `to` on each of `[daysAgo, from, to, times]`. */
async function withTransitions(
  pairs: [number, string, string, number][],
  check: (storage: Storage, base: TopQuery) => Promise<void>,
): Promise<void> {
  const storage = await createSqliteStorage(':memory:');
  try {
    await storage.migrate();
    await storage.ensureSites(['demo']);
    const rows = [];
    for (const [day, from, to, times] of pairs) {
      for (let i = 0; i < times; i += 1) {
        const ts = utcMidnight(day) + 3_600_000 + i * 60_000;
        const session = `d${day}${from}${i}`;
        rows.push(
          makeEventRow({ ts, session, path: from }),
          makeEventRow({ ts: ts + 1000, session, path: to }),
        );
      }
    }
    await insertEvents(storage, rows);
    await storage.refreshRollups();
    const scope = resolveScope({ site: 'demo', from: utcDate(2), to: utcDate(1), bots: 'include' }, 30);
    await check(storage, { ...rollupBase(scope), table: 'ru_transitions' });
  } finally {
    await storage.close();
  }
}

const byPair = { key: ['from_path', 'to_path'], rank: 'count', n: 1 };

describe('topAcrossDays', () => {
  it('finds a group that is never first on a day but first over the days', async () => {
    // Day 1: /a→/b 3 times, /c→/d twice; day 2: /e→/f 3 times, /c→/d twice.
    const pairs: [number, string, string, number][] = [
      [1, '/a', '/b', 3],
      [1, '/c', '/d', 2],
      [2, '/e', '/f', 3],
      [2, '/c', '/d', 2],
    ];
    await withTransitions(pairs, async (storage, base) => {
      for (const k of [1, 2])
        expect(await topAcrossDays(storage, base, { ...byPair, k })).toEqual([
          { from_path: '/c', to_path: '/d', count: 4 },
        ]);
    });
  });

  it('keeps a candidate read on one day only when what it may add elsewhere can lift it', async () => {
    // Day 2 (k = 2 cuts it at /c→/d, 9): /a→/b 10, /c→/d 9, /e→/f 8; day 1: /e→/f 5.
    const pairs: [number, string, string, number][] = [
      [2, '/a', '/b', 10],
      [2, '/c', '/d', 9],
      [2, '/e', '/f', 8],
      [1, '/e', '/f', 5],
    ];
    await withTransitions(pairs, async (storage, base) => {
      expect(await topAcrossDays(storage, base, { ...byPair, k: 2 })).toEqual([
        { from_path: '/e', to_path: '/f', count: 13 },
      ]);
    });
  });
});

describe('topOfOneDayGroups', () => {
  it('takes the sessions of a day that tie at its cut in id order', async () => {
    // Day 2: c, b, a with one error each (score 3); day 1: d with two (6). n = 2 reads two
    // of day 2: a and b, as the answer orders ties (an index walk alone gives c and b).
    const storage = await createSqliteStorage(':memory:');
    try {
      await storage.migrate();
      await storage.ensureSites(['demo']);
      const error = (day: number, session: string, i: number) =>
        makeEventRow({
          ts: utcMidnight(day) + 3_600_000 + i * 1000,
          session,
          type: 'error',
          data: JSON.stringify({ kind: 'error', message: `m${i}` }),
        });
      await insertEvents(storage, [
        ...['c', 'b', 'a'].flatMap((session, i) => [
          makeEventRow({ ts: utcMidnight(2) + 3_000_000 + i, session }),
          error(2, session, i),
        ]),
        makeEventRow({ ts: utcMidnight(1) + 3_600_000, session: 'd' }),
        error(1, 'd', 1),
        error(1, 'd', 2),
      ]);
      await storage.refreshRollups();
      const base = {
        ...rollupBase(resolveScope({ site: 'demo', from: utcDate(2), to: utcDate(1), bots: 'include' }, 30)),
        table: 'ru_problem_sessions' as const,
      };
      const top = await topOfOneDayGroups(storage, base, {
        key: ['session_id'],
        rank: 'score',
        oneDay: 'single',
        n: 2,
      });
      expect(top).toEqual([
        { session_id: 'd', score: 6 },
        { session_id: 'a', score: 3 },
      ]);
    } finally {
      await storage.close();
    }
  });
});

describe('topAcrossDays (property)', () => {
  it('equals the full GROUP BY … ORDER BY … LIMIT for any k and n (sessions: any n)', async () => {
    let early = 0;
    let fallback = 0;
    await assertAgainstTraffic(async (storage, _sessions, scope) => {
      const base = { ...rollupBase(resolveScope(toParams(scope), 30)), table: 'ru_transitions' as const };
      for (const [n, k] of [
        [1, 1],
        [3, 1],
        [3, 2],
        [5, 20],
      ] as const) {
        let calls = 0;
        const counted: Storage = {
          ...storage,
          queryRollup: (q) => {
            calls += 1;
            return storage.queryRollup(q);
          },
        };
        const got = await topAcrossDays(counted, base, {
          key: ['from_path', 'to_path'],
          rank: 'count',
          n,
          k,
        });
        const expected = await plainTopTransitions(storage, base, n);
        expect(got).toEqual(expected);
        if (calls === 2) early += 1;
        if (calls === 3) fallback += 1;
      }
      // Sessions with problems: mostly within one day, flat scores.
      const sessions = { ...base, table: 'ru_problem_sessions' as const };
      const options = {
        key: ['session_id'],
        rank: 'score',
        sums: ['errors', 'rage'],
        min: ['day'],
        max: ['day', 'user_id'],
      };
      for (const n of [1, 2, 3]) {
        const got = await topOfOneDayGroups(storage, sessions, { ...options, oneDay: 'single', n });
        const expected = await storage.queryRollup({
          ...sessions,
          groupBy: ['session_id'],
          sum: ['score', 'errors', 'rage'],
          min: ['day'],
          max: ['day', 'user_id'],
          orderBy: [
            { column: 'score', desc: true },
            { column: 'session_id', desc: false },
          ],
          limit: n,
        });
        expect(got).toEqual(expected);
      }
    }, 60);
    // Both ways were taken: k = 20 never cuts a day of this small traffic, k = 1 often does.
    expect(early).toBeGreaterThan(0);
    expect(fallback).toBeGreaterThan(0);
  }, 120_000);
});
