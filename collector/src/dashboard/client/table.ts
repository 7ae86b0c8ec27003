/**
 * Tables: every one has a caption and a CSV link of its own query. A cell can set a filter
 * (page, referrer, …) or open a row, and carry a bar in proportion to the column's largest
 * value (top pages); sortable headers follow the API's `ordering`.
 */
import { downloadCsv, toCsv } from './csv.js';
import { h, type Child } from './dom.js';
import type { FilterKey } from './state.js';

export interface Column<R> {
  label: string;
  /** The cell's content; strings are text, never markup. */
  value(row: R): string | number | null | undefined;
  numeric?: boolean;
  /** Clicking the cell sets this filter to the cell's value. */
  filter?: FilterKey;
  /** The filter's value when it is not the cell's text (null: this row sets none). */
  filterValue?(row: R): string | null;
  /** The API ordering field this column sorts by. */
  sort?: string;
  /** Makes the cell a button that runs this with its row (e.g. open a session). */
  open?(row: R): void;
  /** What the cell shows instead of `value`'s text (a sparkline); `value` stays its text and CSV. */
  cell?(row: R): Child;
  /** Draws a bar behind the cell, this number's share of the largest in the column. */
  bar?(row: R): number;
}

export interface TableOptions<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  /** The API's CSV of the same query; without it, the CSV is made from the rows shown. */
  csvHref?: string;
  empty?: string;
  onFilter?(key: FilterKey, value: string): void;
  /** Current ordering (`field` or `-field`) and how to change it. */
  ordering?: string;
  onSort?(ordering: string): void;
  name?: string;
  /** Half the width on a wide screen. */
  half?: boolean;
}

function headerCell<R>(column: Column<R>, options: TableOptions<R>): HTMLTableCellElement {
  const cls = column.numeric ? 'num' : undefined;
  if (!column.sort || !options.onSort) return h('th', { scope: 'col', class: cls }, column.label);
  const field = column.sort;
  const current =
    options.ordering === field ? 'ascending' : options.ordering === `-${field}` ? 'descending' : null;
  const next = current === 'descending' ? field : `-${field}`;
  const arrow = current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : '';
  return h(
    'th',
    { scope: 'col', class: cls, 'aria-sort': current ?? 'none' },
    h(
      'button',
      { type: 'button', class: 'sort', onclick: () => options.onSort?.(next) },
      column.label + arrow,
    ),
  );
}

/** A bar as wide as `value`'s share of `max`: a width set through the CSSOM (the CSP allows no style attribute). */
function bar(value: number, max: number): HTMLElement {
  const el = h('span', { class: 'bar', 'aria-hidden': 'true', 'data-value': value });
  el.style.width = `${max > 0 ? (Math.max(0, value) / max) * 100 : 0}%`;
  return el;
}

function bodyCell<R>(column: Column<R>, row: R, options: TableOptions<R>, max: number): HTMLTableCellElement {
  const raw = column.value(row);
  const text = raw === null || raw === undefined ? '' : String(raw);
  let content: Child = column.cell ? column.cell(row) : text;
  if (column.open && text) {
    content = h('button', { type: 'button', class: 'link', onclick: () => column.open?.(row) }, text);
  } else if (column.filter && options.onFilter && text) {
    const key = column.filter;
    const value = column.filterValue ? column.filterValue(row) : text;
    if (value) {
      content = h(
        'button',
        {
          type: 'button',
          class: 'link',
          title: `Filter by ${key}`,
          onclick: () => options.onFilter?.(key, value),
        },
        text,
      );
    }
  }
  if (column.bar) {
    return h(
      'td',
      { class: column.numeric ? 'num barred' : 'barred' },
      bar(column.bar(row), max),
      h('span', { class: 'bar-label' }, content),
    );
  }
  return h('td', { class: column.numeric ? 'num' : undefined }, content);
}

function saveRows<R>(options: TableOptions<R>): void {
  const rows = options.rows.map((row) => options.columns.map((c) => c.value(row)));
  downloadCsv(
    options.name ?? 'table',
    toCsv(
      options.columns.map((c) => c.label),
      rows,
    ),
  );
}

export function renderTable<R>(options: TableOptions<R>): HTMLElement {
  const maxes = options.columns.map(({ bar: size }) =>
    size ? Math.max(0, ...options.rows.map((row) => size(row))) : 0,
  );
  const table = h(
    'table',
    {},
    h('caption', {}, options.caption),
    h('thead', {}, h('tr', {}, ...options.columns.map((c) => headerCell(c, options)))),
    h(
      'tbody',
      {},
      ...options.rows.map((row) =>
        h('tr', {}, ...options.columns.map((c, i) => bodyCell(c, row, options, maxes[i] ?? 0))),
      ),
    ),
  );
  return h(
    'section',
    { class: options.half ? 'table-card half' : 'table-card', 'data-table': options.name ?? null },
    h(
      'div',
      { class: 'table-head' },
      h('h2', {}, options.caption),
      options.csvHref
        ? h('a', { href: options.csvHref, class: 'csv', download: '' }, 'CSV')
        : h('button', { type: 'button', class: 'csv link', onclick: () => saveRows(options) }, 'CSV'),
    ),
    options.rows.length === 0
      ? h('p', { class: 'empty' }, options.empty ?? 'Nothing in this period.')
      : h('div', { class: 'scroll' }, table),
  );
}
