/**
 * Realtime: visitors in the last `LIVE_MINUTES` minutes, live sessions and their current
 * page, pageviews and errors per minute over the last `MINUTES` minutes, the bot/human ratio
 * of live sessions and the error rate (errors per pageview). Read from raw events and
 * sessions, not rollups, so it never lags; the period parameters do not apply.
 */
import { int, nullableStr, str } from './jsonSchema.js';
import type { RealtimeResult } from './answers.js';
export type { RealtimeResult } from './answers.js';
import type { Report } from './types.js';

export const LIVE_MINUTES = 5;
export const MINUTES = 30;
export const MAX_LIVE_SESSIONS = 100;
const MINUTE_MS = 60_000;

export const realtimeReport: Report<RealtimeResult> = {
  name: 'realtime',
  response: {
    type: 'object',
    properties: {
      site: str,
      bots: str,
      now: str,
      visitors: int,
      live_sessions: {
        type: 'object',
        properties: { human: int, bot: int, bot_ratio: { type: ['number', 'null'] } },
      },
      sessions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            session: str,
            path: nullableStr,
            last_seen: str,
            is_bot: { type: 'boolean' },
            device: nullableStr,
            country: nullableStr,
          },
        },
      },
      per_minute: {
        type: 'array',
        items: { type: 'object', properties: { minute: str, pageviews: int, errors: int } },
      },
      error_rate: { type: ['number', 'null'] },
    },
  },
  async run(storage, params) {
    const now = Date.now();
    const first = Math.floor(now / MINUTE_MS) - (MINUTES - 1);
    const rows = await storage.getRealtime({
      site: params.site,
      bots: params.bots,
      liveSince: now - LIVE_MINUTES * MINUTE_MS,
      minutesSince: first * MINUTE_MS,
      limit: MAX_LIVE_SESSIONS,
    });
    const byMinute = new Map(rows.minutes.map((m) => [m.minute, m]));
    const perMinute = Array.from({ length: MINUTES }, (_, i) => {
      const m = byMinute.get(first + i);
      return {
        minute: new Date((first + i) * MINUTE_MS).toISOString(),
        pageviews: m?.pageviews ?? 0,
        errors: m?.errors ?? 0,
      };
    });
    const human = rows.sides.find((s) => !s.isBot)?.sessions ?? 0;
    const bot = rows.sides.find((s) => s.isBot)?.sessions ?? 0;
    const pageviews = perMinute.reduce((n, m) => n + m.pageviews, 0);
    const errors = perMinute.reduce((n, m) => n + m.errors, 0);
    return {
      site: params.site,
      bots: params.bots,
      now: new Date(now).toISOString(),
      visitors: rows.visitors,
      live_sessions: {
        human,
        bot,
        bot_ratio: human + bot > 0 ? Math.round((bot / (human + bot)) * 10_000) / 10_000 : null,
      },
      sessions: rows.sessions.map(({ lastSeen, isBot, ...s }) => ({
        ...s,
        last_seen: new Date(lastSeen).toISOString(),
        is_bot: isBot,
      })),
      per_minute: perMinute,
      error_rate: pageviews > 0 ? Math.round((errors / pageviews) * 10_000) / 10_000 : null,
    };
  },
  csv: {
    columns: ['minute', 'pageviews', 'errors'],
    rows: (result) => result.per_minute,
  },
};
