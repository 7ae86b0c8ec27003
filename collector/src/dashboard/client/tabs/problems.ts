/** Problems: the users, sessions and pages with the most errors, rage and dead clicks, slow loads. */
import type { ProblemScored, ProblemsResult } from '../../../reports/answers.js';
import { reportTab, table } from './reportTab.js';
import type { Column } from '../table.js';

function counts<R extends ProblemScored>(): Column<R>[] {
  return [
    { label: 'Score', value: (r) => r.score, numeric: true },
    { label: 'Errors', value: (r) => r.errors, numeric: true },
    { label: 'Rage clicks', value: (r) => r.rage, numeric: true },
    { label: 'Dead clicks', value: (r) => r.dead, numeric: true },
    { label: 'Slow loads', value: (r) => r.slow, numeric: true },
  ];
}

export const problemsTab = reportTab<ProblemsResult>({
  id: 'problems',
  label: 'Problems',
  report: 'problems',
  kpis: (r) => [
    { key: 'sessions-affected', label: 'Sessions with problems', value: r.totals.sessions_affected },
    { key: 'users-affected', label: 'Users with problems', value: r.totals.users_affected },
    { key: 'errors', label: 'Errors', value: r.totals.errors },
    { key: 'rage', label: 'Rage clicks', value: r.totals.rage },
    { key: 'dead', label: 'Dead clicks', value: r.totals.dead },
    { key: 'slow', label: 'Slow loads', value: r.totals.slow },
  ],
  tables: [
    table<ProblemsResult, ProblemsResult['pages'][number]>({
      name: 'problems-pages',
      caption: 'Pages',
      rows: (r) => r.pages,
      empty: 'No page had a problem in this period.',
      columns: [
        { label: 'Page', value: (p) => p.path, filter: 'page' },
        { label: 'Views', value: (p) => p.views, numeric: true },
        ...counts(),
      ],
    }),
    table<ProblemsResult, ProblemsResult['sessions'][number]>({
      name: 'problems-sessions',
      caption: 'Sessions',
      rows: (r) => r.sessions,
      empty: 'No session had a problem in this period.',
      columns: [
        { label: 'Session', value: (s) => s.session },
        { label: 'User', value: (s) => s.user, filter: 'user' },
        { label: 'Day', value: (s) => s.first_day },
        ...counts(),
      ],
    }),
    table<ProblemsResult, ProblemsResult['users'][number]>({
      name: 'problems-users',
      caption: 'Users',
      rows: (r) => r.users,
      empty: 'No identified user had a problem in this period.',
      columns: [
        { label: 'User', value: (u) => u.user, filter: 'user' },
        { label: 'Sessions', value: (u) => u.sessions, numeric: true },
        ...counts(),
      ],
    }),
  ],
});
