/**
 * Reports recomputed the slow, obvious way from the generated raw events, for property tests.
 * Follows the definitions documented in rollups/aggregateDay.ts and docs/reports.md; shares
 * no code with the collector (no import from src/).
 */
import type { GenEvent, GenSession } from './trafficArbitrary.js';
import { tsOf } from './trafficArbitrary.js';

export interface StoredSession extends GenSession {
  isBot: boolean;
  botReasons: string[];
}

export interface Scope {
  days: number[]; // indexes into DAYS_AGO
  bots: 'exclude' | 'include' | 'only';
  filter: [string, string] | null;
}

export interface SessionDayView {
  s: StoredSession;
  day: number;
  events: (GenEvent & { ts: number })[];
}

/** The session's attributes as ingest stores them: entry-page ones need a pageview. */
export function storedAttributes(s: StoredSession) {
  const hasPageview = s.events.some((e) => e.type === 'pageview');
  return {
    device: hasPageview ? s.device : null,
    referrer: hasPageview ? s.referrerDomain : null,
    country: s.country,
    user: s.user ? 'logged_in' : 'anonymous',
  };
}

export function sessionDays(
  sessions: StoredSession[],
  scope: Scope,
  now: number,
  ignoreBots = false,
): SessionDayView[] {
  const out: SessionDayView[] = [];
  for (const s of sessions) {
    if (!ignoreBots && scope.bots === 'exclude' && s.isBot) continue;
    if (!ignoreBots && scope.bots === 'only' && !s.isBot) continue;
    for (const day of scope.days) {
      const events = s.events
        .filter((e) => e.day === day)
        .map((e) => ({ ...e, ts: tsOf(e, now) }))
        .sort((a, b) => a.ts - b.ts);
      if (events.length === 0) continue;
      if (scope.filter) {
        const [dim, value] = scope.filter;
        const attrs = storedAttributes(s) as Record<string, string | null>;
        const match =
          dim === 'page'
            ? events.some((e) => e.type === 'pageview' && e.path === value)
            : attrs[dim] === value;
        if (!match) continue;
      }
      out.push({ s, day, events });
    }
  }
  return out;
}

/**
 * Daily unique visitors summed over days; with both sides included, a visitor seen on both
 * sides of a day counts on each (the verdict is per session, not per visitor).
 */
export function visitorsOf(views: SessionDayView[]): number {
  const seen = new Set<string>();
  for (const v of views) for (const e of v.events) seen.add(`${v.day}|${v.s.isBot}|${e.visitor}`);
  return seen.size;
}

/** Page views of a session-day that count: under `page=P`, P's own. */
export function countedPageviews(v: SessionDayView, scope: Scope) {
  const page = scope.filter?.[0] === 'page' ? scope.filter[1] : null;
  return v.events.filter((e) => e.type === 'pageview' && (page === null || e.path === page));
}

/**
 * docs/reports.md: "the median is read to 1 s under a minute, 5 s to 10 min, 1 min to an
 * hour, 10 min beyond" — a duration reads as the start of its step, in whole seconds.
 */
const DURATION_STEPS: ReadonlyArray<readonly [belowS: number, stepS: number]> = [
  [60, 1],
  [600, 5],
  [3600, 60],
  [Infinity, 600],
];

export function durationToResolution(ms: number): number {
  const s = Math.floor(ms / 1000);
  const step = DURATION_STEPS.find(([below]) => s < below)![1];
  return s - (s % step);
}

/**
 * The breakdown of the session-days by one session attribute ('' when the session has
 * none), each value's sessions and visitors, most visitors first then by value, top `top`.
 */
export function breakdownOf(
  views: SessionDayView[],
  dim: 'device' | 'referrer' | 'country' | 'user',
  top: number,
) {
  const groups = new Map<string, SessionDayView[]>();
  for (const v of views) {
    const value = storedAttributes(v.s)[dim] ?? '';
    groups.set(value, [...(groups.get(value) ?? []), v]);
  }
  return [...groups]
    .map(([value, group]) => ({ value, sessions: group.length, visitors: visitorsOf(group) }))
    .sort((a, b) => b.visitors - a.visitors || (a.value < b.value ? -1 : 1))
    .slice(0, top);
}

export function overviewTotals(sessions: StoredSession[], scope: Scope, now: number) {
  const views = sessionDays(sessions, scope, now);
  const pageviews = views.reduce((n, v) => n + countedPageviews(v, scope).length, 0);
  const bounces = views.filter((v) => v.s.events.filter((e) => e.type === 'pageview').length === 1).length;
  const durationOf = (s: StoredSession) => {
    const ts = s.events.map((e) => tsOf(e, now));
    return Math.max(...ts) - Math.min(...ts);
  };
  const duration = views.reduce((n, v) => n + durationOf(v.s), 0);
  const engaged = views.reduce(
    (n, v) => n + v.events.filter((e) => e.type === 'engagement').reduce((m, e) => m + e.value, 0),
    0,
  );
  const buckets = views.map((v) => durationToResolution(durationOf(v.s))).sort((a, b) => a - b);
  const median = buckets.length > 0 ? buckets[Math.ceil(buckets.length / 2) - 1]! : null;
  return {
    visitors: visitorsOf(views),
    sessions: views.length,
    pageviews,
    bounces,
    duration,
    engaged,
    median,
  };
}
