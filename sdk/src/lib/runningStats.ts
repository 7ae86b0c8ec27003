/** Welford's running statistics, O(1) memory: `[count, mean, M2]` (M2: sum of squared deviations). */
export type RunningStats = [n: number, mean: number, m2: number];

/** Adds `x` to `s` in place (https://en.wikipedia.org/wiki/Algorithms_for_calculating_variance#Welford's_online_algorithm). */
export function addSample(s: RunningStats, x: number): void {
  const delta = x - s[1];
  s[1] += delta / ++s[0];
  s[2] += delta * (x - s[1]);
}

/** Sample standard deviation; 0 below two samples. */
export function standardDeviation(s: RunningStats): number {
  return s[0] > 1 ? Math.sqrt(s[2] / (s[0] - 1)) : 0;
}
