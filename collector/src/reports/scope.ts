/**
 * What every rollup-backed report reads: whole UTC days of one site, one bot side, at most
 * one filter, and optionally the same number of days just before (`compare=previous`).
 */
import { InvalidQueryError } from '../errors.js';
import { eachDay, parsePeriod, periodDays } from '../lib/period.js';
import { FILTER_DIMENSIONS, filterKey, type FilterDimension } from '../rollups/groupSessionDays.js';
import type { BotFilter, RollupQuery } from '../storage/types.js';
import type { ScopeHeader } from './answers.js';
import type { ReportParams } from './types.js';

export interface DaySpan {
  fromDay: string;
  toDay: string;
  days: string[];
}

export interface ReportScope extends DaySpan {
  site: string;
  bots: BotFilter;
  /** The rollups' filter key ('' when none). */
  filter: string;
  /** The filter as given, for the answer's header. */
  filters: Partial<Record<FilterDimension, string>>;
  previous: DaySpan | null;
}

const DAY_MS = 86_400_000;

/** The one filter of a report query, if any (400 for more than one). */
export function parseFilter(params: ReportParams): [FilterDimension, string] | null {
  const given: [FilterDimension, string][] = [];
  for (const d of FILTER_DIMENSIONS) {
    const value = params[d];
    if (value !== undefined && value !== '') given.push([d, value]);
  }
  if (given.length > 1) {
    throw new InvalidQueryError(
      `reports take one filter at a time (${FILTER_DIMENSIONS.join(', ')}); got ${given.map(([d]) => d).join(', ')}`,
    );
  }
  return given[0] ?? null;
}

export function resolveScope(params: ReportParams, defaultDays: number, now = Date.now()): ReportScope {
  const { fromDay, toDay } = periodDays(parsePeriod(params.from, params.to, defaultDays, now));
  const days = eachDay(fromDay, toDay);
  const filters: Partial<Record<FilterDimension, string>> = {};
  for (const d of FILTER_DIMENSIONS) if (params[d] !== undefined && params[d] !== '') filters[d] = params[d];
  const given = Object.entries(filters) as [FilterDimension, string][];
  if (given.length > 1) {
    throw new InvalidQueryError(
      `reports take one filter at a time (${FILTER_DIMENSIONS.join(', ')}); got ${given.map(([d]) => d).join(', ')}`,
    );
  }
  const first = given[0];
  let previous: DaySpan | null = null;
  if (params.compare === 'previous') {
    const start = Date.parse(`${fromDay}T00:00:00Z`);
    const prevTo = new Date(start - DAY_MS).toISOString().slice(0, 10);
    const prevFrom = new Date(start - days.length * DAY_MS).toISOString().slice(0, 10);
    previous = { fromDay: prevFrom, toDay: prevTo, days: eachDay(prevFrom, prevTo) };
  }
  return {
    site: params.site,
    bots: params.bots,
    fromDay,
    toDay,
    days,
    filter: first ? filterKey(first[0], first[1]) : '',
    filters,
    previous,
  };
}

/** The part of a rollup query every report fills in the same way. */
export function rollupBase(
  scope: ReportScope,
  span: DaySpan = scope,
): Pick<RollupQuery, 'site' | 'days' | 'filter' | 'bots'> {
  return { site: scope.site, days: span.days, filter: scope.filter, bots: scope.bots };
}

/** What every rollup-backed answer starts with. */
export function scopeHeader(scope: ReportScope): ScopeHeader {
  return {
    site: scope.site,
    from: scope.fromDay,
    to: scope.toDay,
    bots: scope.bots,
    filters: scope.filters,
    previous: scope.previous ? { from: scope.previous.fromDay, to: scope.previous.toDay } : null,
  };
}

export const scopeHeaderProperties = {
  site: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  bots: { type: 'string' },
  filters: { type: 'object', additionalProperties: { type: 'string' } },
  previous: {
    type: ['object', 'null'],
    properties: { from: { type: 'string' }, to: { type: 'string' } },
  },
} as const;

/** Share as a ratio rounded to 4 places; null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** Relative change from `before` to `now` (0.25 = +25 %); null when `before` is 0. */
export function change(now: number, before: number): number | null {
  return before > 0 ? Math.round(((now - before) / before) * 10_000) / 10_000 : null;
}
