/**
 * Turns a validated batch into rows for the store: URL → path, timestamps checked against
 * the server clock, request-level facts (visitor hash, user agent) attached.
 */
import {
  MAX_EVENT_AGE_MS,
  MAX_FUTURE_SKEW_MS,
  type CollectBody,
  type PageContext,
  type PageviewEvent,
  type SightlineEvent,
} from '@sightline/protocol';
import { classifySource, countryFromTimeZone } from '../enrich/index.js';
import { InvalidEventError } from '../errors.js';
import type { ClientInfo, EventRow } from '../storage/types.js';

export interface RequestFacts {
  site: string;
  visitor: string;
  userAgent: string | null;
  receivedAt: number;
  /** Country from the address, browser/OS/device from the user agent. */
  client?: ClientInfo | null;
}

export interface PreparedBatch {
  rows: EventRow[];
  /** Events older than `MAX_EVENT_AGE_MS`: not stored. */
  tooOld: number;
}

/** Path as reports group it: pathname, plus the fragment of hash-routed apps (`#/…`). */
export function pathOf(url: URL): string {
  return url.hash.startsWith('#/') ? url.pathname + url.hash : url.pathname;
}

function parseHttpUrl(text: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidEventError(`${field} must be an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidEventError(`${field} must be an http(s) URL`);
  }
  return url;
}

/** Fields every event type has; the rest of an event is its own data. */
const COMMON = new Set(['id', 'type', 'ts', 'session', 'url', 'user', 'pv', 'title', 'referrer', 'name']);
const CONTEXT = ['screen', 'viewport', 'language', 'timezone', 'device'] as const;

function ownData(event: SightlineEvent): Record<string, unknown> | null {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event)) {
    if (!COMMON.has(k) && v !== undefined) data[k] = v;
  }
  return Object.keys(data).length > 0 ? data : null;
}

function contextOf(event: PageviewEvent): PageContext | null {
  const context: PageContext = {};
  for (const k of CONTEXT) if (event[k] !== undefined) Object.assign(context, { [k]: event[k] });
  return Object.keys(context).length > 0 ? context : null;
}

function toRow(event: SightlineEvent, index: number, facts: RequestFacts): EventRow {
  const url = parseHttpUrl(event.url, `events/${index}/url`);
  // A clock ahead of ours by more than a few minutes is wrong; keep the event at arrival time.
  const ts = event.ts > facts.receivedAt + MAX_FUTURE_SKEW_MS ? facts.receivedAt : event.ts;
  const data = ownData(event);
  const pageview = event.type === 'pageview' ? event : null;
  return {
    site: facts.site,
    eventId: event.id,
    type: event.type,
    ts,
    receivedAt: facts.receivedAt,
    session: event.session,
    visitor: facts.visitor,
    user: event.user ?? null,
    url: url.href,
    path: pathOf(url),
    title: pageview?.title ?? null,
    referrer: pageview?.referrer || null,
    name: 'name' in event ? event.name : null,
    data: data ? JSON.stringify(data) : null,
    pv: event.pv ?? null,
    userAgent: facts.userAgent,
    context: pageview ? contextOf(pageview) : null,
    client: clientOf(facts.client ?? null, pageview),
    source: pageview ? sourceOf(pageview, url) : null,
  };
}

/** Without a country from the address, the page's time zone tells (`Europe/Berlin` → DE). */
function clientOf(client: ClientInfo | null, pageview: PageviewEvent | null): ClientInfo | null {
  if (!client || client.country || !pageview?.timezone) return client;
  return { ...client, country: countryFromTimeZone(pageview.timezone) };
}

function sourceOf(pageview: PageviewEvent, url: URL) {
  const s = classifySource({ referrer: pageview.referrer || null, url: url.href, siteHost: url.host });
  return {
    referrerDomain: s.referrerDomain,
    channel: s.channel,
    utmSource: s.utmSource,
    utmMedium: s.utmMedium,
    utmCampaign: s.utmCampaign,
  };
}

export function prepareEvents(body: CollectBody, facts: RequestFacts): PreparedBatch {
  const oldest = facts.receivedAt - MAX_EVENT_AGE_MS;
  const rows: EventRow[] = [];
  let tooOld = 0;
  body.events.forEach((event, i) => {
    const row = toRow(event, i, facts);
    if (row.ts < oldest) tooOld += 1;
    else rows.push(row);
  });
  return { rows, tooOld };
}
