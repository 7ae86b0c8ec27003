/**
 * What a stale day's rollups need, read in one snapshot (`DaySnapshot`):
 *
 * - Kept up to date (`DeltaWork`): when the day's rows were counted up to an event row id
 *   (its watermark), the sessions with events since then (a later event of a session that
 *   crossed midnight changes its fact too) and every session linked to them by a visitor or
 *   a user, as counted or now (rollups/groupLinks.ts), are read twice — as counted (their
 *   stored facts and their events up to the watermark) and now — and their old rows are
 *   taken away from the stored rows of those keys and their new rows added
 *   (rollups/combineRollups.ts). Distinct counts stay exact: the sessions taken are whole
 *   groups, then and now. Ingest changes a session only with new events of it, so nothing
 *   else changed.
 * - Rebuilt whole (`FullWork`): the first time, when too many events came since, when the
 *   sessions to update are too many or have too many events that day, or when a first or last error time was taken away and nothing tells
 *   the new one. Read a group at a time and added up: memory follows the day's rows, not
 *   its events. Every session-day's fact and links are kept (`CountedRow`) for the next
 *   update.
 */
import { aggregateDay } from './aggregateDay.js';
import { createRollupSums } from './combineRollups.js';
import { packGroups } from './groupLinks.js';
import { CHUNK_ROWS, planDayWrites } from './planDayWrites.js';
import {
  ROLLUP_COLUMNS,
  ROLLUP_KEYS,
  type CountedRow,
  type DayFacts,
  type DayRollups,
  type DaySnapshot,
  type RollupRow,
  type RollupTable,
  type RowChunk,
} from './types.js';

/** More new events than this since the watermark: the day is rebuilt whole. */
export const MAX_NEW_EVENTS = 200_000;
/** More sessions than this to take away and add again: the day is rebuilt whole. */
export const MAX_UPDATE_SESSIONS = 20_000;
/** More events than this in those sessions on the day: the day is rebuilt whole. */
export const MAX_UPDATE_EVENTS = 50_000;

const TABLES = Object.keys(ROLLUP_COLUMNS) as RollupTable[];

export interface FullWork {
  kind: 'full';
  gen: number;
  /** The watermark the rows reflect. */
  top: number;
  chunks: RowChunk[];
  /** JSON lists of `CountedRow`s, a chunk of rows each. */
  counted: string[];
}

export interface DeltaWork {
  kind: 'delta';
  gen: number;
  top: number;
  /** The watermark the stored rows reflected: written only if they still do. */
  from: number;
  /** Per table, keys to replace (JSON list) and their rows now (JSON list; a key without a row is gone). */
  tables: { table: RollupTable; keys: string; rows: string }[];
  /** The sessions updated (JSON list) and their `CountedRow`s now (JSON list). */
  sessions: string;
  counted: string;
}

export type DayWork = { kind: 'none'; gen: null } | FullWork | DeltaWork;

/** Reads a day in one snapshot. */
export type ReadDaySnapshot = <T>(
  site: string,
  day: string,
  work: (snap: DaySnapshot) => Promise<T>,
) => Promise<T>;

/** Each session-day of `facts` with its fact and links (its visitors that day, its user). */
function countedOf(facts: DayFacts): CountedRow[] {
  const links = new Map<string, Set<string>>();
  for (const e of facts.events) {
    let set = links.get(e.session);
    if (!set) links.set(e.session, (set = new Set()));
    set.add(`v${e.visitor}`);
  }
  const out: CountedRow[] = [];
  for (const fact of facts.sessions) {
    const set = links.get(fact.session);
    if (!set) continue;
    if (fact.user !== null) set.add(`u${fact.user}`);
    out.push([fact.session, JSON.stringify(fact), JSON.stringify([...set])]);
  }
  return out;
}

export interface RefreshDayOptions {
  /** Sessions per read of a full rebuild. */
  readSessions?: number;
  /** false: always rebuild whole (benchmarks, tests). */
  update?: boolean;
}

export function refreshDay(
  read: ReadDaySnapshot,
  site: string,
  day: string,
  options: RefreshDayOptions = {},
): Promise<DayWork> {
  return read(site, day, async (snap): Promise<DayWork> => {
    if (snap.gen === null) return { kind: 'none', gen: null };
    return ((options.update ?? true) && (await updateDay(snap))) || rebuildDay(snap, options.readSessions);
  });
}

async function rebuildDay(snap: DaySnapshot, readSessions?: number): Promise<FullWork> {
  const sums = createRollupSums();
  const counted: string[] = [];
  let pending: CountedRow[] = [];
  for (const sessions of packGroups(await snap.links(), readSessions)) {
    const facts = await snap.facts(sessions, false);
    sums.add(aggregateDay(facts));
    for (const row of countedOf(facts)) {
      pending.push(row);
      if (pending.length >= CHUNK_ROWS) (counted.push(JSON.stringify(pending)), (pending = []));
    }
  }
  if (pending.length > 0) counted.push(JSON.stringify(pending));
  return { kind: 'full', gen: snap.gen!, top: snap.top, chunks: planDayWrites(sums.rows()), counted };
}

function keysOf(rows: DayRollups, table: RollupTable, into: Map<string, RollupRow>): void {
  const width = ROLLUP_KEYS[table];
  for (const row of rows[table]) {
    const key = row.slice(0, width);
    into.set(JSON.stringify(key), key);
  }
}

/** The day's rows kept up to date, or null when it must be rebuilt whole. */
async function updateDay(snap: DaySnapshot): Promise<DeltaWork | null> {
  if (snap.counted === null) return null;
  const touched = await snap.touched(MAX_NEW_EVENTS);
  if (touched === null) return null;
  // Whole groups, as counted and now.
  const sessions = new Set(touched);
  for (let frontier = touched; frontier.length > 0;) {
    frontier = (await snap.linked(frontier)).filter((s) => !sessions.has(s));
    for (const s of frontier) sessions.add(s);
    if (sessions.size > MAX_UPDATE_SESSIONS) return null;
  }
  const list = [...sessions];
  const nowFacts = await snap.facts(list, false);
  // A few sessions of very many events (a crawler's): taking their rows away and adding them
  // again costs three times their rows at once; a whole rebuild writes them in chunks.
  if (nowFacts.events.length > MAX_UPDATE_EVENTS) return null;
  const after = aggregateDay(nowFacts);
  const before = aggregateDay(await snap.facts(list, true));

  const sums = createRollupSums();
  for (const table of TABLES) {
    const seen = new Map<string, RollupRow>();
    keysOf(before, table, seen);
    keysOf(after, table, seen);
    if (seen.size > 0) sums.add({ [table]: await snap.rows(table, [...seen.values()]) });
  }
  sums.add(before, -1);
  sums.add(after, 1);
  if (sums.unknown() > 0) return null;

  const tables: DeltaWork['tables'] = [];
  for (const table of TABLES) {
    const entries = sums.entries(table);
    if (entries.length === 0) continue;
    const rows = entries.flatMap(([, row]) => (row ? [row] : []));
    tables.push({ table, keys: JSON.stringify(entries.map(([key]) => key)), rows: JSON.stringify(rows) });
  }
  return {
    kind: 'delta',
    gen: snap.gen!,
    top: snap.top,
    from: snap.counted,
    tables,
    sessions: JSON.stringify(list),
    counted: JSON.stringify(countedOf(nowFacts)),
  };
}
