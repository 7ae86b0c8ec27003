/**
 * The dashboard's whole state lives in the URL, so any view can be bookmarked or shared. It
 * takes the API's own `site`, `from`, `to` and `bots` parameters (a `from`/`to` without a
 * `period` is a custom period).
 */
import type { BotFilter } from '../../reports/answers.js';

/** The API's `bots` parameter. */
export type Bots = BotFilter;
export type Preset = 'today' | '7d' | '30d' | 'custom';
export const FILTER_KEYS = ['page', 'referrer', 'device', 'country', 'user'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface DashState {
  site: string;
  preset: Preset;
  /** ISO dates, inclusive; used when `preset` is `custom`. */
  from: string;
  to: string;
  compare: boolean;
  bots: Bots;
  filters: Filters;
  tab: string;
  /** Tab-local: search, ordering and offset of a list, the session opened. */
  q: string;
  order: string;
  offset: number;
  session: string;
  /** Paths tab: funnel steps, comma-separated (`/pricing,/signup,event:signup`). */
  funnel: string;
}

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PRESET_DAYS: Record<Exclude<Preset, 'custom'>, number> = { today: 1, '7d': 7, '30d': 30 };

export const DEFAULTS: DashState = {
  site: '',
  preset: '30d',
  from: '',
  to: '',
  compare: false,
  bots: 'exclude',
  filters: {},
  tab: 'overview',
  q: '',
  order: '',
  offset: 0,
  session: '',
  funnel: '',
};

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => isoDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);

export function parseState(search: string): DashState {
  const p = new URLSearchParams(search);
  const get = (key: string): string => p.get(key) ?? '';
  const from = DATE.test(get('from')) ? get('from') : '';
  const to = DATE.test(get('to')) ? get('to') : '';
  const period = get('period');
  const preset: Preset =
    period === 'today' || period === '7d' || period === '30d' || period === 'custom'
      ? period
      : from || to
        ? 'custom'
        : DEFAULTS.preset;
  const bots = get('bots');
  const filters: Filters = {};
  for (const key of FILTER_KEYS) if (get(key)) filters[key] = get(key);
  const offset = Number.parseInt(get('offset'), 10);
  return {
    site: get('site'),
    preset,
    from,
    to,
    compare: get('compare') === 'previous',
    bots: bots === 'include' || bots === 'only' ? bots : 'exclude',
    filters,
    tab: get('tab') || DEFAULTS.tab,
    q: get('q'),
    order: get('order'),
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
    session: get('session'),
    funnel: get('funnel'),
  };
}

/** The query string of a state, without what equals the defaults. */
export function toSearch(state: DashState): string {
  const p = new URLSearchParams();
  if (state.site) p.set('site', state.site);
  if (state.preset !== DEFAULTS.preset) p.set('period', state.preset);
  if (state.preset === 'custom') {
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
  }
  if (state.compare) p.set('compare', 'previous');
  if (state.bots !== DEFAULTS.bots) p.set('bots', state.bots);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) p.set(key, value);
  }
  if (state.tab !== DEFAULTS.tab) p.set('tab', state.tab);
  if (state.q) p.set('q', state.q);
  if (state.order) p.set('order', state.order);
  if (state.offset) p.set('offset', String(state.offset));
  if (state.session) p.set('session', state.session);
  if (state.funnel) p.set('funnel', state.funnel);
  return p.toString();
}

/** The period the state names, as inclusive UTC days ending `today` for presets. */
export function resolvePeriod(state: DashState, today: string): Period {
  if (state.preset !== 'custom') return { from: addDays(today, 1 - PRESET_DAYS[state.preset]), to: today };
  const to = state.to || today;
  const from = state.from && state.from <= to ? state.from : addDays(to, 1 - PRESET_DAYS['30d']);
  return { from, to };
}

/** The period of the same length just before `period`. */
export function previousPeriod(period: Period): Period {
  const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}
