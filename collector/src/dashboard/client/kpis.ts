/** KPI cards: a value, and its change against the previous period when comparing. */
import { h } from './dom.js';
import { formatChange, formatDecimal, formatInt } from './format.js';

export interface Kpi {
  key: string;
  label: string;
  value: number;
  previous?: number | null;
  decimals?: boolean;
  /** true when a rise is bad (errors): the change is coloured the other way. */
  lowerIsBetter?: boolean;
}

export function renderKpis(kpis: Kpi[]): HTMLElement {
  return h(
    'section',
    { class: 'kpis', 'aria-label': 'Key figures' },
    ...kpis.map((k) => {
      const change =
        k.previous === null || k.previous === undefined ? null : formatChange(k.value, k.previous);
      const good = change && change.sign !== 0 ? change.sign > 0 !== !!k.lowerIsBetter : null;
      return h(
        'div',
        { class: 'kpi', 'data-kpi': k.key },
        h('span', { class: 'kpi-label' }, k.label),
        h('span', { class: 'kpi-value' }, k.decimals ? formatDecimal(k.value) : formatInt(k.value)),
        change
          ? h(
              'span',
              {
                class: good === null ? 'kpi-change' : good ? 'kpi-change up' : 'kpi-change down',
                title: 'vs previous period',
              },
              change.text,
            )
          : null,
      );
    }),
  );
}
