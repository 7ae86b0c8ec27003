/**
 * Weighted sums over counters, and the problem weights: rollups store each session-day's
 * problem points (`rollups/aggregateDay.ts`) and reports rank by the same weights
 * (`reports/userScores.ts`), so both read them here, below either.
 */

/** `Σ weight · sum` over the weights' keys (a missing sum counts 0). */
export function weigh<K extends string>(weights: Record<K, number>, sums: Record<K, number>): number {
  let score = 0;
  for (const k of Object.keys(weights) as K[]) score += weights[k] * (sums[k] ?? 0);
  return score;
}

/** Rollup counter → points per occurrence: a JS error hurts most, a dead click least. */
export const PROBLEM_WEIGHTS = { errors: 3, rage: 2, dead: 1, slow: 2 } as const;

export type ProblemSums = Record<keyof typeof PROBLEM_WEIGHTS, number>;

/** `3·errors + 2·rage clicks + dead clicks + 2·slow page loads (load > 3 s)`: an integer. */
export const problemPoints = (s: ProblemSums): number => weigh(PROBLEM_WEIGHTS, s);
