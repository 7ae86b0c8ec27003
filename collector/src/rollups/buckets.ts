/**
 * Value buckets that keep distributions small enough to store per day and exact enough to
 * read a median or a p75 from: the answer is the lower bound of the bucket that holds it.
 */

/**
 * Session duration in whole seconds, exact under a minute, then 5 s steps to 10 min, minute
 * steps to an hour, 10-minute steps beyond: the median is read to that resolution.
 */
export function durationBucket(ms: number): number {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return s;
  if (s < 600) return s - (s % 5);
  if (s < 3600) return s - (s % 60);
  return s - (s % 600);
}

export type VitalMetric = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';
export type VitalRating = 'good' | 'needs-improvement' | 'poor';

/**
 * The official thresholds (https://web.dev/articles/vitals#core-web-vitals, and
 * web-vitals' own `*Thresholds`): ≤ first is good, ≤ second needs improvement, else poor.
 */
export const VITAL_THRESHOLDS: Record<VitalMetric, readonly [number, number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};

export const VITAL_METRICS = Object.keys(VITAL_THRESHOLDS) as VitalMetric[];

export function rateVital(metric: VitalMetric, value: number): VitalRating {
  const [good, poor] = VITAL_THRESHOLDS[metric];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
}

/** CLS is unitless: stored in thousandths so that every metric buckets the same way. */
const scale = (metric: VitalMetric): number => (metric === 'CLS' ? 1000 : 1);

/** Exact integers up to 100, then buckets 2 % wide: a p75 read from them is within 2 %. */
const STEP = Math.log(1.02);

export function vitalBucket(metric: VitalMetric, value: number): number {
  const x = Math.max(0, value * scale(metric));
  if (x < 100) return Math.floor(x);
  return 100 + Math.floor(Math.log(x / 100) / STEP);
}

/**
 * Per-page distributions use every fifth bucket (10 % wide, exact in steps of 5 below 100):
 * many pages × five metrics × fine buckets × days is what a vitals report reads.
 */
export function coarseVitalBucket(bucket: number): number {
  return bucket < 100 ? bucket - (bucket % 5) : 100 + (bucket - 100) - ((bucket - 100) % 5);
}

/** The smallest value a bucket holds, in the metric's own unit. */
export function vitalBucketValue(metric: VitalMetric, bucket: number): number {
  const x = bucket < 100 ? bucket : 100 * Math.exp((bucket - 100) * STEP);
  return x / scale(metric);
}

/** Nearest-rank percentile over (value, count) pairs sorted by value; null when empty. */
export function percentileOf<T>(sorted: readonly T[], count: (t: T) => number, p: number): T | null {
  const total = sorted.reduce((n, t) => n + count(t), 0);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const t of sorted) {
    seen += count(t);
    if (seen >= rank) return t;
  }
  return sorted[sorted.length - 1] ?? null;
}
