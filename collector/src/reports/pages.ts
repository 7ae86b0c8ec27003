/**
 * Pages: per path — views, unique visitors (daily uniques summed), average engaged time per
 * page view with engagement, average of each view's deepest scroll, average load time, exit
 * rate (exits / views), entries; a section × day heatmap of views by path prefix
 * (`sections=/blog,/docs`, default: the first path segment of the top pages); and "unused"
 * pages: seen in the `UNUSED_LOOKBACK_DAYS` before the period's end but viewed at most
 * `UNUSED_MAX_VIEWS` times in the period. Three rollup reads, side by side.
 */
import { InvalidQueryError } from '../errors.js';
import { eachDay } from '../lib/period.js';
import { firstSegment } from '../lib/pathSegment.js';
import { ROLLUP_COLUMNS } from '../rollups/types.js';
import { int, list, nullableNum, str } from './jsonSchema.js';
import { ratio, resolveScope, rollupBase, scopeHeader, scopeHeaderProperties } from './scope.js';
import type { PageRow, PagesResult } from './answers.js';
export type { PageRow, PagesResult } from './answers.js';
import type { Report } from './types.js';

export const PAGES_DEFAULT_DAYS = 30;
export const TOP_PAGES = 100;
export const UNUSED_LOOKBACK_DAYS = 90;
export const UNUSED_MAX_VIEWS = 1;
export const MAX_SECTIONS = 20;

interface PageSums {
  path: string;
  views: number;
  visitors: number;
  entries: number;
  exits: number;
  engaged_ms: number;
  engaged_n: number;
  scroll_sum: number;
  scroll_n: number;
  load_ms: number;
  load_n: number;
}
const PAGE_SUMS = [
  'views',
  'visitors',
  'entries',
  'exits',
  'engaged_ms',
  'engaged_n',
  'scroll_sum',
  'scroll_n',
  'load_ms',
  'load_n',
];

const avg = (sum: number, n: number, digits = 0): number | null =>
  n > 0 ? Math.round((sum / n) * 10 ** digits) / 10 ** digits : null;

function toPageRow(p: PageSums): PageRow {
  return {
    path: p.path,
    views: p.views,
    visitors: p.visitors,
    entries: p.entries,
    exit_rate: ratio(p.exits, p.views),
    avg_engaged_s: p.engaged_n > 0 ? Math.round(p.engaged_ms / p.engaged_n / 100) / 10 : null,
    avg_scroll_pct: avg(p.scroll_sum, p.scroll_n, 1),
    avg_load_ms: avg(p.load_ms, p.load_n),
  };
}

function parseSections(text: string | undefined): string[] | null {
  if (!text) return null;
  const prefixes = [
    ...new Set(
      text
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
  if (prefixes.length > MAX_SECTIONS || prefixes.some((p) => !p.startsWith('/'))) {
    throw new InvalidQueryError(`sections: up to ${MAX_SECTIONS} path prefixes starting with /`);
  }
  return prefixes;
}

const DAY_MS = 86_400_000;

export const pagesReport: Report<PagesResult> = {
  name: 'pages',
  response: {
    type: 'object',
    properties: {
      ...scopeHeaderProperties,
      pages: list({
        path: str,
        views: int,
        visitors: int,
        entries: int,
        exit_rate: nullableNum,
        avg_engaged_s: nullableNum,
        avg_scroll_pct: nullableNum,
        avg_load_ms: nullableNum,
      }),
      sections: list({ section: str, views: int, days: list({ date: str, views: int }) }),
      unused: list({ path: str, views: int, lookback_views: int, last_seen: str }),
    },
  },
  async run(storage, params) {
    const scope = resolveScope(params, PAGES_DEFAULT_DAYS);
    const base = rollupBase(scope);
    const end = Date.parse(`${scope.toDay}T00:00:00Z`);
    const lookback = eachDay(
      new Date(end - (UNUSED_LOOKBACK_DAYS - 1) * DAY_MS).toISOString().slice(0, 10),
      scope.toDay,
    );
    const given = parseSections(params.sections);
    const byDay = { ...base, table: 'ru_pages' as const, groupBy: ['day'], sum: ['views'] };
    const [pages, known, sectioned] = await Promise.all([
      storage.queryRollup<PageSums>({
        ...base,
        table: 'ru_pages',
        groupBy: ['path'],
        sum: PAGE_SUMS,
        orderBy: [
          { column: 'views', desc: true },
          { column: 'path', desc: false },
        ],
      }),
      storage.queryRollup<{ path: string; views: number; max_day: string }>({
        ...base,
        days: lookback,
        table: 'ru_pages',
        groupBy: ['path'],
        sum: ['views'],
        max: ['day'],
      }),
      // Given sections are matched in SQL. The default ones are first segments of the top
      // pages, not known yet: views per first segment and day are read beside them.
      given
        ? given.length === 0
          ? []
          : storage.queryRollup<{ section: string; day: string; views: number }>({
              ...byDay,
              sections: { column: 'path', prefixes: given },
            })
        : storage.queryRollup<{ segment: string; day: string; views: number }>({
            ...base,
            table: 'ru_segments',
            groupBy: ['segment', 'day'],
            sum: ['views'],
          }),
    ]);
    const prefixes =
      given ??
      [...new Set(pages.slice(0, TOP_PAGES).map((p) => firstSegment(p.path)))].slice(0, MAX_SECTIONS);
    // A path's longest matching prefix among first segments is its own, or else `/`.
    const listed = new Set(prefixes);
    const views = new Map<string, number>();
    for (const r of sectioned) {
      const section =
        'section' in r ? r.section : listed.has(r.segment) ? r.segment : listed.has('/') ? '/' : null;
      if (section === null) continue;
      const key = `${section}\u0000${r.day}`;
      views.set(key, (views.get(key) ?? 0) + r.views);
    }
    const inPeriod = new Map(pages.map((p) => [p.path, p.views]));
    return {
      ...scopeHeader(scope),
      pages: pages
        .filter((p) => p.views > 0)
        .slice(0, TOP_PAGES)
        .map(toPageRow),
      sections: prefixes
        .map((section) => {
          const days = scope.days.map((date) => ({ date, views: views.get(`${section}\u0000${date}`) ?? 0 }));
          return { section, days, views: days.reduce((n, d) => n + d.views, 0) };
        })
        .sort((a, b) => b.views - a.views || a.section.localeCompare(b.section)),
      unused: known
        .map((k) => ({
          path: k.path,
          views: inPeriod.get(k.path) ?? 0,
          lookback_views: k.views,
          last_seen: k.max_day,
        }))
        .filter((u) => u.views <= UNUSED_MAX_VIEWS)
        .sort((a, b) => b.lookback_views - a.lookback_views || a.path.localeCompare(b.path))
        .slice(0, TOP_PAGES),
    };
  },
  csv: {
    columns: [
      'path',
      'views',
      'visitors',
      'entries',
      'exit_rate',
      'avg_engaged_s',
      'avg_scroll_pct',
      'avg_load_ms',
    ],
    rows: (result) => result.pages as unknown as Record<string, unknown>[],
  },
};
