/** `YYYY-MM-DD` arithmetic for test oracles, written apart from src/lib/time.ts. */
const DAY_MS = 86_400_000;
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The UTC day `n` days after `day` (`n` may be negative). */
export function plusDays(day: string, n: number): string {
  return new Date(msOf(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / DAY_MS);
}
