/**
 * Overview: pageviews, visitors and sessions per UTC day, and their totals. One storage call
 * (the daily rollup), whatever the span or the traffic.
 *
 * Visitors are cookieless daily uniques (see privacy/createVisitorHasher.ts): the total is
 * the sum of each day's uniques, because the same person cannot be recognised across days.
 */
import { eachDay, parsePeriod, periodDays } from '../lib/period.js';
import { reportHeaderProperties, type Report, type ReportParams } from './types.js';

export const OVERVIEW_DEFAULT_DAYS = 30;

export interface OverviewDay {
  date: string;
  pageviews: number;
  visitors: number;
  sessions: number;
}

export interface OverviewResult {
  site: string;
  from: string;
  to: string;
  bots: ReportParams['bots'];
  totals: { pageviews: number; visitors: number; sessions: number };
  series: OverviewDay[];
}

export const overviewResponse = {
  type: 'object',
  properties: {
    ...reportHeaderProperties,
    totals: {
      type: 'object',
      properties: {
        pageviews: { type: 'integer' },
        visitors: { type: 'integer' },
        sessions: { type: 'integer' },
      },
    },
    series: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          date: { type: 'string' },
          pageviews: { type: 'integer' },
          visitors: { type: 'integer' },
          sessions: { type: 'integer' },
        },
      },
    },
  },
} as const;

export const overviewReport: Report<OverviewResult> = {
  name: 'overview',
  response: overviewResponse,
  async run(storage, params) {
    const { fromDay, toDay } = periodDays(parsePeriod(params.from, params.to, OVERVIEW_DEFAULT_DAYS));
    const rows = await storage.getDailyTotals({ site: params.site, fromDay, toDay, bots: params.bots });
    const byDay = new Map(rows.map((r) => [r.day, r]));
    const series = eachDay(fromDay, toDay).map((date) => {
      const r = byDay.get(date);
      return { date, pageviews: r?.pageviews ?? 0, visitors: r?.visitors ?? 0, sessions: r?.sessions ?? 0 };
    });
    const totals = { pageviews: 0, visitors: 0, sessions: 0 };
    for (const d of series) {
      totals.pageviews += d.pageviews;
      totals.visitors += d.visitors;
      totals.sessions += d.sessions;
    }
    return { site: params.site, from: fromDay, to: toDay, bots: params.bots, totals, series };
  },
  csv: {
    columns: ['date', 'pageviews', 'visitors', 'sessions'],
    rows: (result) => result.series as unknown as Record<string, unknown>[],
  },
};
