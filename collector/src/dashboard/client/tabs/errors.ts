/** Errors: JS errors and rejections grouped by message and top frame. */
import type { ErrorGroup, ErrorsResult } from '../../../reports/answers.js';
import { formatTime } from '../format.js';
import { reportTab, table } from './reportTab.js';

const where = (e: ErrorGroup): string =>
  e.source ? `${e.source}${e.line !== null ? `:${e.line}` : ''}${e.col !== null ? `:${e.col}` : ''}` : '';

export const errorsTab = reportTab<ErrorsResult>({
  id: 'errors',
  label: 'Errors',
  report: 'errors',
  kpis: (r) => [
    { key: 'occurrences', label: 'Errors', value: r.totals.occurrences },
    { key: 'groups', label: 'Distinct errors', value: r.totals.groups },
  ],
  tables: [
    table<ErrorsResult, ErrorGroup>({
      name: 'errors',
      caption: 'Top errors',
      rows: (r) => r.errors,
      empty: 'No errors in this period.',
      columns: [
        { label: 'Message', value: (e) => e.message },
        { label: 'Kind', value: (e) => e.kind },
        { label: 'Where', value: where },
        { label: 'Occurrences', value: (e) => e.occurrences, numeric: true },
        { label: 'Sessions', value: (e) => e.sessions, numeric: true },
        { label: 'Users', value: (e) => e.users, numeric: true },
        { label: 'First seen', value: (e) => formatTime(e.first_seen) },
        { label: 'Last seen', value: (e) => formatTime(e.last_seen) },
        { label: 'Pages', value: (e) => e.paths.join(', ') },
      ],
    }),
  ],
});
