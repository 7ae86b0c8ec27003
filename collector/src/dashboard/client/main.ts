/**
 * The dashboard app: state from the URL → header controls, tab bar, filter chips, and the
 * active tab's view. Every change goes through `navigate`, which writes the URL first.
 */
import { getJson } from './api.js';
import { renderChips, renderControls } from './controls.js';
import { h, replace } from './dom.js';
import {
  isoDay,
  parseState,
  previousPeriod,
  resolvePeriod,
  toSearch,
  type DashState,
  type FilterKey,
} from './state.js';
import { TABS } from './tabs/index.js';
import type { Tab, TabContext } from './tabs/types.js';

const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
const els = {
  controls: $('controls'),
  tabs: $('tabs'),
  chips: $('chips'),
  status: $('status'),
  view: $('view'),
};

let state: DashState = parseState(location.search);
let sites: string[] = [];
let running: AbortController | null = null;
let firstRender = true;

function navigate(patch: Partial<DashState>): void {
  // A new tab or site starts its list from the top and closes an opened session.
  const reset =
    (patch.tab !== undefined && patch.tab !== state.tab) ||
    (patch.site !== undefined && patch.site !== state.site);
  state = { ...state, ...(reset ? { q: '', order: '', offset: 0, session: '' } : {}), ...patch };
  history.pushState(null, '', `?${toSearch(state)}`);
  void render();
}

function renderTabBar(active: Tab): void {
  const buttons = TABS.map((tab) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-selected': tab === active ? 'true' : 'false',
        'aria-controls': 'view',
        tabindex: tab === active ? 0 : -1,
        onclick: () => navigate({ tab: tab.id }),
      },
      tab.label,
    ),
  );
  // Arrow keys move between tabs (WAI-ARIA tabs pattern); Tab leaves the bar.
  els.tabs.onkeydown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const i = (TABS.indexOf(active) + step + TABS.length) % TABS.length;
    const next = TABS[i];
    if (next) {
      navigate({ tab: next.id });
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  };
  replace(els.tabs, ...buttons);
}

async function render(): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const today = isoDay(Date.now());
  const period = resolvePeriod(state, today);
  const tab = TABS.find((t) => t.id === state.tab) ?? TABS[0]!;
  const applied = (Object.keys(tab.filters ?? {}) as FilterKey[])
    .filter((key) => state.filters[key])
    .slice(0, tab.maxFilters ?? Infinity);
  // The header is drawn anew: keep the keyboard where it was (the picker just changed).
  const focusedId = document.activeElement?.id;
  renderControls(els.controls, state, period, sites, navigate);
  renderTabBar(tab);
  renderChips(els.chips, state, applied, navigate);
  if (focusedId) document.getElementById(focusedId)?.focus();
  els.view.setAttribute('role', 'tabpanel');
  els.view.setAttribute('aria-labelledby', `tab-${tab.id}`);
  const ctx: TabContext = {
    state,
    period,
    previous: state.compare ? previousPeriod(period) : null,
    view: h('div', { class: 'tab-view', 'data-tab': tab.id }),
    signal: controller.signal,
    navigate,
    // A filter is about the whole list: it closes an opened session.
    setFilter: (key, value) =>
      navigate({ filters: { ...state.filters, [key]: value }, offset: 0, session: '' }),
    params(p = period) {
      const params: Record<string, string> = { site: state.site, from: p.from, to: p.to, bots: state.bots };
      for (const key of applied) {
        const param = tab.filters?.[key];
        const value = state.filters[key];
        if (value && param) params[param] = value;
      }
      return params;
    },
  };
  document.body.dataset.state = 'loading';
  els.status.textContent = 'Loading…';
  try {
    await tab.render(ctx);
    if (controller.signal.aborted) return;
    replace(els.view, ctx.view);
    // A button inside the old view had the focus: give it to the new view, not to <body>.
    if (!firstRender && document.activeElement === document.body) els.view.focus({ preventScroll: true });
    els.status.textContent = '';
    document.body.dataset.state = 'ready';
    if (firstRender) {
      firstRender = false;
      performance.mark('sightline:first-render');
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    els.status.textContent = `Could not load this view: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.state = 'error';
  }
}

async function start(): Promise<void> {
  try {
    sites = (await getJson<{ results: { id: string }[] }>('/v1/sites', {})).results.map((s) => s.id);
  } catch (error) {
    els.status.textContent = `Could not load the sites: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.state = 'error';
    return;
  }
  if (!state.site || !sites.includes(state.site)) {
    state = { ...state, site: sites[0] ?? '' };
    history.replaceState(null, '', `?${toSearch(state)}`);
  }
  if (!state.site) {
    els.status.textContent = 'No site is registered yet: start the collector with SITES=my-site.';
    return;
  }
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    void render();
  });
  // Charts read their colours from CSS: draw again when the theme flips.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => void render());
  await render();
}

void start();
