/**
 * One (site, day) of facts → every rollup row of that day. Pure: the same facts always give
 * the same rows, so a day can be rebuilt at any time (late events, a verdict that flips, an
 * erased user) and the property tests compare it with brute force over the raw events.
 *
 * Definitions (the reports document them to users):
 * - A session counts on every day it has events (a session-day); its visitors are the
 *   visitor ids of its events that day (cookieless: they change with the day's salt).
 * - Bounce: a session with one pageview in all. Duration: its last event minus its first.
 * - Page metrics belong to the path of the event (engagement, scroll, load time, errors,
 *   rage/dead clicks on that page); scroll depth is averaged over each page view's maximum.
 * - Segments: page views per first path segment (`/blog/a` → `/blog`), for the default
 *   sections of the pages report.
 * - Entry/exit: the first/last pageview of the session-day; transitions A→B are
 *   consecutive pageviews of a session-day with B ≠ A.
 * - Problem sessions: a row per session-day with errors, rage or dead clicks or slow loads,
 *   with its problem score (reports/userScores.ts) to rank by and whether the session lies
 *   within this one day (`single`), so that distinct sessions over days add up cheaply; and
 *   their number per day in `ru_sessions` (f '', b 'problems', v 'single' or 'multi').
 * - Filters: `user`, `device`, `country`, `referrer` select sessions. `page=P` selects the
 *   sessions that viewed P for session metrics (sessions, visitors, bounces, durations,
 *   engaged time, lengths, and their breakdowns), counting P's own page views (pageviews
 *   and their hours are P's); for what belongs to a page it selects P itself: P's own page
 *   row (and its segment), the transitions into and out of P, and the events, vitals and
 *   errors that happened on P. So a session-day adds a few rows per path it viewed (its
 *   session rows once more, P's row, the hours P was viewed in, its transitions), never a
 *   row per path per path: rows grow with its events, not their square.
 * - Vitals: one row per (filter, path, metric) with its samples per rating and their
 *   histogram (`[bucket, count, …]`). Rows carry the path only without a filter (in
 *   10 %-wide buckets); every filter has path-less totals (2 %-wide buckets).
 */
import { coarseVitalBucket, durationBucket } from './buckets.js';
import { createTally } from './createTally.js';
import { foldSessionDay, PAGE_SLOTS } from './foldSessionDay.js';
import { filterKey, groupSessionDays, loggedIn, type SessionDay } from './groupSessionDays.js';
import { problemPoints } from '../lib/weights.js';
import type { DayFacts, DayRollups, EventFact, RollupRow } from './types.js';
import { firstSegment } from '../lib/pathSegment.js';

const utcDay = (ts: number) => Math.floor(ts / 86_400_000);

export { SLOW_LOAD_MS, MAX_PROP_VALUE } from './foldSessionDay.js';
/** Longest session length (in pages) kept apart; longer ones count here. */
export const MAX_LENGTH = 100;

/** Session-level breakdowns of a session-day: `[dimension, value]`, '' for unknown. */
function breakdowns(day: SessionDay, withUa: boolean): [string, string][] {
  const s = day.fact;
  const out: [string, string][] = [
    ['', ''],
    ['device', s.device ?? ''],
    ['browser', s.browser ?? ''],
    ['os', s.os ?? ''],
    ['country', s.country ?? ''],
    ['referrer', s.referrerDomain ?? ''],
    ['channel', s.channel ?? ''],
    ['user', loggedIn(s)],
  ];
  if (s.utmSource) out.push(['utm_source', s.utmSource]);
  if (s.utmMedium) out.push(['utm_medium', s.utmMedium]);
  if (s.utmCampaign) out.push(['utm_campaign', s.utmCampaign]);
  for (const reason of s.botReasons) out.push(['reason', reason]);
  if (withUa) out.push(['ua', s.userAgent ?? '']);
  return out;
}

const sums = (n: number) => Array.from({ length: n }, () => 'sum' as const);

type Hours = Map<number, { views: number; visitors: Set<string> }>;

