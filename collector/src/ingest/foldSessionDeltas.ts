/**
 * Folds newly stored events into one delta per session (counts, first/last time, entry/exit
 * page, page context), which the driver adds to the stored session in one statement.
 */
import type { EventRow, SessionWrite } from '../storage/types.js';
import { sessionKey } from './types.js';

export function foldSession(sessions: Map<string, SessionWrite>, row: EventRow): void {
  const k = sessionKey(row.site, row.session);
  let s = sessions.get(k);
  if (!s) {
    s = {
      site: row.site,
      session: row.session,
      visitor: row.visitor,
      user: null,
      firstTs: row.ts,
      lastTs: row.ts,
      pageviews: 0,
      events: 0,
      entryTs: null,
      entryPath: null,
      exitTs: null,
      exitPath: null,
      referrer: null,
      userAgent: row.userAgent,
    };
    sessions.set(k, s);
  }
  s.events += 1;
  s.firstTs = Math.min(s.firstTs, row.ts);
  s.lastTs = Math.max(s.lastTs, row.ts);
  if (row.user) s.user = row.user;
  if (row.client) {
    s.country ??= row.client.country;
    s.browser ??= row.client.browser;
    s.os ??= row.client.os;
  }
  if (row.type !== 'pageview') return;
  s.pageviews += 1;
  if (s.entryTs === null || row.ts < s.entryTs) {
    s.entryTs = row.ts;
    s.entryPath = row.path;
    s.referrer = row.referrer;
    if (row.source) Object.assign(s, row.source);
    if (row.context) Object.assign(s, row.context);
    if (!s.device && row.client?.device) s.device = row.client.device;
  }
  if (s.exitTs === null || row.ts >= s.exitTs) {
    s.exitTs = row.ts;
    s.exitPath = row.path;
  }
}
