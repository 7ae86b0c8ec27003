/** Engagement: identified users ranked by score, with a 7-day sparkline, trend and status. */
import type { EngagementResult, EngagementUser } from '../../../reports/answers.js';
import { formatDuration } from '../format.js';
import { renderSparkline } from '../sparkline.js';
import { reportTab, table } from './reportTab.js';

const change = (n: number | null): string =>
  n === null ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(Math.round(n * 100))}%`;

export const engagementTab = reportTab<EngagementResult>({
  id: 'engagement',
  label: 'Engagement',
  report: 'engagement',
  kpis: (r) => [
    { key: 'users', label: 'Users', value: r.totals.users },
    { key: 'new-users', label: 'New users', value: r.totals.new_users },
    { key: 'active', label: 'Active', value: r.status.active ?? 0 },
    { key: 'at-risk', label: 'At risk', value: r.status.at_risk ?? 0 },
    { key: 'dormant', label: 'Dormant', value: r.status.dormant ?? 0 },
  ],
  tables: [
    table<EngagementResult, EngagementUser>({
      name: 'engagement',
      caption: 'Users by engagement',
      rows: (r) => r.users,
      empty: 'No identified users in this period (the site calls identify() to name them).',
      columns: [
        { label: 'User', value: (u) => u.user, filter: 'user' },
        { label: 'Score', value: (u) => u.score, numeric: true },
        // The report's sparkline: daily scores of the period's last 7 days, oldest first.
        {
          label: 'Last 7 days',
          value: (u) => u.sparkline.join(' '),
          cell: (u) => renderSparkline('Daily score, last 7 days', u.sparkline),
        },
        { label: 'Week on week', value: (u) => change(u.wow_change), numeric: true },
        { label: 'Status', value: (u) => `${u.status.replace('_', ' ')}${u.new ? ' · new' : ''}` },
        { label: 'Sessions', value: (u) => u.sessions, numeric: true },
        { label: 'Pageviews', value: (u) => u.pageviews, numeric: true },
        { label: 'Clicks', value: (u) => u.clicks, numeric: true },
        { label: 'Engaged', value: (u) => formatDuration(u.engaged_s), numeric: true },
        { label: 'Last seen', value: (u) => u.last_seen.slice(0, 10) },
      ],
    }),
  ],
});
