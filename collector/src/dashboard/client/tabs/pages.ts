/**
 * Pages: top pages with a bar for their views (a path sets the page filter), sections as a
 * heatmap by day and as a table, pages nobody reads any more.
 */
import type { PageRow, PageSection, PagesResult, UnusedPage } from '../../../reports/answers.js';
import { formatInt } from '../format.js';
import { reportTab, table } from './reportTab.js';
import { renderSectionHeatmap } from './sectionHeatmap.js';

const orDash = (n: number | null, unit = ''): string => (n === null ? '—' : `${formatInt(n)}${unit}`);

export const pagesTab = reportTab<PagesResult>({
  id: 'pages',
  label: 'Pages',
  report: 'pages',
  tables: [
    table<PagesResult, PageRow>({
      name: 'pages',
      caption: 'Top pages',
      rows: (r) => r.pages,
      columns: [
        { label: 'Page', value: (p) => p.path, filter: 'page', bar: (p) => p.views },
        { label: 'Views', value: (p) => p.views, numeric: true },
        { label: 'Visitors', value: (p) => p.visitors, numeric: true },
        { label: 'Entries', value: (p) => p.entries, numeric: true },
        {
          label: 'Exit rate',
          value: (p) => (p.exit_rate === null ? '—' : `${Math.round(p.exit_rate * 100)}%`),
          numeric: true,
        },
        { label: 'Engaged', value: (p) => orDash(p.avg_engaged_s, ' s'), numeric: true },
        { label: 'Scroll', value: (p) => orDash(p.avg_scroll_pct, '%'), numeric: true },
        { label: 'Load', value: (p) => orDash(p.avg_load_ms, ' ms'), numeric: true },
      ],
    }),
    table<PagesResult, PageSection>({
      name: 'pages-sections',
      caption: 'Sections',
      rows: (r) => r.sections,
      chart: (r) => renderSectionHeatmap(r.sections),
      columns: [
        { label: 'Section', value: (s) => s.section },
        { label: 'Views', value: (s) => s.views, numeric: true },
        { label: 'Busiest day', value: (s) => [...s.days].sort((a, b) => b.views - a.views)[0]?.date ?? '' },
      ],
    }),
    table<PagesResult, UnusedPage>({
      name: 'pages-unused',
      caption: 'Pages read before, not now',
      rows: (r) => r.unused,
      empty: 'Every page read before was read in this period too.',
      columns: [
        { label: 'Page', value: (u) => u.path },
        { label: 'Views now', value: (u) => u.views, numeric: true },
        { label: 'Views before', value: (u) => u.lookback_views, numeric: true },
        { label: 'Last seen', value: (u) => u.last_seen },
      ],
    }),
  ],
});
