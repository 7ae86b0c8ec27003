/**
 * Overview: KPI cards (with change against the previous period when comparing), visitors and
 * pageviews per day with the previous period overlaid, pageviews by day of week × hour, then
 * breakdowns whose values set a filter (device, source, country) when clicked.
 */
import type {
  OverviewBreakdownKey,
  OverviewBreakdownRow,
  OverviewPoint,
  OverviewResult,
} from '../../../reports/answers.js';
import { lineChart, type LineSeries } from '../chart.js';
import { formatInt } from '../format.js';
import type { Kpi } from '../kpis.js';
import type { FilterKey } from '../state.js';
import type { Column } from '../table.js';
import { reportTab, table, type ReportTable } from './reportTab.js';
import { renderWeekHeatmap } from './weekHeatmap.js';

const pct = (n: number | null): string => (n === null ? '—' : `${Math.round(n * 100)}%`);

function kpis(r: OverviewResult): Kpi[] {
  const t = r.totals;
  const p = r.previous_totals;
  return [
    { key: 'visitors', label: 'Visitors', value: t.visitors, previous: p?.visitors ?? null },
    { key: 'pageviews', label: 'Pageviews', value: t.pageviews, previous: p?.pageviews ?? null },
    { key: 'sessions', label: 'Sessions', value: t.sessions, previous: p?.sessions ?? null },
    {
      key: 'pages-per-session',
      label: 'Pages / session',
      value: t.views_per_session ?? 0,
      previous: p ? (p.views_per_session ?? 0) : null,
      decimals: true,
    },
    {
      key: 'bounce-rate',
      label: 'Bounce rate %',
      value: Math.round((t.bounce_rate ?? 0) * 100),
      previous: p ? Math.round((p.bounce_rate ?? 0) * 100) : null,
      lowerIsBetter: true,
    },
    {
      key: 'duration',
      label: 'Avg. session (s)',
      value: Math.round(t.avg_duration_s ?? 0),
      previous: p ? Math.round(p.avg_duration_s ?? 0) : null,
    },
  ];
}

function figure(r: OverviewResult): HTMLElement[] {
  const series: LineSeries[] = [
    { label: 'Visitors', values: r.series.map((d) => d.visitors), color: 1 },
    { label: 'Pageviews', values: r.series.map((d) => d.pageviews), color: 2 },
  ];
  if (r.previous_series) {
    // Day i of the previous period is drawn under day i of this one.
    series.push(
      {
        label: 'Visitors (previous)',
        values: r.previous_series.map((d) => d.visitors),
        color: 1,
        dashed: true,
      },
      {
        label: 'Pageviews (previous)',
        values: r.previous_series.map((d) => d.pageviews),
        color: 2,
        dashed: true,
      },
    );
  }
  return [
    lineChart(
      'Visitors and pageviews per day',
      r.series.map((d) => d.date),
      series,
    ),
    renderWeekHeatmap(r.heatmap),
  ];
}

function breakdown(
  key: OverviewBreakdownKey,
  caption: string,
  label: string,
  filter?: FilterKey,
): ReportTable<OverviewResult, OverviewBreakdownRow> {
  // An empty value is traffic without one (no referrer, no campaign): not a filter.
  const first: Column<OverviewBreakdownRow> = {
    label,
    value: (b) => b.value || '(none)',
    ...(filter ? { filter, filterValue: (b: OverviewBreakdownRow) => b.value || null } : {}),
  };
  return table<OverviewResult, OverviewBreakdownRow>({
    name: `overview-${key}`,
    caption,
    half: true,
    rows: (r) => r.breakdowns[key] ?? [],
    columns: [
      first,
      { label: 'Visitors', value: (b) => formatInt(b.visitors), numeric: true },
      { label: 'Sessions', value: (b) => formatInt(b.sessions), numeric: true },
      { label: 'Pageviews', value: (b) => formatInt(b.pageviews), numeric: true },
      { label: 'Bounce', value: (b) => pct(b.bounce_rate), numeric: true },
    ],
  });
}

export const overviewTab = reportTab<OverviewResult>({
  id: 'overview',
  label: 'Overview',
  report: 'overview',
  query: (ctx) => (ctx.previous ? { compare: 'previous' } : {}),
  kpis,
  figure,
  tables: [
    breakdown('sources', 'Sources', 'Referrer domain', 'referrer'),
    breakdown('channels', 'Channels', 'Channel'),
    breakdown('utm_campaigns', 'Campaigns', 'utm_campaign'),
    breakdown('devices', 'Devices', 'Device', 'device'),
    breakdown('browsers', 'Browsers', 'Browser'),
    breakdown('os', 'Operating systems', 'OS'),
    breakdown('countries', 'Countries', 'Country', 'country'),
    breakdown('users', 'Logged-in vs anonymous', 'Visitors'),
    table<OverviewResult, OverviewPoint>({
      name: 'overview-days',
      reportCsv: true,
      caption: 'Per day',
      rows: (r) => [...r.series].reverse(),
      columns: [
        { label: 'Day', value: (d) => d.date },
        { label: 'Visitors', value: (d) => d.visitors, numeric: true },
        { label: 'Pageviews', value: (d) => d.pageviews, numeric: true },
        { label: 'Sessions', value: (d) => d.sessions, numeric: true },
      ],
    }),
  ],
});
