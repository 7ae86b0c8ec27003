/**
 * Paths: where sessions enter and leave, where they drop off, which page follows which, how
 * many pages a session reads (a histogram and a table), and a funnel built from steps typed
 * here (kept in the URL).
 */
import type { PathsResult } from '../../../reports/answers.js';
import { h } from '../dom.js';
import { formatInt } from '../format.js';
import { renderHistogram } from '../histogram.js';
import { reportTab, table } from './reportTab.js';
import type { TabContext } from './types.js';

const pct = (n: number | null): string => (n === null ? '—' : `${Math.round(n * 100)}%`);

function lengthHistogram(r: PathsResult): HTMLElement {
  return renderHistogram({
    name: 'paths-lengths-histogram',
    caption: 'Sessions by pages per session',
    axis: 'Pages per session',
    bars: r.session_lengths.map((l) => ({
      label: l.pages,
      value: l.sessions,
      title: `${l.pages} page${l.pages === '1' ? '' : 's'}: ${formatInt(l.sessions)} session${l.sessions === 1 ? '' : 's'} (${pct(l.share)})`,
    })),
  });
}

function funnelForm(ctx: TabContext): HTMLElement {
  const input = h('input', {
    type: 'text',
    id: 'funnel-steps',
    value: ctx.state.funnel,
    placeholder: '/pricing, /signup, event:signup',
  });
  return h(
    'form',
    {
      class: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        ctx.navigate({ funnel: input.value.trim() });
      },
    },
    h('label', { for: 'funnel-steps' }, 'Funnel steps'),
    input,
    h('button', { type: 'submit' }, 'Build funnel'),
  );
}

export const pathsTab = reportTab<PathsResult>({
  id: 'paths',
  label: 'Paths',
  report: 'paths',
  query: (ctx) => (ctx.state.funnel ? { funnel: ctx.state.funnel } : {}),
  figure: (_r, ctx) => funnelForm(ctx),
  tables: [
    table<PathsResult, NonNullable<PathsResult['funnel']>[number]>({
      name: 'paths-funnel',
      caption: 'Funnel',
      rows: (r) => r.funnel ?? [],
      empty: 'Type two to eight steps above: paths starting with /, or event:<name>.',
      columns: [
        { label: 'Step', value: (s) => s.step },
        { label: 'Sessions', value: (s) => s.sessions, numeric: true },
        { label: 'From the first', value: (s) => pct(s.conversion), numeric: true },
        { label: 'Lost here', value: (s) => pct(s.drop), numeric: true },
      ],
    }),
    table<PathsResult, PathsResult['entry_pages'][number]>({
      name: 'paths-entries',
      caption: 'Entry pages',
      half: true,
      rows: (r) => r.entry_pages,
      columns: [
        { label: 'Page', value: (p) => p.path, filter: 'page' },
        { label: 'Entries', value: (p) => p.entries, numeric: true },
        { label: 'Views', value: (p) => p.views, numeric: true },
      ],
    }),
    table<PathsResult, PathsResult['exit_pages'][number]>({
      name: 'paths-exits',
      caption: 'Exit pages',
      half: true,
      rows: (r) => r.exit_pages,
      columns: [
        { label: 'Page', value: (p) => p.path, filter: 'page' },
        { label: 'Exits', value: (p) => p.exits, numeric: true },
        { label: 'Exit rate', value: (p) => pct(p.exit_rate), numeric: true },
      ],
    }),
    table<PathsResult, PathsResult['transitions'][number]>({
      name: 'paths-transitions',
      caption: 'Next page',
      reportCsv: true,
      half: true,
      rows: (r) => r.transitions,
      columns: [
        { label: 'From', value: (t) => t.from, filter: 'page' },
        { label: 'To', value: (t) => t.to, filter: 'page' },
        { label: 'Sessions', value: (t) => t.count, numeric: true },
      ],
    }),
    table<PathsResult, PathsResult['drop_off'][number]>({
      name: 'paths-drop-off',
      caption: 'Drop-off',
      half: true,
      rows: (r) => r.drop_off,
      columns: [
        { label: 'Page', value: (p) => p.path, filter: 'page' },
        { label: 'Views', value: (p) => p.views, numeric: true },
        { label: 'Exit rate', value: (p) => pct(p.exit_rate), numeric: true },
      ],
    }),
    table<PathsResult, PathsResult['session_lengths'][number]>({
      name: 'paths-lengths',
      caption: 'Pages per session',
      rows: (r) => r.session_lengths,
      chart: lengthHistogram,
      columns: [
        { label: 'Pages', value: (l) => l.pages },
        { label: 'Sessions', value: (l) => l.sessions, numeric: true },
        { label: 'Share', value: (l) => pct(l.share), numeric: true },
      ],
    }),
  ],
});
