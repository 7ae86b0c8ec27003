/**
 * A tab that shows one report (`GET /v1/reports/<report>`): KPI cards, charts, tables. The
 * table marked `reportCsv` (else the first) links the report's own CSV; the others make theirs
 * from the rows shown. A new report tab is this plus its columns.
 */
import { csvUrl, getJson, type Params } from '../api.js';
import { append, type Child } from '../dom.js';
import { renderKpis, type Kpi } from '../kpis.js';
import { renderTable, type Column } from '../table.js';
import type { FilterKey } from '../state.js';
import type { Tab, TabContext } from './types.js';

export interface ReportTable<Result, Row> {
  name: string;
  caption: string;
  rows(result: Result): Row[];
  columns: Column<Row>[];
  empty?: string;
  /** This is the table of the report's own CSV (`?format=csv`); others make theirs from their rows. */
  reportCsv?: boolean;
  /** Half the width on a wide screen (breakdowns side by side). */
  half?: boolean;
  /** A chart of the same rows, drawn just before the table (the table stays: CSV, screen readers). */
  chart?(result: Result): Child;
}

export interface ReportTabOptions<Result> {
  id: string;
  label: string;
  /** The report's name in `/v1/reports/<report>`. */
  report: string;
  filters?: Partial<Record<FilterKey, string>>;
  /** Extra query parameters (e.g. `compare`), from the view. */
  query?(ctx: TabContext): Params;
  kpis?(result: Result): Kpi[];
  /** Anything drawn between the KPIs and the tables (charts, a form). */
  figure?(result: Result, ctx: TabContext): Child | Child[];
  /** Made with `table()`, which checks each one's rows against its columns. */
  tables: ReportTable<Result, any>[];
}

export const table = <Result, Row>(t: ReportTable<Result, Row>): ReportTable<Result, Row> => t;

/** Report filters (one at a time); a report's `user` filter is logged_in/anonymous, not an id. */
const REPORT_FILTERS = { page: 'page', referrer: 'referrer', device: 'device', country: 'country' } as const;

export function reportTab<Result>(options: ReportTabOptions<Result>): Tab {
  const path = `/v1/reports/${options.report}`;
  return {
    id: options.id,
    label: options.label,
    filters: options.filters ?? REPORT_FILTERS,
    maxFilters: 1,
    async render(ctx) {
      const params = { ...ctx.params(), ...options.query?.(ctx) };
      const result = await getJson<Result>(path, params, ctx.signal);
      append(ctx.view, [
        options.kpis ? renderKpis(options.kpis(result)) : null,
        ...[options.figure?.(result, ctx)].flat(),
        ...options.tables.flatMap((table, i) => [
          table.chart?.(result),
          renderTable({
            name: table.name,
            caption: table.caption,
            columns: table.columns,
            rows: table.rows(result),
            half: !!table.half,
            ...(table.reportCsv || (i === 0 && !options.tables.some((t) => t.reportCsv))
              ? { csvHref: csvUrl(path, params) }
              : {}),
            onFilter: ctx.setFilter,
            ...(table.empty ? { empty: table.empty } : {}),
          }),
        ]),
      ]);
    },
  };
}
