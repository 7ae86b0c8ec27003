/** One session: its facts and bot verdict, its pageviews and its other events in order. */
import type { InteractionRecord, PageviewRecord, RecordPage, SessionRecord } from '../../../lib/records.js';
import { csvUrl, getJson } from '../api.js';
import { append, h } from '../dom.js';
import { formatDuration, formatTime } from '../format.js';
import { renderTable } from '../table.js';
import type { TabContext } from './types.js';

/** Event data as one line of text (shown with textContent like everything else). */
const summarise = (data: Record<string, unknown> | null): string =>
  data ? JSON.stringify(data).slice(0, 300) : '';

export async function renderSessionDetail(ctx: TabContext, id: string): Promise<void> {
  const site = ctx.state.site;
  const listParams = { site, session: id, bots: 'include', ordering: 'ts', limit: 1000 };
  const [s, views, events] = await Promise.all([
    getJson<SessionRecord>(`/v1/sessions/${encodeURIComponent(id)}`, { site }, ctx.signal),
    getJson<RecordPage<PageviewRecord>>('/v1/pageviews', listParams, ctx.signal),
    getJson<RecordPage<InteractionRecord>>('/v1/interactions', listParams, ctx.signal),
  ]);
  const facts: [string, string][] = [
    ['Started', formatTime(s.first_seen)],
    ['Last seen', formatTime(s.last_seen)],
    ['Duration', formatDuration(s.duration_s)],
    ['Pageviews', String(s.pageviews)],
    ['Events', String(s.events)],
    ['User', s.user ?? '—'],
    ['Visitor', s.visitor],
    ['Referrer', s.referrer ?? '—'],
    ['Device', [s.device, s.screen, s.viewport].filter(Boolean).join(' · ') || '—'],
    ['Language', [s.language, s.timezone].filter(Boolean).join(' · ') || '—'],
    ['User agent', s.user_agent ?? '—'],
    ['Bot score', `${s.bot_score.toFixed(2)} (${s.is_bot ? 'bot' : 'human'})`],
  ];
  append(ctx.view, [
    h(
      'button',
      { type: 'button', class: 'back', onclick: () => ctx.navigate({ session: '' }) },
      '← All sessions',
    ),
    h('h2', { class: 'detail-title' }, 'Session ', h('code', {}, s.session)),
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    s.bot_reasons.length
      ? h(
          'ul',
          { class: 'reasons', 'aria-label': 'Bot reasons' },
          ...s.bot_reasons.map((r) => h('li', {}, r)),
        )
      : null,
    renderTable({
      name: 'session-pageviews',
      caption: `Pageviews (${views.count})`,
      csvHref: csvUrl('/v1/pageviews', listParams),
      rows: views.results,
      onFilter: ctx.setFilter,
      columns: [
        { label: 'Time', value: (v) => formatTime(v.ts) },
        { label: 'Page', value: (v) => v.path, filter: 'page' },
        { label: 'Title', value: (v) => v.title },
        { label: 'URL', value: (v) => v.url },
        { label: 'Referrer', value: (v) => v.referrer },
      ],
    }),
    renderTable({
      name: 'session-events',
      caption: `Events (${events.count})`,
      csvHref: csvUrl('/v1/interactions', listParams),
      rows: events.results,
      columns: [
        { label: 'Time', value: (e) => formatTime(e.ts) },
        { label: 'Type', value: (e) => e.type },
        { label: 'Name', value: (e) => e.name },
        { label: 'Page', value: (e) => e.path },
        { label: 'Data', value: (e) => summarise(e.data) },
      ],
    }),
  ]);
}
