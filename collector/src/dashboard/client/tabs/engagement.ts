/** Engagement: identified users ranked by score, with a 14-day sparkline, trend and status. */
import { formatDuration } from '../format.js';
import { reportTab, table } from './reportTab.js';

interface User {
  user: string;
  score: number;
  sessions: number;
  pageviews: number;
  clicks: number;
  engaged_s: number;
  last_seen: string;
  status: string;
  new: boolean;
  wow_change: number | null;
  sparkline: number[];
}
interface Engagement {
  totals: { users: number; new_users: number; sessions: number; engaged_s: number; score: number };
  status: Record<string, number>;
  users: User[];
}

const BLOCKS = '▁▂▃▄▅▆▇█';
/** A sparkline as text: one block per day, scaled to the user's own busiest day. */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => BLOCKS[max > 0 ? Math.round((v / max) * (BLOCKS.length - 1)) : 0]).join('');
}

const change = (n: number | null): string =>
  n === null ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(Math.round(n * 100))}%`;

export const engagementTab = reportTab<Engagement>({
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
    table<Engagement, User>({
      name: 'engagement',
      caption: 'Users by engagement',
      rows: (r) => r.users,
      empty: 'No identified users in this period (the site calls identify() to name them).',
      columns: [
        { label: 'User', value: (u) => u.user, filter: 'user' },
        { label: 'Score', value: (u) => u.score, numeric: true },
        { label: 'Last 14 days', value: (u) => sparkline(u.sparkline) },
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
