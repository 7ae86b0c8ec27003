/**
 * A column chart of a few buckets (pages per session), drawn as plain elements: the height
 * is a custom property set through the CSSOM, which the page's CSP allows. It is one image
 * to a screen reader, its label listing every bucket; the table beside it has the same rows.
 */
import { h } from './dom.js';

export interface HistogramBar {
  label: string;
  value: number;
  /** `3–5 pages: 4 sessions (20%)`: the bar's title and its part of the chart's label. */
  title: string;
}

export interface HistogramOptions {
  name: string;
  caption: string;
  /** What the buckets are, written under them. */
  axis: string;
  bars: HistogramBar[];
}

function column(bar: HistogramBar, max: number): HTMLElement {
  const fill = h('span', { class: 'hist-bar' });
  fill.style.setProperty('--size', (max > 0 ? bar.value / max : 0).toFixed(3));
  return h(
    'div',
    { class: 'hist-col', title: bar.title, 'data-label': bar.label, 'data-count': bar.value },
    h('span', { class: 'hist-value' }, bar.value),
    fill,
    h('span', { class: 'hist-label' }, bar.label),
  );
}

export function renderHistogram(options: HistogramOptions): HTMLElement {
  const max = Math.max(0, ...options.bars.map((b) => b.value));
  return h(
    'section',
    { class: 'table-card chart-card', 'data-histogram': options.name },
    h('div', { class: 'table-head' }, h('h2', {}, options.caption)),
    h(
      'div',
      {
        class: 'histogram',
        role: 'img',
        'aria-label': `${options.caption}: ${options.bars.map((b) => b.title).join('; ')}`,
      },
      ...options.bars.map((b) => column(b, max)),
    ),
    h('p', { class: 'chart-note hist-axis' }, options.axis),
  );
}
