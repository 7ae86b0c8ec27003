/**
 * Vitals: p75 of each Core Web Vital against its thresholds, overall and per page, coloured
 * by its rating (the rating is written too: colour is not the only sign).
 */
import type { VitalSummary, VitalsResult } from '../../../reports/answers.js';
import { h } from '../dom.js';
import { reportTab, table } from './reportTab.js';

const METRICS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];
const share = (n: number | null): string => (n === null ? '—' : `${Math.round(n * 100)}%`);
const value = (s: VitalSummary | undefined): string =>
  !s || s.p75 === null
    ? '—'
    : `${s.metric === 'CLS' ? s.p75.toFixed(2) : Math.round(s.p75)}${s.rating ? ` (${s.rating})` : ''}`;

const RATINGS = new Set(['good', 'needs-improvement', 'poor']);
/** The p75 in the colour of its rating; the rating is the report's own (web-vitals thresholds). */
const rated = (s: VitalSummary | undefined): HTMLElement => {
  const rating = s?.rating && RATINGS.has(s.rating) ? s.rating : null;
  return h('span', { class: rating ? `rating ${rating}` : undefined, 'data-rating': rating }, value(s));
};

export const vitalsTab = reportTab<VitalsResult>({
  id: 'vitals',
  label: 'Vitals',
  report: 'vitals',
  tables: [
    table<VitalsResult, VitalSummary>({
      name: 'vitals',
      caption: 'Core Web Vitals (p75)',
      rows: (r) => r.overall,
      columns: [
        { label: 'Metric', value: (s) => s.metric },
        { label: 'p75', value: (s) => value(s), cell: rated, numeric: true },
        { label: 'Good / poor at', value: (s) => `${s.thresholds[0]} / ${s.thresholds[1]}`, numeric: true },
        { label: 'Samples', value: (s) => s.samples, numeric: true },
        { label: 'Good', value: (s) => share(s.good), numeric: true },
        { label: 'Needs improvement', value: (s) => share(s.needs_improvement), numeric: true },
        { label: 'Poor', value: (s) => share(s.poor), numeric: true },
      ],
    }),
    table<VitalsResult, VitalsResult['pages'][number]>({
      name: 'vitals-pages',
      caption: 'Per page (p75)',
      rows: (r) => r.pages,
      columns: [
        { label: 'Page', value: (p) => p.path, filter: 'page' },
        { label: 'Samples', value: (p) => p.samples, numeric: true },
        ...METRICS.map((m) => ({
          label: m,
          value: (p: VitalsResult['pages'][number]) => value(p.metrics.find((s) => s.metric === m)),
          cell: (p: VitalsResult['pages'][number]) => rated(p.metrics.find((s) => s.metric === m)),
          numeric: true,
        })),
      ],
    }),
  ],
});
