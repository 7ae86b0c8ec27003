/**
 * A crawler's session — 10,000 distinct URLs in one session-day — beside random traffic: its
 * rollup rows grow with its events, not their square (a `page=` filter row per URL for every
 * URL made 100M rows of it), and the reports still equal brute force over the raw events.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateDay } from '../../src/rollups/aggregateDay.js';
import type { DayFacts, EventFact } from '../../src/rollups/types.js';
import { overviewReport } from '../../src/reports/overview.js';
import { pagesReport, TOP_PAGES } from '../../src/reports/pages.js';
import { pathsReport } from '../../src/reports/paths.js';
import { problemsReport } from '../../src/reports/problems.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { overviewTotals, type Scope } from './utils/bruteForce.js';
import { pagesOf, transitionsOf } from './utils/bruteForcePages.js';
import { toParams } from './utils/scopeArbitrary.js';
import { seedTraffic } from './utils/seedTraffic.js';
import { PATHS, trafficArbitrary, type GenEvent, type GenSession } from './utils/trafficArbitrary.js';

const URLS = 10_000;
const crawled = (i: number) => `/crawl/${i}`;

/** Pageviews of `urls` distinct URLs over most of one day, with a click and an error now and then. */
function crawler(urls: number, day: number, bot: boolean): GenSession {
  const events: GenEvent[] = [];
  const add = (e: Omit<GenEvent, 'index' | 'day' | 'visitor' | 'name'>) =>
    events.push({ ...e, day, visitor: 'v-crawler', name: 'LCP', index: events.length });
  for (let i = 0; i < urls; i += 1) {
    const minute = Math.floor((i * 1200) / urls);
    add({ type: 'pageview', minute, path: crawled(i), value: 0, flag: false });
    if (i % 97 === 0) add({ type: 'click', minute, path: crawled(i), value: i, flag: true });
    if (i % 89 === 0) add({ type: 'error', minute, path: crawled(i), value: i, flag: false });
  }
  return {
    id: 'crawler',
    bot,
    user: null,
    device: 'desktop',
    country: 'DE',
    referrerDomain: 'a.example',
    events,
  };
}

/** Rows of one day that holds only the crawler's session (every session filter it can match). */
function crawlerRows(urls: number): { events: number; rows: number } {
  const start = Date.parse('2026-11-02T00:00:00Z');
  // Spread over the same 20 hours whatever the number of URLs.
  const events: EventFact[] = Array.from({ length: urls }, (_, i) => ({
    type: 'pageview',
    ts: start + Math.floor((i * 72_000_000) / urls),
    session: 'c',
    visitor: 'v',
    path: crawled(i),
    name: null,
    data: null,
    pv: null,
    id: `c${i}`,
  }));
  const facts: DayFacts = {
    site: 'demo',
    day: '2026-11-02',
    events,
    sessions: [
      {
        session: 'c',
        isBot: 1,
        user: null,
        device: 'desktop',
        browser: 'Chrome',
        os: 'Linux',
        country: 'DE',
        referrerDomain: 'a.example',
        channel: 'referral',
        utmSource: 'x',
        utmMedium: 'y',
        utmCampaign: 'z',
        pageviews: urls,
        firstTs: start,
        lastTs: start + 72_000_000,
        botReasons: ['ua:crawler', 'rate:burst'],
        userAgent: 'Googlebot',
      },
    ],
  };
  const rows = Object.values(aggregateDay(facts)).reduce((n, table) => n + table.length, 0);
  return { events: urls, rows };
}

describe('a crawler session of 10,000 distinct URLs', () => {
  it('makes rollup rows in proportion to its events', () => {
    const half = crawlerRows(URLS / 2);
    const full = crawlerRows(URLS);
    // Twice the URLs, twice the rows (a square would make four times as many); and a
    // fixed number per event: its session rows under each page filter, the page's own
    // rows, its transitions.
    expect(full.rows / half.rows).toBeLessThan(2.1);
    expect(full.rows / full.events).toBeLessThan(40);
  }, 60_000);

  it('leaves the reports equal to brute force', async () => {
    const now = Date.now();
    const scopes = fc.record({
      bots: fc.constantFrom('exclude', 'include', 'only'),
      filter: fc.constantFrom(
        null,
        ['page', crawled(4321)],
        ['page', crawled(0)],
        ['page', PATHS[0]],
        ['device', 'desktop'],
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        trafficArbitrary,
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        scopes,
        async (traffic, day, bot, s) => {
          const storage = await createSqliteStorage(':memory:');
          try {
            await storage.migrate();
            const sessions = await seedTraffic(storage, [...traffic, crawler(URLS, day, bot)], now);
            const scope: Scope = {
              days: [0, 1, 2],
              bots: s.bots as Scope['bots'],
              filter: s.filter as Scope['filter'],
            };
            const params = toParams(scope);

            // Pages: the top pages by views (then path), each equal to its brute-force row.
            const pages = await pagesReport.run(storage, params);
            const expectedPages = pagesOf(sessions, scope, now);
            const views = expectedPages
              .filter((p) => p.views > 0)
              .sort((a, b) => b.views - a.views || (a.path < b.path ? -1 : 1))
              .slice(0, TOP_PAGES);
            expect(pages.pages.map((p) => p.path)).toEqual(views.map((p) => p.path));
            // Each row as brute force has it under the same scope (a device filter stays on).
            for (const row of pages.pages) {
              const expected = expectedPages.find((p) => p.path === row.path);
              const { exits, ...rest } = expected!;
              expect(row).toEqual({ ...rest, exit_rate: Math.round((exits / rest.views) * 10_000) / 10_000 });
            }

            // Transitions: every one listed has its brute-force count, and none left out has more.
            const paths = await pathsReport.run(storage, params);
            const transitions = transitionsOf(sessions, scope, now);
            for (const t of paths.transitions) expect(t.count).toBe(transitions.get(`${t.from}>${t.to}`));
            const listed = new Set(paths.transitions.map((t) => `${t.from}>${t.to}`));
            const least = Math.min(...paths.transitions.map((t) => t.count));
            for (const [key, count] of transitions)
              if (!listed.has(key)) expect(count).toBeLessThanOrEqual(least);
            expect(paths.transitions.length).toBe(Math.min(transitions.size, 50));

            const overview = await overviewReport.run(storage, params);
            const totals = overviewTotals(sessions, scope, now);
            expect(overview.totals).toMatchObject({
              visitors: totals.visitors,
              sessions: totals.sessions,
              pageviews: totals.pageviews,
            });
            expect(overview.heatmap.reduce((n, c) => n + c.pageviews, 0)).toBe(totals.pageviews);

            const problems = await problemsReport.run(storage, params);
            expect(problems.totals.pageviews).toBe(expectedPages.reduce((n, p) => n + p.views, 0));
          } finally {
            await storage.close();
          }
        },
      ),
      // No shrinking: each run seeds a 10,000-URL crawler, and shrinking a failure would run
      // past the timeout instead of reporting it.
      { numRuns: 3, endOnFailure: true },
    );
  }, 300_000);
});
