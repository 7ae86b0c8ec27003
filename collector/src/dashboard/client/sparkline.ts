/**
 * A sparkline small enough for a table cell: one bar per day, scaled to the row's own
 * busiest day, heights set through the CSSOM (the CSP allows no style attribute). One image
 * to a screen reader, labelled with every value.
 */
import { h } from './dom.js';
import { formatDecimal } from './format.js';

export function renderSparkline(label: string, values: number[]): HTMLElement {
  const max = Math.max(0, ...values);
  const box = h('span', {
    class: 'spark',
    role: 'img',
    'aria-label': `${label}: ${values.map(formatDecimal).join(', ')}`,
    title: values.map(formatDecimal).join(' · '),
    'data-values': values.join(','),
  });
  for (const value of values) {
    const bar = h('span', { class: value > 0 ? 'spark-bar' : 'spark-bar zero' });
    bar.style.setProperty('--size', (max > 0 ? value / max : 0).toFixed(3));
    box.append(bar);
  }
  return box;
}
