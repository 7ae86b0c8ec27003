/**
 * The JSON records of `/v1/sessions`, `/v1/pageviews` and `/v1/interactions` (built by
 * lib/present.ts), declared once for the server and the dashboard. Types only: no runtime
 * import, nothing that needs node or fastify types (the dashboard's tsconfig reads it).
 * Records are types, not interfaces: the CSV writer takes them as `Record<string, unknown>`.
 */

export type SessionRecord = {
  session: string;
  site: string;
  visitor: string;
  user: string | null;
  first_seen: string;
  last_seen: string;
  duration_s: number;
  pageviews: number;
  events: number;
  entry_path: string | null;
  exit_path: string | null;
  referrer: string | null;
  user_agent: string | null;
  bot_score: number;
  is_bot: boolean;
  bot_reasons: string[];
  screen: string | null;
  viewport: string | null;
  language: string | null;
  timezone: string | null;
  device: string | null;
  country: string | null;
  browser: string | null;
  os: string | null;
  referrer_domain: string | null;
  channel: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
};

export type PageviewRecord = {
  id: string;
  session: string;
  ts: string;
  url: string;
  path: string;
  title: string | null;
  referrer: string | null;
  user: string | null;
  is_bot: boolean;
};

export type InteractionRecord = {
  id: string;
  type: string;
  session: string;
  pv: string | null;
  ts: string;
  url: string;
  path: string;
  name: string | null;
  user: string | null;
  data: Record<string, unknown> | null;
  is_bot: boolean;
};

/** One page of a record list: links to the pages around it, null at either end. */
export interface RecordPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}