/** Page views and their distinct visitors per UTC hour: of the session-day, and of each of its paths. */
function hourly(pageviews: readonly EventFact[]): { all: Hours; byPath: Map<string, Hours> } {
  const all: Hours = new Map();
  const byPath = new Map<string, Hours>();
  const count = (hours: Hours, hour: number, visitor: string) => {
    let h = hours.get(hour);
    if (!h) hours.set(hour, (h = { views: 0, visitors: new Set() }));
    h.views += 1;
    h.visitors.add(visitor);
  };
  for (const p of pageviews) {
    const hour = new Date(p.ts).getUTCHours();
    count(all, hour, p.visitor);
    let mine = byPath.get(p.path);
    if (!mine) byPath.set(p.path, (mine = new Map()));
    count(mine, hour, p.visitor);
  }
  return { all, byPath };
}

/**
 * Views per first path segment, from the page rows `[f, is_bot, path, views, …, n]`; a
 * segment's add count is its page rows' (session-days), so that it adds up over groups.
 */
function segmentsOf(pageRows: readonly RollupRow[]): RollupRow[] {
  const segments = new Map<string, RollupRow>();
  for (const row of pageRows) {
    const [f, side, path, views] = row;
    const key = [f as string, side as number, firstSegment(path as string)];
    const id = key.join('\u0001');
    const seg = segments.get(id);
    if (seg)
      ((seg[3] = (seg[3] as number) + (views as number)),
        (seg[4] = (seg[4] as number) + (row.at(-1) as number)));
    else segments.set(id, [...key, views as number, row.at(-1) as number]);
  }
  return [...segments.values()];
}

