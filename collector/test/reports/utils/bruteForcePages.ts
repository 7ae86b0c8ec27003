/** Pages, paths, events, vitals and bots recomputed from the generated raw events. */
import {
  countedPageviews,
  sessionDays,
  visitorsOf,
  type Scope,
  type SessionDayView,
  type StoredSession,
} from './bruteForce.js';
import { utcDate } from '../../utils/utcDays.js';
import { DAYS_AGO } from './trafficArbitrary.js';

const pageviewsOf = (v: SessionDayView) => v.events.filter((e) => e.type === 'pageview');
const avg = (values: number[], digits = 0) =>
  values.length
    ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10 ** digits) / 10 ** digits
    : null;
const ratio = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** Under `page=P`, page rows, sections and transitions are P's own: the others are not filtered. */
function pageOf(scope: Scope): { path: string | null; scope: Scope } {
  return scope.filter?.[0] === 'page'
    ? { path: scope.filter[1], scope: { ...scope, filter: null } }
    : { path: null, scope };
}

export function pagesOf(sessions: StoredSession[], given: Scope, now: number) {
  const { path: only, scope } = pageOf(given);
  const views = sessionDays(sessions, scope, now);
  const paths = new Set(views.flatMap((v) => v.events.map((e) => e.path)));
  return [...paths]
    .filter((path) => only === null || path === only)
    .map((path) => {
      const here = views.map((v) => ({ ...v, events: v.events.filter((e) => e.path === path) }));
      const eventsOf = (type: string) => here.flatMap((v) => v.events.filter((e) => e.type === type));
      const withViews = here.filter((v) => v.events.some((e) => e.type === 'pageview'));
      const engagement = eventsOf('engagement');
      return {
        path,
        views: eventsOf('pageview').length,
        visitors: visitorsOf(
          withViews.map((v) => ({ ...v, events: v.events.filter((e) => e.type === 'pageview') })),
        ),
        entries: views.filter((v) => pageviewsOf(v)[0]?.path === path).length,
        exits: views.filter((v) => pageviewsOf(v).at(-1)?.path === path).length,
        avg_engaged_s: engagement.length
          ? Math.round(engagement.reduce((n, e) => n + e.value, 0) / engagement.length / 100) / 10
          : null,
        avg_scroll_pct: avg(
          eventsOf('scroll').map((e) => e.value % 101),
          1,
        ),
        avg_load_ms: avg(eventsOf('timing').map((e) => e.value)),
      };
    });
}

/**
 * Pageviews per default section and day (`section|YYYY-MM-DD`): a path's first segment (the
 * few generated paths all have theirs among the top pages).
 */
export function sectionViewsOf(sessions: StoredSession[], given: Scope, now: number): Map<string, number> {
  const { path: only, scope } = pageOf(given);
  const out = new Map<string, number>();
  for (const v of sessionDays(sessions, scope, now))
    for (const e of pageviewsOf(v)) {
      if (only !== null && e.path !== only) continue;
      const end = e.path.indexOf('/', 1);
      const key = `${end === -1 ? e.path : e.path.slice(0, end)}|${utcDate(DAYS_AGO[v.day]!, now)}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  return out;
}

export function transitionsOf(sessions: StoredSession[], given: Scope, now: number) {
  const { path: only, scope } = pageOf(given);
  const counts = new Map<string, number>();
  for (const v of sessionDays(sessions, scope, now)) {
    const pvs = pageviewsOf(v);
    pvs.forEach((p, i) => {
      const next = pvs[i + 1];
      if (only !== null && p.path !== only && next?.path !== only) return;
      if (next && next.path !== p.path)
        counts.set(`${p.path}>${next.path}`, (counts.get(`${p.path}>${next.path}`) ?? 0) + 1);
    });
  }
  return counts;
}

export function lengthsOf(sessions: StoredSession[], scope: Scope, now: number): number[] {
  return sessionDays(sessions, scope, now)
    .map((v) => pageviewsOf(v).length)
    .filter((n) => n > 0);
}

/**
 * The official thresholds (docs/reports.md; https://web.dev/articles/vitals): up to the first
 * is good, above the second is poor.
 */
export const VITAL_LIMITS = {
  LCP: { good: 2500, poor: 4000 },
  INP: { good: 200, poor: 500 },
  CLS: { good: 0.1, poor: 0.25 },
  FCP: { good: 1800, poor: 3000 },
  TTFB: { good: 800, poor: 1800 },
} as const;
export type VitalName = keyof typeof VITAL_LIMITS;

/** Under `page=P`, events and vitals are those that happened on P. */
function onPage(sessions: StoredSession[], scope: Scope, now: number): SessionDayView[] {
  if (scope.filter?.[0] !== 'page') return sessionDays(sessions, scope, now);
  const path = scope.filter[1];
  return sessionDays(sessions, { ...scope, filter: null }, now)
    .map((v) => ({ ...v, events: v.events.filter((e) => e.path === path) }))
    .filter((v) => v.events.length > 0);
}

export function eventCountsOf(sessions: StoredSession[], scope: Scope, now: number) {
  const counts = new Map<string, { count: number; sessions: number }>();
  for (const v of onPage(sessions, scope, now)) {
    const seen = new Set<string>();
    for (const e of v.events) {
      if (e.type === 'pageview') continue;
      const key = `${e.type}|${e.type === 'vital' ? e.name : e.type === 'custom' ? 'signup' : ''}`;
      const c = counts.get(key) ?? { count: 0, sessions: 0 };
      c.count += 1;
      if (!seen.has(key)) c.sessions += 1;
      seen.add(key);
      counts.set(key, c);
    }
  }
  return counts;
}

export function vitalsOf(sessions: StoredSession[], scope: Scope, now: number) {
  const events = onPage(sessions, scope, now).flatMap((v) => v.events.filter((e) => e.type === 'vital'));
  return (Object.keys(VITAL_LIMITS) as VitalName[]).map((metric) => {
    const values = events
      .filter((e) => e.name === metric)
      .map((e) => (metric === 'CLS' ? e.value / 10_000 : e.value))
      .sort((a, b) => a - b);
    const p75 = values.length ? values[Math.ceil(values.length * 0.75) - 1]! : null;
    const { good, poor } = VITAL_LIMITS[metric];
    return {
      metric,
      p75,
      samples: values.length,
      good: ratio(values.filter((v) => v <= good).length, values.length),
      poor: ratio(values.filter((v) => v > poor).length, values.length),
    };
  });
}

export function botSplitOf(sessions: StoredSession[], scope: Scope, now: number) {
  const views = sessionDays(sessions, scope, now, true);
  const side = (bot: boolean) => {
    const mine = views.filter((v) => v.s.isBot === bot);
    return {
      sessions: mine.length,
      pageviews: mine.reduce((n, v) => n + countedPageviews(v, scope).length, 0),
    };
  };
  const reasons = new Map<string, number>();
  for (const v of sessionDays(sessions, scope, now)) {
    for (const r of v.s.botReasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
  }
  return { human: side(false), bot: side(true), reasons };
}
