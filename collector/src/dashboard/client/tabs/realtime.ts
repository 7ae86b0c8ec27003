/**
 * Realtime: visitors in the last 5 minutes, live sessions and their page, pageviews per
 * minute. Drawn from the realtime report, then kept live by its Server-Sent Events stream
 * (`/v1/reports/realtime/stream`, a new answer each second it changes), until the view changes.
 */
import type { RealtimeResult, RealtimeStreamMessage } from '../../../reports/answers.js';
import { apiUrl, csvUrl, getJson } from '../api.js';
import { h, replace } from '../dom.js';
import { formatTime } from '../format.js';
import { renderKpis } from '../kpis.js';
import { renderTable } from '../table.js';
import type { Tab, TabContext } from './types.js';

/** The report's answer, or a stream message (without `now`: sent only when something else changed). */
type Realtime = RealtimeStreamMessage & { now?: string };

function draw(ctx: TabContext, box: HTMLElement, r: Realtime): void {
  const params = { site: ctx.state.site, bots: ctx.state.bots };
  replace(
    box,
    h('p', { class: 'count' }, `Updated ${formatTime(r.now ?? new Date().toISOString())} UTC`),
    renderKpis([
      { key: 'live-visitors', label: 'Visitors (5 min)', value: r.visitors },
      { key: 'live-human', label: 'Live human sessions', value: r.live_sessions.human },
      { key: 'live-bot', label: 'Live bot sessions', value: r.live_sessions.bot },
      {
        key: 'live-pageviews',
        label: 'Pageviews (30 min)',
        value: r.per_minute.reduce((n, m) => n + m.pageviews, 0),
      },
    ]),
    renderTable({
      name: 'realtime-sessions',
      caption: 'Live sessions',
      csvHref: csvUrl('/v1/reports/realtime', params),
      rows: r.sessions,
      empty: 'Nobody right now.',
      onFilter: ctx.setFilter,
      columns: [
        {
          label: 'Session',
          value: (s) => s.session,
          open: (s) => ctx.navigate({ tab: 'sessions', session: s.session }),
        },
        { label: 'Page', value: (s) => s.path, filter: 'page' },
        { label: 'Last seen', value: (s) => formatTime(s.last_seen) },
        { label: 'Device', value: (s) => s.device, filter: 'device' },
        { label: 'Country', value: (s) => s.country, filter: 'country' },
        { label: 'Bot', value: (s) => (s.is_bot ? 'bot' : '') },
      ],
    }),
    renderTable({
      name: 'realtime-minutes',
      caption: 'Per minute',
      rows: [...r.per_minute].reverse().filter((m) => m.pageviews || m.errors),
      empty: 'No pageviews in the last 30 minutes.',
      columns: [
        { label: 'Minute', value: (m) => formatTime(m.minute) },
        { label: 'Pageviews', value: (m) => m.pageviews, numeric: true },
        { label: 'Errors', value: (m) => m.errors, numeric: true },
      ],
    }),
  );
}

export const realtimeTab: Tab = {
  id: 'realtime',
  label: 'Realtime',
  // The realtime report reads raw rows and takes no filter.
  filters: {},
  async render(ctx) {
    const params = { site: ctx.state.site, bots: ctx.state.bots };
    const box = h('div', { class: 'live', 'aria-live': 'off' });
    draw(ctx, box, await getJson<RealtimeResult>('/v1/reports/realtime', params, ctx.signal));
    ctx.view.append(box);
    if (ctx.signal.aborted) return;
    const stream = new EventSource(apiUrl('/v1/reports/realtime/stream', params));
    stream.addEventListener('realtime', (event) => {
      try {
        draw(ctx, box, JSON.parse((event as MessageEvent<string>).data) as RealtimeStreamMessage);
      } catch {
        // a message cut short: the next one redraws
      }
    });
    ctx.signal.addEventListener('abort', () => stream.close());
  },
};
