/**
 * `rate:regular`: pages follow each other at near-constant intervals — a loop with a sleep.
 * People read for a while, skim, go back: their intervals vary by more than their mean
 * (coefficient of variation ≳ 1). Measured on pageviews, not requests: the SDK's own flush
 * timer makes request intervals regular for people too.
 */
import { STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Fewer intervals than this could be regular by chance (a person clicking "next" a few times). */
const MIN_INTERVALS = 8;
/** Standard deviation under 10 % of the mean: no reader is that steady. */
const MAX_COEFFICIENT_OF_VARIATION = 0.1;
/** Under 1 s between pages, any variation is network jitter: covered by `requestRate`. */
const MIN_MEAN_INTERVAL_MS = 1_000;

export function coefficientOfVariation(intervals: number, mean: number, m2: number): number {
  if (intervals < 2 || mean <= 0) return Number.POSITIVE_INFINITY;
  return Math.sqrt(m2 / (intervals - 1)) / mean;
}

export function scoreRegularity(evidence: SessionEvidence): RuleResult[] {
  const { intervals, intervalMean, intervalM2 } = evidence.pageviews;
  if (intervals < MIN_INTERVALS || intervalMean < MIN_MEAN_INTERVAL_MS) return [];
  const cv = coefficientOfVariation(intervals, intervalMean, intervalM2);
  return cv < MAX_COEFFICIENT_OF_VARIATION ? [{ family: 'rate', name: 'regular', strength: STRONG }] : [];
}
