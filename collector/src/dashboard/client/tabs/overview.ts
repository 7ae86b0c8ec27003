/** Overview: visitors and pageviews per day (the previous period overlaid), KPI cards. */
import { csvUrl, getJson } from '../api.js';
import { lineChart, type LineSeries } from '../chart.js';
import { append } from '../dom.js';
import { renderKpis } from '../kpis.js';
import { renderTable } from '../table.js';
import type { Tab } from './types.js';

interface Totals {
  pageviews: number;
  visitors: number;
  sessions: number;
}
interface Overview {
  totals: Totals;
  series: (Totals & { date: string })[];
}

const perSession = (t: Totals): number => (t.sessions ? t.pageviews / t.sessions : 0);

export const overviewTab: Tab = {
  id: 'overview',
  label: 'Overview',
  async render(ctx) {
    const [now, before] = await Promise.all([
      getJson<Overview>('/v1/reports/overview', ctx.params(), ctx.signal),
      ctx.previous ? getJson<Overview>('/v1/reports/overview', ctx.params(ctx.previous), ctx.signal) : null,
    ]);
    const prev = before?.totals;
    const series: LineSeries[] = [
      { label: 'Visitors', values: now.series.map((d) => d.visitors), color: 1 },
      { label: 'Pageviews', values: now.series.map((d) => d.pageviews), color: 2 },
    ];
    if (before) {
      // Day i of the previous period is drawn under day i of this one.
      series.push(
        { label: 'Visitors (previous)', values: before.series.map((d) => d.visitors), color: 1, dashed: true },
        { label: 'Pageviews (previous)', values: before.series.map((d) => d.pageviews), color: 2, dashed: true },
      );
    }
    append(ctx.view, [
      renderKpis([
        { key: 'visitors', label: 'Visitors', value: now.totals.visitors, previous: prev?.visitors ?? null },
        { key: 'pageviews', label: 'Pageviews', value: now.totals.pageviews, previous: prev?.pageviews ?? null },
        { key: 'sessions', label: 'Sessions', value: now.totals.sessions, previous: prev?.sessions ?? null },
        {
          key: 'pages-per-session',
          label: 'Pages / session',
          value: perSession(now.totals),
          previous: prev ? perSession(prev) : null,
          decimals: true,
        },
      ]),
      lineChart(
        'Visitors and pageviews per day',
        now.series.map((d) => d.date),
        series,
      ),
      renderTable({
        name: 'overview-days',
        caption: 'Per day',
        csvHref: csvUrl('/v1/reports/overview', ctx.params()),
        rows: [...now.series].reverse(),
        columns: [
          { label: 'Day', value: (d) => d.date },
          { label: 'Visitors', value: (d) => d.visitors, numeric: true },
          { label: 'Pageviews', value: (d) => d.pageviews, numeric: true },
          { label: 'Sessions', value: (d) => d.sessions, numeric: true },
        ],
      }),
    ]);
  },
};
