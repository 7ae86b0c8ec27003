/**
 * Turns a validated batch into rows for the store: URL → path, timestamps checked against
 * the server clock, request-level facts (visitor hash, user agent) attached.
 */
import {
  MAX_EVENT_AGE_MS,
  MAX_FUTURE_SKEW_MS,
  type CollectBody,
  type SightlineEvent,
} from '@sightline/protocol';
import { InvalidEventError } from '../errors.js';
import type { EventRow } from '../storage/types.js';

export interface RequestFacts {
  site: string;
  visitor: string;
  userAgent: string | null;
  receivedAt: number;
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

function toRow(event: SightlineEvent, index: number, facts: RequestFacts): EventRow {
  const url = parseHttpUrl(event.url, `events/${index}/url`);
  // A clock ahead of ours by more than a few minutes is wrong; keep the event at arrival time.
  const ts = event.ts > facts.receivedAt + MAX_FUTURE_SKEW_MS ? facts.receivedAt : event.ts;
  const base = {
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
    userAgent: facts.userAgent,
  };
  if (event.type === 'pageview') {
    return {
      ...base,
      title: event.title ?? null,
      referrer: event.referrer || null,
      name: null,
      data: null,
    };
  }
  return {
    ...base,
    title: null,
    referrer: null,
    name: event.name,
    data: event.props ? JSON.stringify(event.props) : null,
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