export function aggregateDay(facts: DayFacts): DayRollups {
  const sessions = createTally(['distinct', ...sums(5)]);
  const hourRows = createTally(['sum', 'sum', 'distinct']);
  const durations = createTally(['sum']);
  const lengths = createTally(['sum']);
  const pages = createTally(['sum', 'distinct', ...sums(PAGE_SLOTS - 1)]);
  const transitions = createTally(['sum']);
  const events = createTally(['sum', 'distinct']);
  const vitals = createTally(['sum', 'sum', 'sum', 'sum', 'hist']);
  const errors = createTally(['sum', 'distinct', 'distinct', 'min', 'max', 'hist']);
  const users = createTally(sums(9));
  const problems: DayRollups['ru_problem_sessions'] = [];

  for (const day of groupSessionDays(facts.sessions, facts.events)) {
    const s = day.fact;
    const side = s.isBot;
    const n = day.pageviews.length;
    const folded = foldSessionDay(day);
    const firstHour = new Date(day.events[0]?.ts ?? 0).getUTCHours();
    const duration = Math.max(0, s.lastTs - s.firstTs);
    const bounce = s.pageviews === 1 ? 1 : 0;
    const sessionDay = `${s.session}`;

    // Built once per session-day, then added under every filter it answers to: user agents
    // are kept for the unfiltered rows only.
    const withUa = breakdowns(day, true);
    const withoutUa = withUa.filter(([b]) => b !== 'ua');
    const byHour = hourly(day.pageviews);
    const pageRows = [...folded.pages].map(([path, { counters: c, visitors }]) => ({
      path,
      values: [c[0], [...visitors], ...c.slice(1)],
    }));
    // The session-day's rows under a filter with `views` page views in `hours`.
    const addSessionRows = (f: string, views: number, hours: Hours) => {
      for (const [b, v] of f === '' ? withUa : withoutUa) {
        sessions.add([f, side, b, v], [day.visitors, 1, views, bounce, duration, folded.engagedMs]);
      }
      hourRows.add([f, side, firstHour], [0, 1, []]);
      for (const [hour, h] of hours) hourRows.add([f, side, hour], [h.views, 0, [...h.visitors]]);
      durations.add([f, side, durationBucket(duration)], [1]);
      if (n > 0) lengths.add([f, side, Math.min(n, MAX_LENGTH)], [1]);
    };
    for (const f of day.sessionFilters) addSessionRows(f, n, byHour.all);
    // Under page=P: the session (it viewed P) with P's own page views.
    for (const [path, hours] of byHour.byPath) {
      let views = 0;
      for (const h of hours.values()) views += h.views;
      addSessionRows(filterKey('page', path), views, hours);
    }
    // Pages and transitions: all of them under session filters; under page=P, P's own row
    // and the transitions into and out of P.
    for (const { path, values } of pageRows) {
      for (const f of day.sessionFilters) pages.add([f, side, path], values);
      pages.add([filterKey('page', path), side, path], values);
    }
    for (let i = 0; i + 1 < n; i += 1) {
      const [a, b] = [day.pageviews[i]!.path, day.pageviews[i + 1]!.path];
      if (a === b) continue;
      for (const f of day.sessionFilters) transitions.add([f, side, a, b], [1]);
      transitions.add([filterKey('page', a), side, a, b], [1]);
      transitions.add([filterKey('page', b), side, a, b], [1]);
    }

    // Events and vitals: session filters, plus the page each one happened on.
    for (const [key, byPath] of folded.events) {
      const [type, name, k, v] = key.split('\u0001') as [string, string, string, string];
      let total = 0;
      for (const [path, count] of byPath) {
        events.add([filterKey('page', path), side, type, name, k, v], [count, sessionDay]);
        total += count;
      }
      for (const f of day.sessionFilters) events.add([f, side, type, name, k, v], [total, sessionDay]);
    }
    for (const [key, byPath] of folded.vitals) {
      const [metric, bucket, rating] = key.split('\u0001') as [string, string, string];
      const b = Number(bucket);
      const rated = (count: number, at: number) => [
        count,
        rating === 'good' ? count : 0,
        rating === 'needs-improvement' ? count : 0,
        rating === 'poor' ? count : 0,
        [at, count] as const,
      ];
      let total = 0;
      for (const [path, count] of byPath) {
        vitals.add(['', side, path, metric], rated(count, coarseVitalBucket(b)));
        vitals.add([filterKey('page', path), side, '', metric], rated(count, b));
        total += count;
      }
      for (const f of day.sessionFilters) vitals.add([f, side, '', metric], rated(total, b));
    }

    // Errors: per group, its distinct sessions and users and its occurrences per path; under
    // page=P, what happened on P.
    for (const [key, byPath] of folded.errorGroups) {
      const group = key.split('\u0001').map((v, i) => (i >= 3 ? Number(v) : v));
      const user = s.user ? [s.user] : [];
      for (const [path, [n, from, to]] of byPath) {
        for (const f of [...day.sessionFilters, filterKey('page', path)])
          errors.add([f, side, ...group], [n, sessionDay, user, from, to, [path, n]]);
      }
    }

    if (s.user) {
      users.add(
        [side, s.user],
        [
          1,
          n,
          folded.clicks,
          folded.engagedMs,
          folded.custom,
          folded.errors,
          folded.rage,
          folded.dead,
          folded.slow,
        ],
      );
    }
    const problem = { errors: folded.errors, rage: folded.rage, dead: folded.dead, slow: folded.slow };
    const score = problemPoints(problem);
    if (score > 0) {
      // `single`: all the session's events fall on this UTC day, so it has no row on another.
      const single = utcDay(s.firstTs) === utcDay(s.lastTs) ? 1 : 0;
      problems.push([
        side,
        s.session,
        s.user,
        problem.errors,
        problem.rage,
        problem.dead,
        problem.slow,
        score,
        single,
        1,
      ]);
      // Their number per day (unfiltered, sessions only): distinct sessions with problems
      // over days are the single-day ones added up plus the few others counted distinct.
      sessions.add(['', side, 'problems', single ? 'single' : 'multi'], [[], 1, 0, 0, 0, 0]);
    }
  }

  const pageTotals = pages.rows();
  return {
    ru_sessions: sessions.rows(),
    ru_hours: hourRows.rows(),
    ru_durations: durations.rows(),
    ru_lengths: lengths.rows(),
    ru_pages: pageTotals,
    ru_segments: segmentsOf(pageTotals),
    ru_transitions: transitions.rows(),
    ru_events: events.rows(),
    ru_vitals: vitals.rows(),
    ru_errors: errors.rows(),
    ru_users: users.rows(),
    ru_problem_sessions: problems,
  };
}
