/** The header's pickers (site, period, comparison, bots) and the filter chips. */
import { h, replace } from './dom.js';
import { FILTER_KEYS, type Bots, type DashState, type FilterKey, type Period, type Preset } from './state.js';

export type Navigate = (patch: Partial<DashState>) => void;

const PRESETS: [Preset, string][] = [
  ['today', 'Today'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['custom', 'Custom'],
];
const BOTS: [Bots, string][] = [
  ['exclude', 'People'],
  ['include', 'All'],
  ['only', 'Bots'],
];

function select<T extends string>(
  id: string,
  label: string,
  value: T,
  options: [T, string][],
  onChange: (v: T) => void,
) {
  const el = h('select', { id, onchange: () => onChange(el.value as T) });
  for (const [v, text] of options) el.append(h('option', { value: v, selected: v === value }, text));
  return h('label', { class: 'field', for: id }, h('span', {}, label), el);
}

export function renderControls(
  root: HTMLElement,
  state: DashState,
  period: Period,
  sites: string[],
  navigate: Navigate,
): void {
  const sitePicker = select(
    'site',
    'Site',
    state.site,
    sites.map((s) => [s, s]),
    (site) => navigate({ site, offset: 0, session: '' }),
  );
  const periodPicker = select('period', 'Period', state.preset, PRESETS, (preset) =>
    navigate({ preset, from: period.from, to: period.to, offset: 0 }),
  );
  const date = (id: 'from' | 'to', label: string) => {
    const input = h('input', {
      id,
      type: 'date',
      value: period[id],
      max: id === 'from' ? period.to : null,
      min: id === 'to' ? period.from : null,
      onchange: () => input.value && navigate({ preset: 'custom', [id]: input.value, offset: 0 }),
    });
    return h('label', { class: 'field', for: id }, h('span', {}, label), input);
  };
  const compare = h('input', {
    id: 'compare',
    type: 'checkbox',
    checked: state.compare,
    onchange: () => navigate({ compare: compare.checked }),
  });
  const bots = h('fieldset', { class: 'segmented' }, h('legend', {}, 'Traffic'));
  for (const [value, label] of BOTS) {
    const id = `bots-${value}`;
    bots.append(
      h('input', {
        type: 'radio',
        name: 'bots',
        id,
        value,
        checked: value === state.bots,
        onchange: () => navigate({ bots: value, offset: 0 }),
      }),
      h('label', { for: id }, label),
    );
  }
  replace(
    root,
    sitePicker,
    periodPicker,
    state.preset === 'custom' ? date('from', 'From') : null,
    state.preset === 'custom' ? date('to', 'To') : null,
    h('label', { class: 'check', for: 'compare' }, compare, 'Compare with previous period'),
    bots,
  );
}

/**
 * One removable chip per filter. A tab that cannot apply a filter yet (its API has no such
 * parameter) shows it as not applied rather than pretend.
 */
export function renderChips(
  root: HTMLElement,
  state: DashState,
  applied: readonly FilterKey[],
  navigate: Navigate,
): void {
  const chips = FILTER_KEYS.filter((key) => state.filters[key]).map((key) => {
    const on = applied.includes(key);
    return h(
      'span',
      {
        class: on ? 'chip' : 'chip off',
        title: on ? null : 'This tab cannot apply this filter (reports take one at a time)',
      },
      h('span', { class: 'chip-key' }, `${key}:`),
      ` ${state.filters[key] ?? ''}`,
      on ? null : h('span', { class: 'chip-note' }, ' (not applied here)'),
      h(
        'button',
        {
          type: 'button',
          'aria-label': `Remove the ${key} filter`,
          onclick: () => navigate({ filters: { ...state.filters, [key]: undefined }, offset: 0 }),
        },
        '×',
      ),
    );
  });
  replace(root, ...chips);
  root.hidden = chips.length === 0;
}
