/**
 * The problems report equals a brute-force computation over the raw events: totals and worst
 * pages under every filter, worst users and sessions (never filtered) and the affected
 * counts, for random traffic, any span of days and every bot side.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemsReport } from '../../src/reports/problems.js';
import type { ReportParams } from '../../src/reports/types.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { utcDate } from '../utils/utcDays.js';
import { sessionDays, type Scope } from './utils/bruteForce.js';
import {
  countEvent,
  noCounts,
  problemOf,
  sessionDayCounts,
  sumBy,
  type Counts,
} from './utils/bruteForceUsers.js';
import { seedTraffic } from './utils/seedTraffic.js';
import { DAYS_AGO, PATHS, trafficArbitrary } from './utils/trafficArbitrary.js';

const scopeArbitrary = fc.record({
  first: fc.integer({ min: 0, max: 2 }),
  length: fc.integer({ min: 1, max: 3 }),
  bots: fc.constantFrom('exclude', 'include', 'only'),
  filter: fc.constantFrom(
    null,
    ['device', 'mobile'],
    ['country', 'DE'],
    ['user', 'anonymous'],
    ['page', PATHS[1]],
  ),
});

/** `[id, counts]` with a score, worst first (ties by id), without the ones that scored 0. */
function worst(map: Map<string, Counts>, top: number) {
  return [...map]
    .map(([id, c]) => ({ id, c, score: problemOf(c) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, top);
}

const countsOf = (r: { errors: number; rage: number; dead: number; slow: number; score: number }) => [
  r.errors,
  r.rage,
  r.dead,
  r.slow,
  r.score,
];

describe('problems report (property)', () => {
  it('equals brute force over the raw events', async () => {
    const now = Date.now();
    await fc.assert(
      fc.asyncProperty(trafficArbitrary, scopeArbitrary, async (traffic, s) => {
        const storage = await createSqliteStorage(':memory:');
        try {
          await storage.migrate();
          const sessions = await seedTraffic(storage, traffic, now);
          const days = [0, 1, 2].slice(s.first, Math.min(3, s.first + s.length));
          const scope: Scope = { days, bots: s.bots as Scope['bots'], filter: s.filter as Scope['filter'] };
          const params: ReportParams = {
            site: 'demo',
            from: utcDate(DAYS_AGO[days[0]!]!, now),
            to: utcDate(DAYS_AGO[days[days.length - 1]!]!, now),
            bots: scope.bots,
          };
          if (scope.filter) Object.assign(params, { [scope.filter[0]]: scope.filter[1] });
          const result = await problemsReport.run(storage, params);

          // Filtered: totals and pages (a page's problems are the events on that path; under
          // page=P, the events on P of every session).
          const onPage = scope.filter?.[0] === 'page' ? scope.filter[1] : null;
          const filtered = sessionDays(sessions, onPage === null ? scope : { ...scope, filter: null }, now);
          const total = noCounts();
          const pages = new Map<string, Counts>();
          for (const v of filtered) {
            for (const e of v.events) {
              if (onPage !== null && e.path !== onPage) continue;
              countEvent(total, e);
              const page = pages.get(e.path) ?? noCounts();
              countEvent(page, e);
              pages.set(e.path, page);
            }
          }
          expect(countsOf(result.totals)).toEqual([
            total.errors,
            total.rage,
            total.dead,
            total.slow,
            problemOf(total),
          ]);
          expect(result.totals.pageviews).toBe(total.pageviews);
          expect(result.pages.map((p) => [p.path, p.views, ...countsOf(p)])).toEqual(
            worst(pages, 20).map((r) => [
              r.id,
              r.c.pageviews,
              r.c.errors,
              r.c.rage,
              r.c.dead,
              r.c.slow,
              r.score,
            ]),
          );
          expect(result.filter_applies_to).toEqual(scope.filter ? ['totals', 'pages'] : []);

          // Not filtered: users, sessions, affected counts.
          const dayNames = new Set(days.map((d) => utcDate(DAYS_AGO[d]!, now)));
          const all = sessionDayCounts(sessions, scope.bots, now, dayNames);
          const withProblems = all.filter((r) => problemOf(r.counts) > 0);
          expect(result.totals.sessions_affected).toBe(new Set(withProblems.map((r) => r.s.id)).size);
          expect(result.totals.users_affected).toBe(
            new Set(withProblems.filter((r) => r.s.user).map((r) => r.s.user)).size,
          );
          const users = sumBy(all, (r) => r.s.user);
          expect(result.users.map((u) => [u.user, u.sessions, ...countsOf(u)])).toEqual(
            worst(users, 20).map((r) => [
              r.id,
              r.c.sessions,
              r.c.errors,
              r.c.rage,
              r.c.dead,
              r.c.slow,
              r.score,
            ]),
          );
          const bySession = sumBy(all, (r) => r.s.id);
          const problemDays = (id: string) =>
            withProblems
              .filter((r) => r.s.id === id)
              .map((r) => r.day)
              .sort();
          expect(
            result.sessions.map((x) => [x.session, x.user, x.first_day, x.last_day, ...countsOf(x)]),
          ).toEqual(
            worst(bySession, 20).map((r) => {
              const s = sessions.find((x) => x.id === r.id)!;
              const d = problemDays(r.id);
              return [r.id, s.user, d[0], d[d.length - 1], r.c.errors, r.c.rage, r.c.dead, r.c.slow, r.score];
            }),
          );
        } finally {
          await storage.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
