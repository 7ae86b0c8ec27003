/**
 * The domain work of one ingest group, between the driver's read and its write: which
 * events are new (stored ones and repeats within the group are duplicates), the session
 * deltas of the new ones only, each request folded into its sessions' evidence and scored,
 * the session days, the report days gone stale, and the SDK drop counts. Pure.
 */
import { utcDay } from '../lib/time.js';
import type { SessionEvidence } from '../scoring/index.js';
import type {
  EventRow,
  IngestKeys,
  IngestRead,
  IngestWrites,
  SessionDayWrite,
  SessionWrite,
} from '../storage/types.js';
import { foldSession } from './foldSessionDeltas.js';
import { scoreTouchedSessions, type StoredRequest } from './scoreTouchedSessions.js';
import { sessionKey, type IngestItem, type InsertResult } from './types.js';

const key = (a: string, b: string): string => `${a}\u0000${b}`;

export interface GroupPlan {
  items: readonly IngestItem[];
  /** The group's events, each (site, id) once: the first request that carried it owns it. */
  rows: EventRow[];
  /** Index in `items` of each row's owner. */
  owners: number[];
  keys: IngestKeys;
}

/** What to ask the driver: the group's distinct events and sessions. */
export function planGroup(items: readonly IngestItem[]): GroupPlan {
  const seen = new Set<string>();
  const sessions = new Set<string>();
  const plan: GroupPlan = { items, rows: [], owners: [], keys: { events: [], sessions: [] } };
  items.forEach((item, i) => {
    for (const row of item.rows) {
      const k = key(row.site, row.eventId);
      if (seen.has(k)) continue;
      seen.add(k);
      plan.rows.push(row);
      plan.owners.push(i);
      plan.keys.events.push([row.site, row.eventId]);
      const s = sessionKey(row.site, row.session);
      if (!sessions.has(s)) {
        sessions.add(s);
        plan.keys.sessions.push([row.site, row.session]);
      }
    }
  });
  return plan;
}

export interface FoldedGroup {
  writes: IngestWrites;
  results: InsertResult[];
  /** The touched sessions as stored once the writes commit. */
  after: Map<string, KnownSession>;
}

/** `[site, day, reason, count]` of each request's SDK drops, on its arrival day. */
function dropsOf(items: readonly IngestItem[]): IngestWrites['drops'] {
  const drops: [string, string, string, number][] = [];
  for (const { rows, dropped } of items) {
    const first = rows[0];
    if (!dropped || !first) continue;
    const day = utcDay(first.receivedAt);
    for (const [reason, count] of Object.entries(dropped)) {
      if (count > 0) drops.push([first.site, day, reason, count]);
    }
  }
  return drops;
}

function withVerdict(
  delta: SessionWrite,
  scored: ReturnType<typeof scoreTouchedSessions>,
  k: string,
): SessionWrite {
  const s = scored.get(k);
  if (!s) return delta;
  const { evidence, score } = s;
  return { ...delta, evidence, botScore: score.botScore, isBot: score.isBot, botReasons: score.reasons };
}

/** A stored session as the fold needs it: evidence parsed, days as a set. */
export interface KnownSession {
  site: string;
  session: string;
  isBot: boolean;
  evidence: SessionEvidence | null;
  days: ReadonlySet<string>;
}

/** What the group starts from: stored event keys (`site\0id`) and the known sessions. */
export interface GroupState {
  storedEvents: ReadonlySet<string>;
  sessions: ReadonlyMap<string, KnownSession>;
}

/** The driver's read as a `GroupState`. */
export function stateOf(read: IngestRead): GroupState {
  const sessions = new Map<string, KnownSession>();
  for (const s of read.sessions) {
    sessions.set(sessionKey(s.site, s.session), {
      site: s.site,
      session: s.session,
      isBot: s.isBot,
      evidence: s.evidence ? (JSON.parse(s.evidence) as SessionEvidence) : null,
      days: new Set(s.days),
    });
  }
  return { storedEvents: new Set(read.storedEvents.map(([site, id]) => key(site, id))), sessions };
}

export function foldGroup(plan: GroupPlan, state: GroupState): FoldedGroup {
  const before = state.sessions;
  const counts = plan.items.map(() => 0);
  const requests: StoredRequest[] = plan.items.map((item) => ({ request: item.request, rows: [] }));
  const fresh: EventRow[] = [];
  plan.rows.forEach((row, j) => {
    if (state.storedEvents.has(key(row.site, row.eventId))) return;
    const i = plan.owners[j]!;
    fresh.push(row);
    counts[i]! += 1;
    (requests[i]!.rows as EventRow[]).push(row);
  });
  const results = plan.items.map((item, i) => ({
    inserted: counts[i]!,
    duplicates: item.rows.length - counts[i]!,
  }));
  const after = new Map<string, KnownSession>();
  const writes: IngestWrites = {
    events: fresh,
    sessions: [],
    sessionDays: [],
    staleDays: [],
    drops: dropsOf(plan.items),
  };
  if (fresh.length === 0) return { writes, results, after };

  const deltas = new Map<string, SessionWrite>();
  for (const row of fresh) foldSession(deltas, row);
  const scored = scoreTouchedSessions(requests, (k) => before.get(k)?.evidence ?? null);
  const side = (k: string): 0 | 1 => {
    const s = scored.get(k);
    return (s ? s.score.isBot : before.get(k)?.isBot) ? 1 : 0;
  };
  for (const [k, delta] of deltas) {
    const write = withVerdict(delta, scored, k);
    if (!before.has(k)) write.isNew = true;
    writes.sessions.push(write);
  }

  // Per session, day and visitor of the new events: the days a session was seen on (so that
  // a change to it marks them all stale), with the pageviews it had there.
  const days = new Map<string, [string, string, string, string, number, 0 | 1]>();
  const stale = new Map<string, readonly [string, string]>();
  const newDays = new Map<string, Set<string>>();
  for (const e of fresh) {
    const day = utcDay(e.ts);
    const sk = sessionKey(e.site, e.session);
    const k = `${sk}\u0000${day}\u0000${e.visitor}`;
    let row = days.get(k);
    if (!row) days.set(k, (row = [e.site, e.session, day, e.visitor, 0, side(sk)]));
    if (e.type === 'pageview') row[4] += 1;
    stale.set(key(e.site, day), [e.site, day]);
    let set = newDays.get(sk);
    if (!set) newDays.set(sk, (set = new Set()));
    set.add(day);
  }
  writes.sessionDays = [...days.values()] as SessionDayWrite[];
  for (const [k, delta] of deltas) {
    const s = before.get(k);
    for (const day of s?.days ?? []) stale.set(key(delta.site, day), [delta.site, day]);
    const scoredNow = scored.get(k);
    after.set(k, {
      site: delta.site,
      session: delta.session,
      isBot: side(k) === 1,
      evidence: scoredNow?.evidence ?? s?.evidence ?? null,
      days: new Set([...(s?.days ?? []), ...(newDays.get(k) ?? [])]),
    });
  }
  writes.staleDays = [...stale.values()];
  return { writes, results, after };
}
