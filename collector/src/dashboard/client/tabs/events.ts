/** Events: every event type and custom event name, and the values of custom props. */
import type { EventsResult } from '../../../reports/answers.js';
import { reportTab, table } from './reportTab.js';

export const eventsTab = reportTab<EventsResult>({
  id: 'events',
  label: 'Events',
  report: 'events',
  tables: [
    table<EventsResult, EventsResult['events'][number]>({
      name: 'events',
      caption: 'Events',
      rows: (r) => r.events,
      columns: [
        { label: 'Type', value: (e) => e.type },
        { label: 'Name', value: (e) => e.name },
        { label: 'Count', value: (e) => e.count, numeric: true },
        { label: 'Session-days', value: (e) => e.sessions, numeric: true },
      ],
    }),
    table<EventsResult, EventsResult['props'][number]>({
      name: 'events-props',
      caption: 'Custom event properties',
      rows: (r) => r.props,
      empty: 'No custom event properties in this period.',
      columns: [
        { label: 'Event', value: (p) => p.name },
        { label: 'Property', value: (p) => p.key },
        { label: 'Value', value: (p) => p.value },
        { label: 'Count', value: (p) => p.count, numeric: true },
      ],
    }),
    table<EventsResult, EventsResult['daily'][number]>({
      name: 'events-daily',
      caption: 'Per day',
      reportCsv: true,
      rows: (r) => [...r.daily].reverse(),
      columns: [
        { label: 'Day', value: (d) => d.date },
        { label: 'Type', value: (d) => d.type },
        { label: 'Name', value: (d) => d.name },
        { label: 'Count', value: (d) => d.count, numeric: true },
      ],
    }),
  ],
});
