/** Storage rows → the API's snake_case records. */
import type { InteractionRow, PageviewRow, SessionRow } from '../storage/types.js';
import type { InteractionRecord, PageviewRecord, SessionRecord } from '../lib/records.js';

const iso = (ts: number): string => new Date(ts).toISOString();

export function presentSession(s: SessionRow): SessionRecord {
  return {
    session: s.session,
    site: s.site,
    visitor: s.visitor,
    user: s.user,
    first_seen: iso(s.firstSeen),
    last_seen: iso(s.lastSeen),
    duration_s: Math.round((s.lastSeen - s.firstSeen) / 1000),
    pageviews: s.pageviews,
    events: s.events,
    entry_path: s.entryPath,
    exit_path: s.exitPath,
    referrer: s.referrer,
    user_agent: s.userAgent,
    bot_score: s.botScore,
    is_bot: s.isBot,
    bot_reasons: s.botReasons,
    screen: s.screen ?? null,
    viewport: s.viewport ?? null,
    language: s.language ?? null,
    timezone: s.timezone ?? null,
    device: s.device ?? null,
    country: s.country ?? null,
    browser: s.browser ?? null,
    os: s.os ?? null,
    referrer_domain: s.referrerDomain ?? null,
    channel: s.channel ?? null,
    utm_source: s.utmSource ?? null,
    utm_medium: s.utmMedium ?? null,
    utm_campaign: s.utmCampaign ?? null,
  };
}

export function presentPageview(p: PageviewRow): PageviewRecord {
  return {
    id: p.id,
    session: p.session,
    ts: iso(p.ts),
    url: p.url,
    path: p.path,
    title: p.title,
    referrer: p.referrer,
    user: p.user,
    is_bot: p.isBot,
  };
}

export function presentInteraction(i: InteractionRow): InteractionRecord {
  return {
    id: i.id,
    type: i.type,
    session: i.session,
    pv: i.pv,
    ts: iso(i.ts),
    url: i.url,
    path: i.path,
    name: i.name,
    user: i.user,
    data: i.data,
    is_bot: i.isBot,
  };
}
