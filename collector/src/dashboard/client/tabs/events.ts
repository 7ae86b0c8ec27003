/** Events: every event type and custom event name, and the values of custom props. */
import { reportTab, table } from './reportTab.js';

interface Events {
  events: { type: string; name: string; count: number; sessions: number }[];
  props: { type: string; name: string; key: string; value: string; count: number }[];
  daily: { date: string; type: string; name: string; count: number }[];
}

export const eventsTab = reportTab<Events>({
  id: 'events',
  label: 'Events',
  report: 'events',
  tables: [
    table<Events, Events['events'][number]>({
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
    table<Events, Events['props'][number]>({
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
    table<Events, Events['daily'][number]>({
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
