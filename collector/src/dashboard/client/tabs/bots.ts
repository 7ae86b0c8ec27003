/** Bots: people and bots side by side, the reasons sessions were judged bots, their user agents. */
import { lineChart } from '../chart.js';
import type { BotsResult } from '../../../reports/answers.js';
import { reportTab, table } from './reportTab.js';

export const botsTab = reportTab<BotsResult>({
  id: 'bots',
  label: 'Bots',
  report: 'bots',
  // The totals and series show both sides whatever is asked; reasons and user agents are
  // the bots' own, whatever the Traffic switch says.
  query: () => ({ bots: 'only' }),
  kpis: (r) => [
    { key: 'human-sessions', label: 'Human sessions', value: r.totals.human.sessions },
    { key: 'bot-sessions', label: 'Bot sessions', value: r.totals.bot.sessions },
    { key: 'bot-share', label: 'Bot share %', value: Math.round((r.totals.bot_share ?? 0) * 100) },
  ],
  figure: (r) =>
    lineChart(
      'Human and bot sessions per day',
      r.series.map((d) => d.date),
      [
        { label: 'Human sessions', values: r.series.map((d) => d.human.sessions), color: 1 },
        { label: 'Bot sessions', values: r.series.map((d) => d.bot.sessions), color: 2 },
      ],
    ),
  tables: [
    table<BotsResult, BotsResult['reasons'][number]>({
      name: 'bots-reasons',
      caption: 'Why sessions were judged bots',
      rows: (r) => r.reasons,
      empty: 'No bot sessions in this period.',
      columns: [
        { label: 'Reason', value: (x) => x.reason },
        { label: 'Family', value: (x) => x.family },
        { label: 'Sessions', value: (x) => x.sessions, numeric: true },
        { label: 'Pageviews', value: (x) => x.pageviews, numeric: true },
      ],
    }),
    table<BotsResult, BotsResult['user_agents'][number]>({
      name: 'bots-user-agents',
      caption: 'Top bot user agents',
      rows: (r) => r.user_agents,
      columns: [
        { label: 'User agent', value: (x) => x.user_agent },
        { label: 'Sessions', value: (x) => x.sessions, numeric: true },
        { label: 'Pageviews', value: (x) => x.pageviews, numeric: true },
      ],
    }),
    table<BotsResult, BotsResult['series'][number]>({
      name: 'bots-days',
      caption: 'Per day',
      reportCsv: true,
      rows: (r) => [...r.series].reverse(),
      columns: [
        { label: 'Day', value: (d) => d.date },
        { label: 'Human sessions', value: (d) => d.human.sessions, numeric: true },
        { label: 'Bot sessions', value: (d) => d.bot.sessions, numeric: true },
        { label: 'Human pageviews', value: (d) => d.human.pageviews, numeric: true },
        { label: 'Bot pageviews', value: (d) => d.bot.pageviews, numeric: true },
      ],
    }),
  ],
});
