/**
 * Bots: human and bot sessions and pageviews per day (both sides, whatever `bots` says), the
 * share of bot traffic, the reasons behind verdicts (a session counts once under each of its
 * reasons) and the top user agents. `bots` chooses whose reasons and user agents are listed;
 * this report defaults to `only` (the bots). Three rollup reads.
 */
import { ratio, resolveScope, rollupBase, scopeHeader, scopeHeaderProperties } from './scope.js';
import type { BotsResult, SessionsPageviews } from './answers.js';
export type { BotsResult } from './answers.js';
import type { Report } from './types.js';

export const BOTS_DEFAULT_DAYS = 30;
export const TOP_REASONS = 50;
export const TOP_AGENTS = 20;

type Row = { day?: string; is_bot?: number; v?: string; sessions: number; pageviews: number };

const side = {
  type: 'object',
  properties: { sessions: { type: 'integer' }, pageviews: { type: 'integer' } },
} as const;
const count = (properties: Record<string, object>) =>
  ({
    type: 'array',
    items: {
      type: 'object',
      properties: { ...properties, sessions: { type: 'integer' }, pageviews: { type: 'integer' } },
    },
  }) as const;

export const botsReport: Report<BotsResult> = {
  name: 'bots',
  defaultBots: 'only',
  response: {
    type: 'object',
    properties: {
      ...scopeHeaderProperties,
      totals: {
        type: 'object',
        properties: { human: side, bot: side, bot_share: { type: ['number', 'null'] } },
      },
      series: {
        type: 'array',
        items: { type: 'object', properties: { date: { type: 'string' }, human: side, bot: side } },
      },
      reasons: count({ reason: { type: 'string' }, family: { type: 'string' } }),
      user_agents: count({ user_agent: { type: 'string' } }),
    },
  },
  async run(storage, params) {
    const scope = resolveScope(params, BOTS_DEFAULT_DAYS);
    const base = { ...rollupBase(scope), table: 'ru_sessions' as const };
    const top = (limit: number) => ({
      groupBy: ['v'],
      sum: ['sessions', 'pageviews'],
      orderBy: [
        { column: 'sessions', desc: true },
        { column: 'v', desc: false },
      ],
      limit,
    });
    const [days, reasons, agents] = await Promise.all([
      storage.queryRollup<Row>({
        ...base,
        bots: 'include',
        where: { b: '' },
        groupBy: ['day', 'is_bot'],
        sum: ['sessions', 'pageviews'],
      }),
      storage.queryRollup<Row>({ ...base, where: { b: 'reason' }, ...top(TOP_REASONS) }),
      // User agents are kept for the unfiltered rows only (a filter narrows them to nothing).
      storage.queryRollup<Row>({ ...base, filter: '', where: { b: 'ua' }, ...top(TOP_AGENTS) }),
    ]);
    const sideOf = (rows: Row[], isBot: number): SessionsPageviews => {
      const mine = rows.filter((r) => r.is_bot === isBot);
      return {
        sessions: mine.reduce((n, r) => n + r.sessions, 0),
        pageviews: mine.reduce((n, r) => n + r.pageviews, 0),
      };
    };
    const human = sideOf(days, 0);
    const bot = sideOf(days, 1);
    return {
      ...scopeHeader(scope),
      totals: { human, bot, bot_share: ratio(bot.sessions, human.sessions + bot.sessions) },
      series: scope.days.map((date) => {
        const rows = days.filter((r) => r.day === date);
        return { date, human: sideOf(rows, 0), bot: sideOf(rows, 1) };
      }),
      reasons: reasons.map((r) => ({
        reason: r.v!,
        family: r.v!.split(':')[0] ?? '',
        sessions: r.sessions,
        pageviews: r.pageviews,
      })),
      user_agents: agents.map((r) => ({ user_agent: r.v!, sessions: r.sessions, pageviews: r.pageviews })),
    };
  },
  csv: {
    columns: ['date', 'human_sessions', 'bot_sessions', 'human_pageviews', 'bot_pageviews'],
    rows: (result) =>
      result.series.map((d) => ({
        date: d.date,
        human_sessions: d.human.sessions,
        bot_sessions: d.bot.sessions,
        human_pageviews: d.human.pageviews,
        bot_pageviews: d.bot.pageviews,
      })),
  },
};
