/**
 * Engagement: every identified user active in the period (on the chosen bot side), ranked
 * by an engagement score (reports/userScores.ts), with status counts, new users and totals.
 *
 * - score = 3·sessions + pageviews + 0.5·clicks + engaged minutes + 2·custom events, over
 *   the period (a session counts on each day it has events).
 * - week over week: the score of the last 7 days of the period against the 7 days before
 *   (which may reach before the period); null when the earlier week scored 0.
 * - sparkline: the daily scores of the last 7 days of the period, oldest first.
 * - status, by days from the last active day to the period's end: active 0–6, at risk 7–13,
 *   dormant 14+.
 * - new: the user's first active day ever (as far as rollups go back) is inside the period.
 * Filters do not apply (`ru_users` rows have no filter dimension): `filter_applies_to` is [].
 * Three reads, whatever the number of users or days: the ranking with its counts and
 * totals (`storage.rankUsers`), then the listed users' last two weeks and earlier activity.
 */
import { addDays, daysBetween } from '../lib/time.js';
import { eachDay } from '../lib/period.js';
import { engagementResponse } from './engagementResponse.js';
import { change, resolveScope, rollupBase, scopeHeader } from './scope.js';
import type { EngagementResult, EngagementUser } from './answers.js';
export type { EngagementResult, EngagementUser } from './answers.js';
import type { Report } from './types.js';
import {
  ENGAGEMENT_SUMS,
  ENGAGEMENT_WEIGHTS,
  engagementPoints,
  engagementScore,
  round2,
  STATUS_DAYS,
  userStatus,
  type EngagementSums,
} from './userScores.js';

export const ENGAGEMENT_DEFAULT_DAYS = 30;
/** Users listed in the ranking. */
export const ENGAGEMENT_TOP = 100;
const WEEK = 7;

type UserRow = EngagementSums & { user_id: string; min_day: string; max_day: string };
type UserDayRow = EngagementSums & { user_id: string; day: string };

export const engagementReport: Report<EngagementResult> = {
  name: 'engagement',
  response: engagementResponse,
  async run(storage, params) {
    const scope = resolveScope(params, ENGAGEMENT_DEFAULT_DAYS);
    const base = { ...rollupBase(scope), table: 'ru_users' as const };
    const ranked = await storage.rankUsers({
      site: scope.site,
      days: scope.days,
      bots: scope.bots,
      sums: [...ENGAGEMENT_SUMS],
      weights: ENGAGEMENT_WEIGHTS,
      status: {
        activeSince: addDays(scope.toDay, -STATUS_DAYS.active),
        atRiskSince: addDays(scope.toDay, -STATUS_DAYS.at_risk),
      },
      limit: ENGAGEMENT_TOP,
    });
    const top = ranked.users as unknown as UserRow[];
    const ids = top.map((r) => r.user_id);
    const lastWeek = eachDay(addDays(scope.toDay, 1 - WEEK), scope.toDay);
    const [daily, returning] = await Promise.all([
      storage.queryRollup<UserDayRow>({
        ...base,
        days: eachDay(addDays(scope.toDay, 1 - 2 * WEEK), scope.toDay),
        where: { user_id: ids },
        groupBy: ['user_id', 'day'],
        sum: [...ENGAGEMENT_SUMS],
      }),
      // Since when the listed users were active before the period.
      storage.queryRollup<{ user_id: string; min_day: string }>({
        ...base,
        days: { to: addDays(scope.fromDay, -1) },
        where: { user_id: ids },
        groupBy: ['user_id'],
        min: ['day'],
      }),
    ]);
    const firstSeen = new Map(returning.map((r) => [r.user_id, r.min_day]));
    const byUserDay = new Map(daily.map((r) => [`${r.user_id}\u0000${r.day}`, r]));
    const dayScore = (user: string, day: string) => {
      const r = byUserDay.get(`${user}\u0000${day}`);
      return r ? engagementPoints(r) : 0;
    };

    const totals = ranked.totals as EngagementSums;
    const counts = ranked.status ?? { active: 0, at_risk: 0, new_users: 0 };
    const users = top.map((r): EngagementUser => {
      const sparkline = lastWeek.map((day) => dayScore(r.user_id, day));
      const last = sparkline.reduce((n, s) => n + s, 0);
      const previous = lastWeek.reduce((n, day) => n + dayScore(r.user_id, addDays(day, -WEEK)), 0);
      const since = daysBetween(r.max_day, scope.toDay);
      return {
        user: r.user_id,
        score: engagementScore(r),
        sessions: r.sessions,
        pageviews: r.pageviews,
        clicks: r.clicks,
        engaged_s: Math.round(r.engaged_ms / 1000),
        custom_events: r.custom,
        first_seen: firstSeen.get(r.user_id) ?? r.min_day,
        last_seen: r.max_day,
        days_since_last_seen: since,
        status: userStatus(since),
        new: !firstSeen.has(r.user_id),
        score_last_7d: round2(last),
        score_previous_7d: round2(previous),
        wow_change: change(last, previous),
        sparkline: sparkline.map(round2),
      };
    });
    return {
      ...scopeHeader(scope),
      filter_applies_to: [],
      totals: {
        users: ranked.users_total,
        new_users: counts.new_users,
        sessions: totals.sessions,
        pageviews: totals.pageviews,
        clicks: totals.clicks,
        engaged_s: Math.round(totals.engaged_ms / 1000),
        custom_events: totals.custom,
        score: engagementScore(totals),
      },
      status: {
        active: counts.active,
        at_risk: counts.at_risk,
        dormant: ranked.users_total - counts.active - counts.at_risk,
      },
      users,
    };
  },
  csv: {
    columns: [
      'user',
      'score',
      'sessions',
      'pageviews',
      'clicks',
      'engaged_s',
      'custom_events',
      'first_seen',
      'last_seen',
      'status',
      'new',
      'score_last_7d',
      'score_previous_7d',
      'wow_change',
      'sparkline',
    ],
    rows: (result) => result.users as unknown as Record<string, unknown>[],
  },
};
