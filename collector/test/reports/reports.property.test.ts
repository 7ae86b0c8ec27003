/**
 * Pages, paths, events, vitals and bots equal brute-force computations over the raw events
 * they were built from, for random traffic, spans, bot sides and filters.
 */
import { describe, expect, it } from 'vitest';
import { botsReport } from '../../src/reports/bots.js';
import { eventsReport } from '../../src/reports/events.js';
import { pagesReport } from '../../src/reports/pages.js';
import { pathsReport } from '../../src/reports/paths.js';
import { vitalsReport } from '../../src/reports/vitals.js';
import {
  botSplitOf,
  eventCountsOf,
  lengthsOf,
  pagesOf,
  sectionViewsOf,
  transitionsOf,
  vitalsOf,
} from './utils/bruteForcePages.js';
import { assertAgainstTraffic } from './utils/assertAgainstTraffic.js';
import { toParams } from './utils/scopeArbitrary.js';

/** docs/reports.md: session lengths of 1, 2, 3–5, 6–10, 11+ pages. */
const SESSION_LENGTHS = [
  [1, 1],
  [2, 2],
  [3, 5],
  [6, 10],
  [11, Infinity],
] as const;
const byKey = <T>(rows: T[], key: (t: T) => string) => new Map(rows.map((r) => [key(r), r]));

describe('pages, paths, events, vitals and bots reports (property)', () => {
  it('equal brute force over the raw events', async () => {
    await assertAgainstTraffic(async (storage, sessions, scope, now) => {
      const params = toParams(scope);

      const pages = await pagesReport.run(storage, params);
      const expectedPages = pagesOf(sessions, scope, now).filter((p) => p.views > 0);
      expect(byKey(pages.pages, (p) => p.path)).toEqual(
        byKey(
          expectedPages.map(({ exits, ...p }) => ({
            ...p,
            exit_rate: p.views > 0 ? Math.round((exits / p.views) * 10_000) / 10_000 : null,
          })),
          (p) => p.path,
        ),
      );

      expect(
        new Map(
          pages.sections.flatMap((sec) =>
            sec.days.filter((d) => d.views > 0).map((d) => [`${sec.section}|${d.date}`, d.views]),
          ),
        ),
      ).toEqual(sectionViewsOf(sessions, scope, now));

      const paths = await pathsReport.run(storage, params);
      const transitions = transitionsOf(sessions, scope, now);
      expect(new Map(paths.transitions.map((t) => [`${t.from}>${t.to}`, t.count]))).toEqual(transitions);
      const lengths = lengthsOf(sessions, scope, now);
      expect(paths.session_lengths.map((l) => l.sessions)).toEqual(
        SESSION_LENGTHS.map(([min, max]) => lengths.filter((n) => n >= min && n <= max).length),
      );

      const events = await eventsReport.run(storage, params);
      const counts = eventCountsOf(sessions, scope, now);
      expect(
        new Map(events.events.map((e) => [`${e.type}|${e.name}`, { count: e.count, sessions: e.sessions }])),
      ).toEqual(counts);

      const vitals = await vitalsReport.run(storage, params);
      for (const expected of vitalsOf(sessions, scope, now)) {
        const got = vitals.overall.find((v) => v.metric === expected.metric)!;
        expect(got.samples).toBe(expected.samples);
        expect(got.good).toBe(expected.good);
        expect(got.poor).toBe(expected.poor);
        if (expected.p75 === null) expect(got.p75).toBeNull();
        else {
          // Read from 2 %-wide buckets (exact units below 100), rounded for display.
          const unit = expected.metric === 'CLS' ? 0.001 : 1;
          expect(got.p75!).toBeLessThanOrEqual(expected.p75 + unit);
          expect(got.p75!).toBeGreaterThanOrEqual(expected.p75 / 1.02 - unit);
        }
      }

      const bots = await botsReport.run(storage, params);
      const split = botSplitOf(sessions, scope, now);
      expect(bots.totals.human).toEqual(split.human);
      expect(bots.totals.bot).toEqual(split.bot);
      // The generator knows the declared crawlers (`ua:`); the other families' findings depend
      // on scoring details of the random traffic, tested in test/scoring.
      const declared = bots.reasons.filter((r) => r.reason.startsWith('ua:'));
      expect(new Map(declared.map((r) => [r.reason, r.sessions]))).toEqual(split.reasons);
    }, 60);
  }, 120_000);
});
