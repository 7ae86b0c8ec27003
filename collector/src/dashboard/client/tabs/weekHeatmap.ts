/** The overview's day-of-week × hour heatmap of pageviews (UTC), from its 7 × 24 `heatmap` cells. */
import type { WeekHourCell } from '../../../reports/answers.js';
import { formatInt } from '../format.js';
import { renderHeatmap } from '../heatmap.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
const plural = (n: number, word: string): string => `${formatInt(n)} ${word}${n === 1 ? '' : 's'}`;

export function renderWeekHeatmap(cells: readonly WeekHourCell[]): HTMLElement {
  // Indexed, not trusted to come in order.
  const grid = DAYS.map(() => Array.from({ length: 24 }, () => ({ pageviews: 0, sessions: 0 })));
  for (const c of cells) {
    const slot = grid[c.dow]?.[c.hour];
    if (slot) Object.assign(slot, { pageviews: c.pageviews, sessions: c.sessions });
  }
  let peak = { dow: 0, hour: 0, pageviews: 0 };
  grid.forEach((row, dow) =>
    row.forEach((c, hour) => {
      if (c.pageviews > peak.pageviews) peak = { dow, hour, pageviews: c.pageviews };
    }),
  );
  return renderHeatmap({
    name: 'overview-heatmap',
    caption: 'Pageviews by day of week and hour (UTC)',
    // Every third hour is labelled; all are read.
    columns: Array.from({ length: 24 }, (_, hour) => ({
      label: `${hh(hour)}–${hh((hour + 1) % 24)} UTC`,
      short: hour % 3 === 0 ? String(hour) : '',
    })),
    rows: grid.map((row, dow) => ({ label: DAYS[dow]!, values: row.map((c) => c.pageviews) })),
    describe: (dow, hour) => {
      const c = grid[dow]![hour]!;
      return `${DAYS[dow]} ${hh(hour)}–${hh((hour + 1) % 24)} UTC: ${plural(c.pageviews, 'pageview')}, ${plural(c.sessions, 'session')}`;
    },
    note:
      peak.pageviews > 0
        ? `Busiest: ${DAYS[peak.dow]} ${hh(peak.hour)} UTC, ${plural(peak.pageviews, 'pageview')}.`
        : 'No pageviews in this period.',
  });
}
