/**
 * The errors report equals a grouping of the raw error events by message and top frame,
 * for random traffic, spans, bot sides and filters (page: errors on that page).
 */
import { describe, expect, it } from 'vitest';
import { errorsReport } from '../../src/reports/errors.js';
import { assertAgainstTraffic } from './utils/assertAgainstTraffic.js';
import { sessionDays } from './utils/bruteForce.js';
import { toParams } from './utils/scopeArbitrary.js';

describe('errors report (property)', () => {
  it('equals brute force over the raw events', async () => {
    await assertAgainstTraffic(async (storage, sessions, scope, now) => {
      const result = await errorsReport.run(storage, toParams(scope));
      // Under page=P: errors that happened on P, in any session of the side.
      const page = scope.filter?.[0] === 'page' ? scope.filter[1] : null;
      const views = sessionDays(sessions, page ? { ...scope, filter: null } : scope, now);
      const groups = new Map<
        string,
        {
          occurrences: number;
          sessions: Set<string>;
          users: Set<string>;
          first: number;
          last: number;
          paths: Map<string, number>;
        }
      >();
      for (const v of views) {
        for (const e of v.events) {
          if (e.type !== 'error' || (page && e.path !== page)) continue;
          const message = `boom ${e.value % 2}`;
          const g = groups.get(message) ?? {
            occurrences: 0,
            sessions: new Set(),
            users: new Set(),
            first: e.ts,
            last: e.ts,
            paths: new Map(),
          };
          g.occurrences += 1 + (e.value % 3);
          g.paths.set(e.path, (g.paths.get(e.path) ?? 0) + 1 + (e.value % 3));
          // Session-days, and users distinct per day and side (summed like visitors).
          g.sessions.add(`${v.s.id}|${v.day}`);
          if (v.s.user) g.users.add(`${v.s.user}|${v.day}|${v.s.isBot}`);
          g.first = Math.min(g.first, e.ts);
          g.last = Math.max(g.last, e.ts);
          groups.set(message, g);
        }
      }
      const got = new Map(result.errors.map((e) => [e.message, e]));
      expect([...got.keys()].sort()).toEqual([...groups.keys()].sort());
      for (const [message, g] of groups) {
        expect(got.get(message)).toMatchObject({
          occurrences: g.occurrences,
          sessions: g.sessions.size,
          users: g.users.size,
          first_seen: new Date(g.first).toISOString(),
          last_seen: new Date(g.last).toISOString(),
          // The five paths with the most occurrences (ties by path).
          paths: [...g.paths]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, 5)
            .map(([path]) => path),
        });
      }
      expect(result.totals.occurrences).toBe([...groups.values()].reduce((n, g) => n + g.occurrences, 0));
    }, 60);
  }, 120_000);
});
