/**
 * The per-user scores the engagement, problems and user-profile answers share. Linear in the
 * `ru_users` counters, so a period's score is the sum of its daily scores (the sparkline
 * adds up to the last 7 days' score) and SQL can rank by the same weights.
 */
import { PROBLEM_WEIGHTS, problemPoints, weigh, type ProblemSums as LibProblemSums } from '../lib/weights.js';
import type { ProblemCounts, UserStatus } from './answers.js';

export type { UserStatus };

/** Rollup counter → points per unit: sessions weigh most, engaged time per minute. */
export const ENGAGEMENT_WEIGHTS = {
  sessions: 3,
  pageviews: 1,
  clicks: 0.5,
  /** 1 point per engaged (visible and focused) minute. */
  engaged_ms: 1 / 60_000,
  custom: 2,
} as const;

// The problem weights live in lib/weights.ts: rollups store problem points too.
export { PROBLEM_WEIGHTS, problemPoints };

export type EngagementSums = Record<keyof typeof ENGAGEMENT_WEIGHTS, number>;
export type ProblemSums = ProblemCounts & LibProblemSums;

export const ENGAGEMENT_SUMS = Object.keys(ENGAGEMENT_WEIGHTS) as (keyof EngagementSums)[];
export const PROBLEM_SUMS = Object.keys(PROBLEM_WEIGHTS) as (keyof ProblemSums)[];

/** Scores are shown to two decimals. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** `3·sessions + pageviews + 0.5·clicks + engaged minutes + 2·custom events`, unrounded. */
export const engagementPoints = (s: EngagementSums): number => weigh(ENGAGEMENT_WEIGHTS, s);
export const engagementScore = (s: EngagementSums): number => round2(engagementPoints(s));

export const problemScore = (s: ProblemSums): number => round2(problemPoints(s));

/**
 * By whole days from the user's last active day to the end of the period: active within
 * the last 7 days (0–6), at risk in the 7 before (7–13), dormant beyond (14+).
 */
export const STATUS_DAYS = { active: 6, at_risk: 13 } as const;

export function userStatus(daysSinceLastSeen: number): UserStatus {
  if (daysSinceLastSeen <= STATUS_DAYS.active) return 'active';
  if (daysSinceLastSeen <= STATUS_DAYS.at_risk) return 'at_risk';
  return 'dormant';
}
