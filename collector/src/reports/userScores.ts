/**
 * The per-user scores the engagement, problems and user-profile answers share. Linear in the
 * `ru_users` counters, so a period's score is the sum of its daily scores (the sparkline
 * adds up to the last 7 days' score) and SQL can rank by the same weights.
 */
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

/** Rollup counter → points per occurrence: a JS error hurts most, a dead click least. */
export const PROBLEM_WEIGHTS = { errors: 3, rage: 2, dead: 1, slow: 2 } as const satisfies Record<
  keyof ProblemCounts,
  number
>;

export type EngagementSums = Record<keyof typeof ENGAGEMENT_WEIGHTS, number>;
export type ProblemSums = ProblemCounts;

export const ENGAGEMENT_SUMS = Object.keys(ENGAGEMENT_WEIGHTS) as (keyof EngagementSums)[];
export const PROBLEM_SUMS = Object.keys(PROBLEM_WEIGHTS) as (keyof ProblemSums)[];

/** Scores are shown to two decimals. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

function weigh<K extends string>(weights: Record<K, number>, sums: Record<K, number>): number {
  let score = 0;
  for (const k of Object.keys(weights) as K[]) score += weights[k] * (sums[k] ?? 0);
  return score;
}

/** `3·sessions + pageviews + 0.5·clicks + engaged minutes + 2·custom events`, unrounded. */
export const engagementPoints = (s: EngagementSums): number => weigh(ENGAGEMENT_WEIGHTS, s);
export const engagementScore = (s: EngagementSums): number => round2(engagementPoints(s));

/** `3·errors + 2·rage clicks + dead clicks + 2·slow page loads (load > 3 s)`: an integer. */
export const problemPoints = (s: ProblemSums): number => weigh(PROBLEM_WEIGHTS, s);
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
