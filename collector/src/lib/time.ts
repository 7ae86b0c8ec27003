/** `YYYY-MM-DD` of the UTC day that holds `ts` (epoch ms). */
export function utcDay(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}
