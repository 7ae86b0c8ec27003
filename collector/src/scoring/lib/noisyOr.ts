/** Probability that at least one of independent signals fires: 1 − Π(1 − pᵢ). */
export function noisyOr(strengths: Iterable<number>): number {
  let none = 1;
  for (const p of strengths) none *= 1 - Math.min(1, Math.max(0, p));
  return 1 - none;
}
