/**
 * Line charts with uPlot: about 50 KB minified (Chart.js is four times that), draws a
 * 10 000-point series in a few milliseconds, and touches no markup beyond its own elements.
 * Colours come from the page's CSS variables, so charts follow light and dark.
 */
import uPlot from 'uplot';
import { h } from './dom.js';

export interface LineSeries {
  label: string;
  values: number[];
  /** 0 for the first colour … ; `dashed` for a comparison period. */
  color: number;
  dashed?: boolean;
}

const cssVar = (name: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** A line chart over UTC days; resizes with its box. Returns the element to insert. */
export function lineChart(title: string, days: string[], series: LineSeries[]): HTMLElement {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': title });
  const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const text = cssVar('--muted');
  const grid = cssVar('--grid');
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  // Whole days only on the time axis: the data is per UTC day.
  const dayAxis = {
    ...axis,
    incrs: [1, 2, 7, 14, 30, 91, 182, 365].map((d) => d * 86_400),
    values: '{MMM} {D}',
  };
  const options: uPlot.Options = {
    width: 600,
    height: 260,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [dayAxis, { ...axis, size: 50 }],
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: 'Day' },
      ...series.map((s) => ({
        label: s.label,
        stroke: cssVar(`--series-${s.color}`),
        width: 2,
        ...(s.dashed ? { dash: [6, 4] } : {}),
        points: { show: days.length <= 31 },
      })),
    ],
  };
  const chart = new uPlot(options, [xs, ...series.map((s) => s.values)], box);
  // uPlot draws at a fixed size; follow the box (phone width included).
  new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width > 0 && width !== chart.width) chart.setSize({ width, height: width < 500 ? 200 : 260 });
  }).observe(box);
  return box;
}
