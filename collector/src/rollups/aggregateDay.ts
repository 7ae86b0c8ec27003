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
 * - Entry/exit: the first/last pageview of the session-day; transitions A→B are
 *   consecutive pageviews of a session-day with B ≠ A.
 * - Slow page: a load time over `SLOW_LOAD_MS`.
 */
import { durationBucket, rateVital, vitalBucket, VITAL_THRESHOLDS, type VitalMetric } from './buckets.js';
import { createTally } from './createTally.js';
import { groupSessionDays, loggedIn, type SessionDay } from './groupSessionDays.js';
import type { DayFacts, DayRollups, EventFact } from './types.js';

export const SLOW_LOAD_MS = 3000;
/** Longest session length (in pages) kept apart; longer ones count here. */
export const MAX_LENGTH = 100;
/** Longest custom-property value kept; longer ones are cut. */
export const MAX_PROP_VALUE = 200;

type Data = Record<string, unknown>;

function dataOf(event: EventFact): Data {
  if (!event.data) return {};
  try {
    const data: unknown = JSON.parse(event.data);
    return data && typeof data === 'object' ? (data as Data) : {};
  } catch {
    return {};
  }
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

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

interface PageProblems {
  errors: number;
  rage: number;
  dead: number;
  slow: number;
}

export function aggregateDay(facts: DayFacts): DayRollups {
  const sessions = createTally(['distinct', 'sum', 'sum', 'sum', 'sum', 'sum']);
  const hours = createTally(['sum', 'sum', 'distinct']);
  const durations = createTally(['sum']);
  const lengths = createTally(['sum']);
  const pages = createTally([
    'sum',
    'distinct',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
    'sum',
  ]);
  const transitions = createTally(['sum']);
  const events = createTally(['sum', 'distinct']);
  const vitals = createTally(['sum']);
  const users = createTally(['sum', 'sum', 'sum', 'sum', 'sum', 'sum', 'sum', 'sum', 'sum']);
  const problems: DayRollups['ru_problem_sessions'] = [];

  for (const day of groupSessionDays(facts.sessions, facts.events)) {
    const s = day.fact;
    const side = s.isBot;
    const dayPageviews = day.pageviews.length;
    const firstHour = new Date(day.events[0]?.ts ?? 0).getUTCHours();
    const total: PageProblems & { engaged: number; clicks: number; custom: number } = {
      errors: 0,
      rage: 0,
      dead: 0,
      slow: 0,
      engaged: 0,
      clicks: 0,
      custom: 0,
    };
    // Per-event page rows first (they need each event's data once), keyed by filter below.
    const pageRows: [string, number[]][] = [];
    const eventRows: [[string, string, string, string], string][] = [];
    const vitalRows: [string, VitalMetric, number, string][] = [];
    for (const e of day.events) {
      if (e.type === 'pageview' || e.type === 'humanness') continue;
      const d = dataOf(e);
      // engaged ms, engaged n, (scroll: per page view, below), load ms, load n, slow, errors, rage, dead
      const row = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      if (e.type === 'engagement') {
        row[0] = num(d.ms);
        row[1] = 1;
        total.engaged += num(d.ms);
      } else if (e.type === 'timing' && typeof d.load === 'number') {
        row[4] = num(d.load);
        row[5] = 1;
        row[6] = d.load > SLOW_LOAD_MS ? 1 : 0;
        total.slow += row[6];
      } else if (e.type === 'error') {
        row[7] = Math.max(1, num(d.count));
        total.errors += row[7];
      } else if (e.type === 'click') {
        row[8] = d.rage ? 1 : 0;
        row[9] = d.dead ? 1 : 0;
        total.rage += row[8];
        total.dead += row[9];
        total.clicks += 1;
        if (typeof d.kind === 'string') eventRows.push([['click', '', 'kind', d.kind], e.session]);
      } else if (e.type === 'custom') {
        total.custom += 1;
        const props = d.props && typeof d.props === 'object' ? (d.props as Data) : {};
        for (const [k, v] of Object.entries(props)) {
          eventRows.push([['custom', e.name ?? '', k, String(v).slice(0, MAX_PROP_VALUE)], e.session]);
        }
      } else if (e.type === 'vital' && e.name && e.name in VITAL_THRESHOLDS && typeof d.value === 'number') {
        const metric = e.name as VitalMetric;
        vitalRows.push([e.path, metric, vitalBucket(metric, d.value), rateVital(metric, d.value)]);
      }
      eventRows.push([[e.type, e.name ?? '', '', ''], e.session]);
      if (row.some((n) => n !== 0)) pageRows.push([e.path, row]);
    }
    // Scroll depth counts each page view's deepest point once.
    const deepest = new Map<string, number>();
    for (const e of day.events) {
      if (e.type !== 'scroll') continue;
      const k = `${e.pv ?? e.id}\u0001${e.path}`;
      deepest.set(k, Math.max(deepest.get(k) ?? 0, num(dataOf(e).depth)));
    }

    for (const f of day.filters) {
      for (const [b, v] of breakdowns(day, f === '')) {
        sessions.add(
          [f, side, b, v],
          [
            day.visitors,
            1,
            dayPageviews,
            s.pageviews === 1 ? 1 : 0,
            Math.max(0, s.lastTs - s.firstTs),
            total.engaged,
          ],
        );
      }
      hours.add([f, side, firstHour], [0, 1, []]);
      for (const p of day.pageviews) hours.add([f, side, new Date(p.ts).getUTCHours()], [1, 0, p.visitor]);
      durations.add([f, side, durationBucket(s.lastTs - s.firstTs)], [1]);
      if (dayPageviews > 0) lengths.add([f, side, Math.min(dayPageviews, MAX_LENGTH)], [1]);
      day.pageviews.forEach((p, i) => {
        const entry = i === 0 ? 1 : 0;
        const exit = i === dayPageviews - 1 ? 1 : 0;
        pages.add([f, side, p.path], [1, p.visitor, entry, exit, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        const next = day.pageviews[i + 1];
        if (next && next.path !== p.path) transitions.add([f, side, p.path, next.path], [1]);
      });
      for (const [path, r] of pageRows) {
        pages.add(
          [f, side, path],
          [0, [], 0, 0, r[0]!, r[1]!, 0, 0, r[4]!, r[5]!, r[6]!, r[7]!, r[8]!, r[9]!],
        );
      }
      for (const [k, depth] of deepest) {
        const path = k.slice(k.indexOf('\u0001') + 1);
        pages.add([f, side, path], [0, [], 0, 0, 0, 0, depth, 1, 0, 0, 0, 0, 0, 0]);
      }
      for (const [key, session] of eventRows) events.add([f, side, ...key], [1, session]);
      for (const [path, metric, bucket, rating] of vitalRows)
        vitals.add([f, side, path, metric, bucket, rating], [1]);
    }

    if (s.user) {
      users.add(
        [side, s.user],
        [
          1,
          dayPageviews,
          total.clicks,
          total.engaged,
          total.custom,
          total.errors,
          total.rage,
          total.dead,
          total.slow,
        ],
      );
    }
    if (total.errors + total.rage + total.dead + total.slow > 0) {
      problems.push([side, s.session, s.user, total.errors, total.rage, total.dead, total.slow]);
    }
  }

  return {
    ru_sessions: sessions.rows(),
    ru_hours: hours.rows(),
    ru_durations: durations.rows(),
    ru_lengths: lengths.rows(),
    ru_pages: pages.rows(),
    ru_transitions: transitions.rows(),
    ru_events: events.rows(),
    ru_vitals: vitals.rows(),
    ru_users: users.rows(),
    ru_problem_sessions: problems,
  };
}
