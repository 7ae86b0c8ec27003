/** `YYYY-MM-DD` of the UTC day that holds `ts` (epoch ms). */
export function utcDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

/** The UTC day `n` days after `day` (`YYYY-MM-DD`; `n` may be negative). */
export function addDays(day: string, n: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000);
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Monday (UTC) that starts the week of `day`: the key of weekly rollup rows. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * A run of consecutive days split into the whole weeks (Monday to Sunday) it holds and the
 * days left over at either end.
 */
export function splitWeeks(days: readonly string[]): { weeks: string[]; days: string[] } {
  const inRun = new Set(days);
  const weeks = new Set<string>();
  for (const day of days) {
    const week = weekOf(day);
    if (!weeks.has(week) && inRun.has(week) && inRun.has(addDays(week, 6))) weeks.add(week);
  }
  return { weeks: [...weeks], days: days.filter((day) => !weeks.has(weekOf(day))) };
}
