/** Record lists (sessions, pageviews): filters, search, ordering and paging as SQL. */
import type { InteractionRow, ListQuery, ListResult, PageviewRow, SessionRow } from '../types.js';
import type { Db } from './db.js';

interface ListSpec {
  from: string;
  /** Condition every row of the list meets. */
  baseWhere: string;
  /** Column (with alias) of the time bound. */
  timeColumn: string;
  /** Column of the bot verdict. */
  botColumn: string;
  /** API field → SQL expression, for filters, ordering and search. */
  columns: Record<string, string>;
  select: string;
  /** Appended to every ordering so that paging is stable. */
  tieBreak: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function buildWhere(spec: ListSpec, q: ListQuery, searchFields: readonly string[]) {
  const where = [spec.baseWhere, 'site = ?'];
  const params: unknown[] = [q.site];
  if (q.from !== null) {
    where.push(`${spec.timeColumn} >= ?`);
    params.push(q.from);
  }
  if (q.to !== null) {
    where.push(`${spec.timeColumn} < ?`);
    params.push(q.to);
  }
  if (q.bots === 'exclude') where.push(`${spec.botColumn} = 0`);
  if (q.bots === 'only') where.push(`${spec.botColumn} = 1`);
  for (const [field, value] of Object.entries(q.filters)) {
    const column = spec.columns[field];
    if (!column) continue; // the route schema admits only documented fields
    where.push(`${column} = ?`);
    params.push(typeof value === 'boolean' ? Number(value) : value);
  }
  for (const [key, value] of Object.entries(q.metadata ?? {})) {
    // Keys are checked by the route (^[A-Za-z0-9_]{1,64}$) and bound as JSON paths anyway.
    where.push('CAST(coalesce(json_extract(data, ?), json_extract(data, ?)) AS TEXT) = ?');
    params.push(`$."${key}"`, `$.props."${key}"`, value === 'true' ? '1' : value === 'false' ? '0' : value);
  }
  if (q.search) {
    const like = `%${escapeLike(q.search)}%`;
    const ors = searchFields.map((f) => `${spec.columns[f]} LIKE ? ESCAPE '\\'`);
    where.push(`(${ors.join(' OR ')})`);
    params.push(...searchFields.map(() => like));
  }
  return { where: where.join(' AND '), params };
}

async function list<T>(
  db: Db,
  spec: ListSpec,
  q: ListQuery,
  searchFields: readonly string[],
): Promise<ListResult<T>> {
  const { where, params } = buildWhere(spec, q, searchFields);
  const order = q.ordering
    .filter((o) => spec.columns[o.field])
    .map((o) => `${spec.columns[o.field]} ${o.desc ? 'DESC' : 'ASC'}`)
    .concat(spec.tieBreak)
    .join(', ');
  const countRow = await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM ${spec.from} WHERE ${where}`,
    params,
  );
  const rows = await db.all<T>(
    `SELECT ${spec.select} FROM ${spec.from} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  );
  return { count: countRow?.n ?? 0, rows };
}

const SESSION_SELECT = `
  session_id AS session, site, visitor, user_id AS user, first_ts AS firstSeen,
  last_ts AS lastSeen, pageviews, events, entry_path AS entryPath, exit_path AS exitPath,
  referrer, user_agent AS userAgent, bot_score AS botScore, is_bot AS isBot,
  bot_reasons AS botReasons, screen, viewport, language, timezone, device, country, browser, os,
  referrer_domain AS referrerDomain, channel, utm_source AS utmSource, utm_medium AS utmMedium,
  utm_campaign AS utmCampaign`;

const sessionSpec: ListSpec = {
  from: 'sessions',
  baseWhere: 'true',
  timeColumn: 'first_ts',
  botColumn: 'is_bot',
  columns: {
    session: 'session_id',
    user: 'user_id',
    visitor: 'visitor',
    entry_path: 'entry_path',
    exit_path: 'exit_path',
    referrer: 'referrer',
    is_bot: 'is_bot',
    pageviews: 'pageviews',
    events: 'events',
    first_seen: 'first_ts',
    last_seen: 'last_ts',
    duration: '(last_ts - first_ts)',
    referrer_domain: 'referrer_domain',
    channel: 'channel',
    utm_source: 'utm_source',
    utm_medium: 'utm_medium',
    utm_campaign: 'utm_campaign',
    country: 'country',
    device: 'device',
    browser: 'browser',
    os: 'os',
    language: 'language',
    timezone: 'timezone',
    screen: 'screen',
    viewport: 'viewport',
  },
  select: SESSION_SELECT,
  tieBreak: 'session_id ASC',
};

