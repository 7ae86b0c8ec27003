/** Adds the counts of `more` into `counts` (e.g. drop reasons → events) and returns `counts`. */
export function addCounts(counts: Record<string, number>, more: Record<string, number>): Record<string, number> {
  for (const key in more) counts[key] = (counts[key] ?? 0) + (more[key] as number);
  return counts;
}
