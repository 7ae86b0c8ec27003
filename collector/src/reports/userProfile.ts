/**
 * One identified user's profile: totals, devices, browsers and OS (by sessions), favourite
 * pages and hour-of-day pattern (by pageviews, UTC), a 30-day daily trend of the engagement
 * and problem scores (reports/userScores.ts, from `ru_users`), the sessions with problems in
 * those days, and one page of the timeline. Four storage calls; null when the id is unknown.
 */
import { eachDay } from '../lib/period.js';
import { addDays, utcDay } from '../lib/time.js';
import type { BotFilter, Storage, UserSessionGroupRow } from '../storage/types.js';
import {
  ENGAGEMENT_SUMS,
  PROBLEM_SUMS,
  engagementScore,
  problemScore,
  type EngagementSums,
  type ProblemSums,
} from './userScores.js';
import type { UserProfile } from './answers.js';

export type { UserProfile };

export const TREND_DAYS = 30;
export const TOP_PAGES = 10;
export const PROBLEM_SESSIONS = 20;

export interface UserProfileParams {
  site: string;
  user: string;
  bots: BotFilter;
  limit: number;
  /** Epoch ms, exclusive: the timeline page ends before it. */
  before: number;
}

const onSide = (bots: BotFilter) => (r: { isBot: boolean }) =>
  bots === 'include' || (bots === 'only') === r.isBot;

/** Sessions per value of one attribute, most first. */
function countBy(rows: readonly UserSessionGroupRow[], key: 'device' | 'browser' | 'os') {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r[key] ?? '', (counts.get(r[key] ?? '') ?? 0) + r.sessions);
  return [...counts]
    .map(([value, sessions]) => ({ value, sessions }))
    .sort((a, b) => b.sessions - a.sessions || (a.value < b.value ? -1 : 1));
}

export async function getUserProfile(
  storage: Storage,
  p: UserProfileParams,
  now = Date.now(),
): Promise<UserProfile | null> {
  const today = utcDay(now);
  const days = eachDay(addDays(today, 1 - TREND_DAYS), today);
  const base = { site: p.site, days, filter: '', bots: p.bots, where: { user_id: p.user } };
  const [activity, timeline, daily, problems] = await Promise.all([
    storage.getUserActivity(p.site, p.user),
    storage.listUserTimeline(p.site, p.user, p.bots, p.limit, p.before),
    storage.queryRollup<EngagementSums & ProblemSums & { day: string }>({
      ...base,
      table: 'ru_users',
      groupBy: ['day'],
      sum: [...ENGAGEMENT_SUMS, ...PROBLEM_SUMS],
    }),
    storage.queryRollup<ProblemSums & { day: string; session_id: string }>({
      ...base,
      table: 'ru_problem_sessions',
      groupBy: ['day', 'session_id'],
      sum: [...PROBLEM_SUMS],
      orderBy: [
        { column: 'day', desc: true },
        { column: 'session_id', desc: false },
      ],
      limit: PROBLEM_SESSIONS,
    }),
  ]);
  if (!activity) return null;
  const sessions = activity.sessions.filter(onSide(p.bots));
  const pageviews = activity.pageviews.filter(onSide(p.bots));
  const pages = new Map<string, number>();
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, pageviews: 0 }));
  for (const r of pageviews) {
    pages.set(r.path, (pages.get(r.path) ?? 0) + r.views);
    hours[r.hour]!.pageviews += r.views;
  }
  const byDay = new Map(daily.map((r) => [r.day, r]));
  const trend = days.map((date) => {
    const r = byDay.get(date);
    const e = r ?? { sessions: 0, pageviews: 0, clicks: 0, engaged_ms: 0, custom: 0 };
    const q = r ?? { errors: 0, rage: 0, dead: 0, slow: 0 };
    return {
      date,
      score: engagementScore(e),
      sessions: e.sessions,
      pageviews: e.pageviews,
      clicks: e.clicks,
      engaged_s: Math.round(e.engaged_ms / 1000),
      custom_events: e.custom,
      problem_score: problemScore(q),
      errors: q.errors,
      rage: q.rage,
      dead: q.dead,
      slow: q.slow,
    };
  });
  const first = Math.min(...sessions.map((s) => s.firstTs));
  const last = Math.max(...sessions.map((s) => s.lastTs));
  const iso = (ts: number) => new Date(ts).toISOString();
  const oldest = timeline[timeline.length - 1];
  return {
    site: p.site,
    user: p.user,
    bots: p.bots,
    first_seen: sessions.length > 0 ? iso(first) : null,
    last_seen: sessions.length > 0 ? iso(last) : null,
    sessions: sessions.reduce((n, s) => n + s.sessions, 0),
    pageviews: sessions.reduce((n, s) => n + s.pageviews, 0),
    events: sessions.reduce((n, s) => n + s.events, 0),
    devices: countBy(sessions, 'device'),
    browsers: countBy(sessions, 'browser'),
    os: countBy(sessions, 'os'),
    favourite_pages: [...pages]
      .map(([path, views]) => ({ path, views }))
      .sort((a, b) => b.views - a.views || (a.path < b.path ? -1 : 1))
      .slice(0, TOP_PAGES),
    hours,
    trend,
    problem_sessions: problems.map(({ day, session_id, errors, rage, dead, slow }) => ({
      date: day,
      session: session_id,
      errors,
      rage,
      dead,
      slow,
      score: problemScore({ errors, rage, dead, slow }),
    })),
    timeline: timeline.map(({ isBot, ts, ...t }) => ({ ...t, ts: iso(ts), is_bot: isBot })),
    next_before: timeline.length === p.limit && oldest ? iso(oldest.ts) : null,
  };
}
