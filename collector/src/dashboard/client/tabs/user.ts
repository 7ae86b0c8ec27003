/**
 * User: one identified user (the `user` filter chip, set by clicking a user anywhere) from
 * `GET /v1/users/<user>`: figures, a 30-day trend, favourite pages, hours, devices, sessions
 * with problems, and the timeline of what they did.
 */
import type { UserProfile } from '../../../reports/answers.js';
import { getJson } from '../api.js';
import { lineChart } from '../chart.js';
import { append, h } from '../dom.js';
import { formatTime } from '../format.js';
import { renderKpis } from '../kpis.js';
import { renderTable } from '../table.js';
import type { Tab, TabContext } from './types.js';

function pickUser(ctx: TabContext): HTMLElement {
  const input = h('input', { type: 'text', id: 'user-id', placeholder: 'user id' });
  return h(
    'form',
    {
      class: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (input.value.trim()) ctx.setFilter('user', input.value.trim());
      },
    },
    h('label', { for: 'user-id' }, 'Show the user'),
    input,
    h('button', { type: 'submit' }, 'Show'),
    h('p', { class: 'empty' }, 'Or click a user in Engagement, Problems or Sessions.'),
  );
}

export const userTab: Tab = {
  id: 'user',
  label: 'User',
  filters: { user: 'user' },
  async render(ctx) {
    const user = ctx.state.filters.user;
    if (!user) {
      ctx.view.append(pickUser(ctx));
      return;
    }
    const params = { site: ctx.state.site, bots: ctx.state.bots };
    const p = await getJson<UserProfile>(`/v1/users/${encodeURIComponent(user)}`, params, ctx.signal);
    const peak = Math.max(1, ...p.hours.map((x) => x.pageviews));
    append(ctx.view, [
      h('h2', { class: 'detail-title' }, 'User ', h('code', {}, p.user)),
      renderKpis([
        { key: 'user-sessions', label: 'Sessions', value: p.sessions },
        { key: 'user-pageviews', label: 'Pageviews', value: p.pageviews },
        { key: 'user-events', label: 'Events', value: p.events },
      ]),
      h(
        'p',
        { class: 'count' },
        `First seen ${p.first_seen ? formatTime(p.first_seen) : '—'} · last seen ${p.last_seen ? formatTime(p.last_seen) : '—'} (UTC)`,
      ),
      lineChart(
        'Engagement and problem score, last 30 days',
        p.trend.map((d) => d.date),
        [
          { label: 'Engagement score', values: p.trend.map((d) => d.score), color: 1 },
          { label: 'Problem score', values: p.trend.map((d) => d.problem_score), color: 2 },
        ],
      ),
      renderTable({
        name: 'user-pages',
        caption: 'Favourite pages',
        half: true,
        rows: p.favourite_pages,
        onFilter: ctx.setFilter,
        columns: [
          { label: 'Page', value: (x) => x.path, filter: 'page' },
          { label: 'Views', value: (x) => x.views, numeric: true },
        ],
      }),
      renderTable({
        name: 'user-hours',
        caption: 'Pageviews by hour (UTC)',
        half: true,
        rows: p.hours.filter((x) => x.pageviews > 0),
        columns: [
          { label: 'Hour', value: (x) => `${String(x.hour).padStart(2, '0')}:00` },
          { label: 'Pageviews', value: (x) => x.pageviews, numeric: true },
          { label: '', value: (x) => '█'.repeat(Math.max(1, Math.round((x.pageviews / peak) * 12))) },
        ],
      }),
      renderTable({
        name: 'user-devices',
        caption: 'Devices and browsers',
        half: true,
        rows: [...p.devices, ...p.browsers],
        columns: [
          { label: 'Device / browser', value: (x) => x.value },
          { label: 'Sessions', value: (x) => x.sessions, numeric: true },
        ],
      }),
      renderTable({
        name: 'user-problems',
        caption: 'Sessions with problems',
        half: true,
        rows: p.problem_sessions,
        columns: [
          {
            label: 'Session',
            value: (x) => x.session,
            open: (x) => ctx.navigate({ tab: 'sessions', session: x.session }),
          },
          { label: 'Day', value: (x) => x.date },
          { label: 'Score', value: (x) => x.score, numeric: true },
        ],
      }),
      renderTable({
        name: 'user-timeline',
        caption: 'Timeline',
        rows: p.timeline,
        columns: [
          { label: 'Time', value: (x) => formatTime(x.ts) },
          { label: 'What', value: (x) => x.kind },
          { label: 'Page', value: (x) => x.path },
          { label: 'Name', value: (x) => x.name },
          {
            label: 'Session',
            value: (x) => x.session,
            open: (x) => ctx.navigate({ tab: 'sessions', session: x.session }),
          },
          { label: 'Data', value: (x) => (x.data ? JSON.stringify(x.data).slice(0, 200) : '') },
        ],
      }),
    ]);
  },
};
