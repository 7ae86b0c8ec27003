/** Sessions: the paged list with search and ordering; a session id opens its detail. */
import type { RecordPage, SessionRecord } from '../../../lib/records.js';
import { csvUrl, getJson, type Params } from '../api.js';
import { append, h } from '../dom.js';
import { formatDuration, formatInt, formatTime } from '../format.js';
import { renderTable } from '../table.js';
import { renderSessionDetail } from './sessionDetail.js';
import type { Tab, TabContext } from './types.js';

export const PAGE_SIZE = 50;
const DEFAULT_ORDER = '-first_seen';

function searchForm(ctx: TabContext): HTMLElement {
  const input = h('input', {
    type: 'search',
    id: 'session-search',
    name: 'q',
    value: ctx.state.q,
    placeholder: 'Session, user, page, referrer',
  });
  return h(
    'form',
    {
      class: 'search',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        ctx.navigate({ q: input.value.trim(), offset: 0 });
      },
    },
    h('label', { for: 'session-search' }, 'Search sessions'),
    input,
    h('button', { type: 'submit' }, 'Search'),
  );
}

function pager(ctx: TabContext, count: number): HTMLElement {
  const { offset } = ctx.state;
  const last = Math.min(offset + PAGE_SIZE, count);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages of sessions' },
    h(
      'button',
      {
        type: 'button',
        disabled: offset === 0,
        onclick: () => ctx.navigate({ offset: Math.max(0, offset - PAGE_SIZE) }),
      },
      '← Previous',
    ),
    h('span', {}, count === 0 ? '0' : `${formatInt(offset + 1)}–${formatInt(last)} of ${formatInt(count)}`),
    h(
      'button',
      {
        type: 'button',
        disabled: last >= count,
        onclick: () => ctx.navigate({ offset: offset + PAGE_SIZE }),
      },
      'Next →',
    ),
  );
}

async function renderList(ctx: TabContext): Promise<void> {
  const ordering = ctx.state.order || DEFAULT_ORDER;
  const params: Params = {
    ...ctx.params(),
    search: ctx.state.q,
    ordering,
    limit: PAGE_SIZE,
    offset: ctx.state.offset,
  };
  const page = await getJson<RecordPage<SessionRecord>>('/v1/sessions', params, ctx.signal);
  append(ctx.view, [
    searchForm(ctx),
    h('p', { class: 'count', 'data-count': page.count }, `${formatInt(page.count)} sessions`),
    renderTable({
      name: 'sessions',
      caption: 'Sessions',
      csvHref: csvUrl('/v1/sessions', params),
      rows: page.results,
      ordering,
      onSort: (order) => ctx.navigate({ order, offset: 0 }),
      onFilter: ctx.setFilter,
      empty: ctx.state.q ? 'No session matches this search.' : 'No sessions in this period.',
      columns: [
        { label: 'Session', value: (s) => s.session, open: (s) => ctx.navigate({ session: s.session }) },
        { label: 'Started', value: (s) => formatTime(s.first_seen), sort: 'first_seen' },
        { label: 'Duration', value: (s) => formatDuration(s.duration_s), numeric: true, sort: 'duration' },
        { label: 'Pageviews', value: (s) => s.pageviews, numeric: true, sort: 'pageviews' },
        { label: 'Events', value: (s) => s.events, numeric: true, sort: 'events' },
        { label: 'Entry', value: (s) => s.entry_path, filter: 'page' },
        { label: 'Exit', value: (s) => s.exit_path, filter: 'page' },
        { label: 'Referrer', value: (s) => s.referrer },
        { label: 'User', value: (s) => s.user, filter: 'user' },
        { label: 'Device', value: (s) => s.device, filter: 'device' },
        {
          label: 'Bot score',
          value: (s) => `${s.bot_score.toFixed(2)}${s.is_bot ? ' bot' : ''}`,
          numeric: true,
        },
      ],
    }),
    pager(ctx, page.count),
  ]);
}

export const sessionsTab: Tab = {
  id: 'sessions',
  label: 'Sessions',
  filters: { user: 'user' },
  render: (ctx) => (ctx.state.session ? renderSessionDetail(ctx, ctx.state.session) : renderList(ctx)),
};
