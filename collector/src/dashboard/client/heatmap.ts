/**
 * Heatmaps as tables: a row header per row, a column header per column, one cell per value
 * whose colour deepens with the value. Being a table, it reads cell by cell with a screen
 * reader (each cell holds its number, visually hidden) and needs no canvas; the shade is a
 * custom property set through the CSSOM, which the page's CSP allows (a style attribute it
 * would not). Each cell's `title` and `data-count` carry its exact value.
 */
import { downloadCsv, toCsv } from './csv.js';
import { h } from './dom.js';

export interface HeatmapOptions {
  name: string;
  caption: string;
  /** `label` is read and shown on hover; `short` is shown, and may be empty to leave gaps. */
  columns: { label: string; short: string }[];
  rows: { label: string; values: number[] }[];
  /** The cell's title: `Tue 14:00–15:00 UTC: 5 pageviews`. */
  describe(row: number, column: number): string;
  /** Under the grid: what the colour counts, and where the peak is. */
  note?: string;
  /** Row labels are paths (wider), not days of the week. */
  wideLabels?: boolean;
}

/** 0 for an empty cell, else 0.15–1: the least value still shows. */
const shade = (value: number, max: number): number =>
  value > 0 && max > 0 ? 0.15 + 0.85 * (value / max) : 0;

function cell(value: number, max: number, title: string): HTMLTableCellElement {
  const td = h('td', { class: 'heat', title, 'data-count': value }, h('span', { class: 'sr-only' }, value));
  td.style.setProperty('--heat', shade(value, max).toFixed(3));
  return td;
}

function saveCsv(options: HeatmapOptions): void {
  const header = ['', ...options.columns.map((c) => c.label)];
  downloadCsv(
    options.name,
    toCsv(
      header,
      options.rows.map((r) => [r.label, ...r.values]),
    ),
  );
}

export function renderHeatmap(options: HeatmapOptions): HTMLElement {
  const max = Math.max(0, ...options.rows.flatMap((r) => r.values));
  const table = h(
    'table',
    { class: options.wideLabels ? 'heatmap wide' : 'heatmap' },
    h('caption', {}, options.caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', { class: 'heat-corner' }),
        ...options.columns.map((c) =>
          h('th', { scope: 'col', title: c.label, 'aria-label': c.label }, h('span', {}, c.short)),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...options.rows.map((row, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', title: row.label }, row.label),
          ...row.values.map((value, j) => cell(value, max, options.describe(i, j))),
        ),
      ),
    ),
  );
  // Long periods scroll sideways rather than shrink a day below a few pixels.
  table.style.setProperty('--columns', String(options.columns.length));
  return h(
    'section',
    { class: 'table-card chart-card', 'data-heatmap': options.name },
    h(
      'div',
      { class: 'table-head' },
      h('h2', {}, options.caption),
      h('button', { type: 'button', class: 'csv link', onclick: () => saveCsv(options) }, 'CSV'),
    ),
    h('div', { class: 'heatmap-scroll' }, table),
    h(
      'p',
      { class: 'chart-note' },
      h('span', { class: 'heat-legend', 'aria-hidden': 'true' }, 'Less', legendSwatches(), 'More'),
      options.note ?? null,
    ),
  );
}

function legendSwatches(): HTMLElement {
  const swatches = h('span', { class: 'heat-swatches' });
  for (const level of [0, 0.15, 0.43, 0.72, 1]) {
    const swatch = h('span', { class: 'heat-swatch' });
    swatch.style.setProperty('--heat', String(level));
    swatches.append(swatch);
  }
  return swatches;
}
