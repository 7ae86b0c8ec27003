/**
 * Driver-neutral: folds newly stored events into one delta per session (counts, first/last
 * time, entry/exit page, page context), which a driver upserts in one statement.
 */
import type { SessionEvidence } from '../scoring/index.js';
import type { EventRow } from './types.js';
import { sessionKey } from './scoreTouchedSessions.js';

export interface SessionDelta {
  site: string;
  session: string;
  visitor: string;
  user: string | null;
  firstTs: number;
  lastTs: number;
  pageviews: number;
  events: number;
  entryTs: number | null;
  entryPath: string | null;
  exitTs: number | null;
  exitPath: string | null;
  referrer: string | null;
  userAgent: string | null;
  screen?: string;
  viewport?: string;
  language?: string;
  timezone?: string;
  device?: string;
  country?: string | null;
  browser?: string | null;
  os?: string | null;
  referrerDomain?: string | null;
  channel?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  /** Set when this group scored the session. */
  evidence?: SessionEvidence;
  botScore?: number;
  isBot?: boolean;
  botReasons?: string[];
}

export function foldSession(sessions: Map<string, SessionDelta>, row: EventRow): void {
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