type RawSession = Omit<SessionRow, 'isBot' | 'botReasons'> & { isBot: number; botReasons: string };

function toSession(raw: RawSession): SessionRow {
  return { ...raw, isBot: raw.isBot === 1, botReasons: JSON.parse(raw.botReasons) as string[] };
}

export async function listSessions(
  db: Db,
  q: ListQuery,
  searchFields: readonly string[],
): Promise<ListResult<SessionRow>> {
  const result = await list<RawSession>(db, sessionSpec, q, searchFields);
  return { count: result.count, rows: result.rows.map(toSession) };
}

/** The session with this client id on `site`, or on any site when `site` is null (at most 2 rows). */
export async function findSessions(db: Db, site: string | null, session: string): Promise<SessionRow[]> {
  const rows = await db.all<RawSession>(
    site === null
      ? `SELECT ${SESSION_SELECT} FROM sessions WHERE session_id = ? LIMIT 2`
      : `SELECT ${SESSION_SELECT} FROM sessions WHERE site = ? AND session_id = ?`,
    site === null ? [session] : [site, session],
  );
  return rows.map(toSession);
}

// The bot verdict lives on the session; it is looked up only where it is asked for.
const PAGEVIEW_IS_BOT =
  '(SELECT s.is_bot FROM sessions AS s WHERE s.site = events.site AND s.session_id = events.session)';

const pageviewSpec: ListSpec = {
  from: 'events',
  baseWhere: "type = 'pageview'",
  timeColumn: 'ts',
  botColumn: PAGEVIEW_IS_BOT,
  columns: {
    session: 'session',
    path: 'path',
    user: 'user_id',
    is_bot: PAGEVIEW_IS_BOT,
    id: 'event_id',
    url: 'url',
    title: 'title',
    referrer: 'referrer',
    ts: 'ts',
  },
  select: `event_id AS id, session, ts, url, path, title, referrer, user_id AS user,
           coalesce(${PAGEVIEW_IS_BOT}, 0) AS isBot`,
  // (site, ts) index order; rid is the index's own last column, so no sort is needed.
  tieBreak: 'ts ASC, rid ASC',
};

export async function listPageviews(
  db: Db,
  q: ListQuery,
  searchFields: readonly string[],
): Promise<ListResult<PageviewRow>> {
  const result = await list<Omit<PageviewRow, 'isBot'> & { isBot: number }>(
    db,
    pageviewSpec,
    q,
    searchFields,
  );
  return { count: result.count, rows: result.rows.map((r) => ({ ...r, isBot: r.isBot === 1 })) };
}

const interactionSpec: ListSpec = {
  from: 'events',
  baseWhere: "type <> 'pageview'",
  timeColumn: 'ts',
  botColumn: PAGEVIEW_IS_BOT,
  columns: {
    type: 'type',
    session: 'session',
    pv: 'pv',
    path: 'path',
    name: 'name',
    user: 'user_id',
    url: 'url',
    id: 'event_id',
    is_bot: PAGEVIEW_IS_BOT,
    ts: 'ts',
  },
  select: `event_id AS id, type, session, pv, ts, url, path, name, user_id AS user, data,
           coalesce(${PAGEVIEW_IS_BOT}, 0) AS isBot`,
  // (site, ts) index order; rid is the index's own last column, so no sort is needed.
  tieBreak: 'ts ASC, rid ASC',
};

type RawInteraction = Omit<InteractionRow, 'isBot' | 'data'> & { isBot: number; data: string | null };

export async function listInteractions(
  db: Db,
  q: ListQuery,
  searchFields: readonly string[],
): Promise<ListResult<InteractionRow>> {
  const result = await list<RawInteraction>(db, interactionSpec, q, searchFields);
  return {
    count: result.count,
    rows: result.rows.map((r) => ({
      ...r,
      isBot: r.isBot === 1,
      data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
    })),
  };
}
