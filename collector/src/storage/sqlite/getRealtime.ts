/** Realtime numbers straight from events and sessions of the last minutes. */
import type { RealtimeQuery, RealtimeRows } from '../types.js';
import type { Db } from './db.js';

const SIDES = { exclude: '(0)', only: '(1)', include: '(0, 1)' } as const;

export async function getRealtime(db: Db, q: RealtimeQuery): Promise<RealtimeRows> {
  const sides = SIDES[q.bots];
  const [visitors, bySide, sessions, minutes] = await Promise.all([
    db.get<{ n: number }>(
      `SELECT count(DISTINCT e.visitor) AS n FROM events AS e
       JOIN sessions AS s ON s.site = e.site AND s.session_id = e.session AND s.is_bot IN ${sides}
       WHERE e.site = ? AND e.ts >= ?`,
      [q.site, q.liveSince],
    ),
    // Both sides, whatever `bots` says: the ratio needs them.
    db.all<{ isBot: number; sessions: number }>(
      'SELECT is_bot AS isBot, count(*) AS sessions FROM sessions WHERE site = ? AND last_ts >= ? GROUP BY is_bot',
      [q.site, q.liveSince],
    ),
    db.all<{
      session: string;
      path: string | null;
      lastSeen: number;
      isBot: number;
      device: string | null;
      country: string | null;
    }>(
      `SELECT session_id AS session, exit_path AS path, last_ts AS lastSeen, is_bot AS isBot, device, country
       FROM sessions WHERE site = ? AND last_ts >= ? AND is_bot IN ${sides}
       ORDER BY last_ts DESC, session_id LIMIT ?`,
      [q.site, q.liveSince, q.limit],
    ),
    db.all<{ minute: number; pageviews: number; errors: number }>(
      `SELECT e.ts / 60000 AS minute, sum(e.type = 'pageview') AS pageviews, sum(e.type = 'error') AS errors
       FROM events AS e
       JOIN sessions AS s ON s.site = e.site AND s.session_id = e.session AND s.is_bot IN ${sides}
       WHERE e.site = ? AND e.ts >= ? GROUP BY 1 ORDER BY 1`,
      [q.site, q.minutesSince],
    ),
  ]);
  return {
    visitors: visitors?.n ?? 0,
    sides: bySide.map((r) => ({ isBot: r.isBot === 1, sessions: r.sessions })),
    sessions: sessions.map((r) => ({ ...r, isBot: r.isBot === 1 })),
    minutes,
  };
}
