export const DAY_MS = 86_400_000;

/** Epoch ms of 00:00 UTC `daysAgo` days before today (always in the past for daysAgo ≥ 1). */
export function utcMidnight(daysAgo: number, now = Date.now()): number {
  return Math.floor(now / DAY_MS) * DAY_MS - daysAgo * DAY_MS;
}

/** `YYYY-MM-DD` of the UTC day `daysAgo` days before today. */
export function utcDate(daysAgo: number, now = Date.now()): string {
  return new Date(utcMidnight(daysAgo, now)).toISOString().slice(0, 10);
}
