/** The pages report's section × day heatmap: views per path prefix per UTC day. */
import type { PageSection } from '../../../reports/answers.js';
import { formatInt } from '../format.js';
import { renderHeatmap } from '../heatmap.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-11-26` → `Nov 26`. */
const shortDay = (date: string): string =>
  `${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${Number(date.slice(8, 10))}`;
const views = (n: number): string => `${formatInt(n)} view${n === 1 ? '' : 's'}`;

export function renderSectionHeatmap(sections: readonly PageSection[]): HTMLElement | null {
  // Every section has the period's days, in order.
  const dates = sections[0]?.days.map((d) => d.date) ?? [];
  if (dates.length === 0) return null;
  let peak = { section: '', date: '', views: 0 };
  for (const s of sections) {
    for (const d of s.days)
      if (d.views > peak.views) peak = { section: s.section, date: d.date, views: d.views };
  }
  return renderHeatmap({
    name: 'pages-sections-heatmap',
    caption: 'Sections by day',
    // A label a week apart, counted back from the last day so that it is always labelled.
    columns: dates.map((date, j) => ({
      label: date,
      short: (dates.length - 1 - j) % 7 === 0 ? shortDay(date) : '',
    })),
    rows: sections.map((s) => ({ label: s.section, values: s.days.map((d) => d.views) })),
    wideLabels: true,
    describe: (i, j) => {
      const s = sections[i]!;
      return `${s.section} · ${dates[j]}: ${views(s.days[j]?.views ?? 0)} (${views(s.views)} in the period)`;
    },
    note:
      peak.views > 0
        ? `Busiest: ${peak.section} on ${peak.date}, ${views(peak.views)}.`
        : 'No views in this period.',
  });
}
