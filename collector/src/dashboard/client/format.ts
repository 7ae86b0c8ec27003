/** How numbers, changes, durations and times read on the dashboard (times are UTC, as the API's days). */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const formatInt = (n: number): string => integer.format(n);
export const formatDecimal = (n: number): string => decimal.format(n);

/** `+12%`, `−8%`, `0%`; `new` when there was nothing before; empty when both are 0. */
export function formatChange(current: number, previous: number): { text: string; sign: -1 | 0 | 1 } {
  if (previous === 0) return current === 0 ? { text: '0%', sign: 0 } : { text: 'new', sign: 1 };
  const pct = Math.round(((current - previous) / previous) * 100);
  if (pct === 0) return { text: '0%', sign: 0 };
  return { text: `${pct > 0 ? '+' : '−'}${Math.abs(pct)}%`, sign: pct > 0 ? 1 : -1 };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m ${Math.round(seconds % 60)}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** `2026-11-26 14:03:12` (UTC). */
export const formatTime = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
