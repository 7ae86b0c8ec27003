/**
 * Overview: visitors (cookieless daily uniques, summed over days), sessions, pageviews, views
 * per session, bounce rate, average and median session duration, engaged time; a series by
 * day or hour; the previous period; a day-of-week × hour heatmap; breakdowns by device,
 * browser, OS, source, channel, UTM, country and logged-in/anonymous; the human/bot split.
 * Six rollup reads (eight with `compare=previous`), whatever the span or the traffic.
 */
import { InvalidQueryError } from '../errors.js';
import type { Storage } from '../storage/types.js';
import { overviewResponse } from './overviewResponse.js';
import { change, resolveScope, rollupBase, scopeHeader, type ReportScope, type DaySpan } from './scope.js';
import {
  medianDuration,
  SESSION_SUMS,
  sessionMetrics,
  sumSessions,
  type SessionSums,
} from './sessionMetrics.js';
import type {
  OverviewBreakdownKey,
  OverviewBreakdownRow,
  OverviewPoint,
  OverviewResult,
  OverviewTotals,
} from './answers.js';
export type { OverviewBreakdownRow, OverviewPoint, OverviewResult, OverviewTotals } from './answers.js';
import type { Report } from './types.js';

export const OVERVIEW_DEFAULT_DAYS = 30;
/** Hourly series cover at most this many days. */
export const MAX_HOURLY_DAYS = 31;
export const BREAKDOWN_TOP = 10;

/** Answer key → the `ru_sessions` breakdown dimension. */
export const BREAKDOWNS = {
  devices: 'device',
  browsers: 'browser',
  os: 'os',
  sources: 'referrer',
  channels: 'channel',
  utm_sources: 'utm_source',
  utm_mediums: 'utm_medium',
  utm_campaigns: 'utm_campaign',
  countries: 'country',
  users: 'user',
} as const satisfies Record<OverviewBreakdownKey, string>;
type BreakdownKey = keyof typeof BREAKDOWNS;

type DayRow = SessionSums & { day: string };
type HourRow = { day: string; hour: number; pageviews: number; sessions: number; visitors: number };

async function readTotals(storage: Storage, scope: ReportScope, span: DaySpan) {
  const base = rollupBase(scope, span);
  const [days, durations] = await Promise.all([
    storage.queryRollup<DayRow>({
      ...base,
      table: 'ru_sessions',
      where: { b: '' },
      groupBy: ['day'],
      sum: [...SESSION_SUMS],
    }),
    storage.queryRollup<{ seconds: number; sessions: number }>({
      ...base,
      table: 'ru_durations',
      groupBy: ['seconds'],
      sum: ['sessions'],
    }),
  ]);
  const totals: OverviewTotals = {
    ...sessionMetrics(sumSessions(days)),
    median_duration_s: medianDuration(durations),
  };
  return { days, totals };
}

function daySeries(span: DaySpan, rows: readonly DayRow[]): OverviewPoint[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return span.days.map((date) => {
    const r = byDay.get(date);
    return { date, visitors: r?.visitors ?? 0, sessions: r?.sessions ?? 0, pageviews: r?.pageviews ?? 0 };
  });
}

function hourSeries(span: DaySpan, rows: readonly HourRow[]): OverviewPoint[] {
  const byHour = new Map(rows.map((r) => [`${r.day}T${String(r.hour).padStart(2, '0')}`, r]));
  return span.days.flatMap((day) =>
    Array.from({ length: 24 }, (_, h) => {
      const key = `${day}T${String(h).padStart(2, '0')}`;
      const r = byHour.get(key);
      return {
        date: `${key}:00:00Z`,
        visitors: r?.visitors ?? 0,
        sessions: r?.sessions ?? 0,
        pageviews: r?.pageviews ?? 0,
      };
    }),
  );
}

function heatmap(rows: readonly HourRow[]): OverviewResult['heatmap'] {
  const cells = Array.from({ length: 7 * 24 }, (_, i) => ({
    dow: Math.floor(i / 24),
    hour: i % 24,
    pageviews: 0,
    sessions: 0,
  }));
  for (const r of rows) {
    const dow = (new Date(`${r.day}T00:00:00Z`).getUTCDay() + 6) % 7;
    const cell = cells[dow * 24 + r.hour]!;
    cell.pageviews += r.pageviews;
    cell.sessions += r.sessions;
  }
  return cells;
}

export const overviewReport: Report<OverviewResult> = {
  name: 'overview',
  response: overviewResponse,
  async run(storage, params) {
    const scope = resolveScope(params, OVERVIEW_DEFAULT_DAYS);
    const interval = params.interval ?? 'day';
    if (interval === 'hour' && scope.days.length > MAX_HOURLY_DAYS) {
      throw new InvalidQueryError(`an hourly series covers at most ${MAX_HOURLY_DAYS} days`);
    }
    const base = rollupBase(scope);
    const dims = Object.values(BREAKDOWNS);
    const [current, hours, breakdownRows, sides, previous] = await Promise.all([
      readTotals(storage, scope, scope),
      storage.queryRollup<HourRow>({
        ...base,
        table: 'ru_hours',
        groupBy: ['day', 'hour'],
        sum: ['pageviews', 'sessions', 'visitors'],
      }),
      storage.queryRollup<SessionSums & { b: string; v: string }>({
        ...base,
        table: 'ru_sessions',
        where: { b: dims },
        groupBy: ['b', 'v'],
        sum: [...SESSION_SUMS],
        orderBy: [
          { column: 'visitors', desc: true },
          { column: 'v', desc: false },
        ],
        limit: BREAKDOWN_TOP,
        limitPer: 'b',
      }),
      storage.queryRollup<{ is_bot: number; sessions: number; pageviews: number }>({
        ...base,
        bots: 'include',
        table: 'ru_sessions',
        where: { b: '' },
        groupBy: ['is_bot'],
        sum: ['sessions', 'pageviews'],
      }),
      scope.previous ? readTotals(storage, scope, scope.previous) : null,
    ]);
    const breakdowns = Object.fromEntries(
      Object.entries(BREAKDOWNS).map(([key, dim]) => [
        key,
        breakdownRows.filter((r) => r.b === dim).map((r) => ({ value: r.v, ...sessionMetrics(r) })),
      ]),
    ) as Record<BreakdownKey, OverviewBreakdownRow[]>;
    const side = (isBot: number) => {
      const r = sides.find((s) => s.is_bot === isBot);
      return { sessions: r?.sessions ?? 0, pageviews: r?.pageviews ?? 0 };
    };
    return {
      ...scopeHeader(scope),
      interval,
      totals: current.totals,
      previous_totals: previous?.totals ?? null,
      change: previous
        ? {
            visitors: change(current.totals.visitors, previous.totals.visitors),
            sessions: change(current.totals.sessions, previous.totals.sessions),
            pageviews: change(current.totals.pageviews, previous.totals.pageviews),
          }
        : null,
      series: interval === 'hour' ? hourSeries(scope, hours) : daySeries(scope, current.days),
      previous_series: previous && scope.previous ? daySeries(scope.previous, previous.days) : null,
      heatmap: heatmap(hours),
      breakdowns,
      bot_split: { human: side(0), bot: side(1) },
    };
  },
  csv: {
    columns: ['date', 'pageviews', 'visitors', 'sessions'],
    rows: (result) => result.series as unknown as Record<string, unknown>[],
  },
};
