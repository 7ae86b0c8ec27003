/**
 * A tab that shows one report (`GET /v1/reports/<report>`): KPI cards from its totals and a
 * table of its rows with a CSV link. The next report tabs (pages, paths, …) are this plus
 * their columns.
 */
import { csvUrl, getJson } from '../api.js';
import { append } from '../dom.js';
import { renderKpis, type Kpi } from '../kpis.js';
import { renderTable, type Column } from '../table.js';
import type { FilterKey } from '../state.js';
import type { Tab } from './types.js';

export interface ReportTabOptions<Result, Row> {
  id: string;
  label: string;
  /** The report's name in `/v1/reports/<report>`. */
  report: string;
  filters?: Partial<Record<FilterKey, string>>;
  kpis?(result: Result, previous: Result | null): Kpi[];
  caption: string;
  rows(result: Result): Row[];
  columns: Column<Row>[];
  empty?: string;
}

export function reportTab<Result, Row>(options: ReportTabOptions<Result, Row>): Tab {
  const path = `/v1/reports/${options.report}`;
  return {
    id: options.id,
    label: options.label,
    ...(options.filters ? { filters: options.filters } : {}),
    async render(ctx) {
      const wantsPrevious = ctx.previous && options.kpis;
      const [result, previous] = await Promise.all([
        getJson<Result>(path, ctx.params(), ctx.signal),
        wantsPrevious && ctx.previous ? getJson<Result>(path, ctx.params(ctx.previous), ctx.signal) : null,
      ]);
      append(ctx.view, [
        options.kpis ? renderKpis(options.kpis(result, previous)) : null,
        renderTable({
          name: options.id,
          caption: options.caption,
          columns: options.columns,
          rows: options.rows(result),
          csvHref: csvUrl(path, ctx.params()),
          onFilter: ctx.setFilter,
          ...(options.empty ? { empty: options.empty } : {}),
        }),
      ]);
    },
  };
}
