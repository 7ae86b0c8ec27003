/**
 * The stored queue: its rows, its bounds, and the one rule that changes it. Every tab of a
 * site shares it; each event row names the tab that may send it (`o`) until its lease ends
 * (`u`). A tab sends only what it holds, so two tabs never send the same event; a row whose
 * lease ran out (its tab was closed, crashed or frozen) is claimed by the next tab to sync.
 */
import type { SightlineEvent } from '@sightline/protocol';
import { addCounts } from '../lib/addCounts.js';

/** Bounds of the stored queue, every tab together; past them the oldest events are dropped. */
export const MAX_QUEUED = 1000;
export const MAX_QUEUED_BYTES = 1 << 20;
/**
 * How long a tab holds the events it claimed. Long enough to outlast a slow request (a tab
 * renews its lease when half of it is gone); short enough that events of a tab that
 * vanished without releasing them go out within a minute.
 */
export const LEASE_MS = 60_000;

export type Counts = Record<string, number>;
/** Event time, order of creation in its tab, id: rows come back oldest first, never clash. */
export type EntryKey = [ts: number, seq: number, id: string];

/**
 * A queued event. The one-letter names are the stored format: a change of format takes a
 * new database name (`queue.ts`), never a rename here.
 */
export interface Entry {
  k: EntryKey;
  e: SightlineEvent;
  /** Size of the event's JSON in bytes. */
  b: number;
  /** The tab that may send it. */
  o: string;
  /** End of that tab's lease (epoch ms). */
  u: number;
}

/** Drop counts that a leaving tab could not report, for the next tab that syncs. */
export interface CountRow {
  k: string;
  d: Counts;
}

export type Row = Entry | CountRow;

export interface SyncOp {
  tab: string;
  now: number;
  /** Rows to write: new events, released leases, drop counts. */
  put: Row[];
  /** Keys of events delivered (or dropped) since the last sync. */
  del: EntryKey[];
  /** Also read every row: apply the caps, claim, take the counts. Otherwise only write. */
  full: boolean;
}

export interface SyncResult {
  /** Events this tab holds, oldest first (full syncs only). */
  mine?: Entry[];
  /** Drop counts this tab has taken over and must report. */
  dropped: Counts;
  /** When the first lease of another tab ends (0: none). */
  next: number;
}

/** One sync of a tab with the stored queue, run atomically (one IndexedDB transaction). */
export type QueueStore = (op: SyncOp) => Promise<SyncResult>;

export interface Changes extends SyncResult {
  put: Row[];
  del: IDBValidKey[];
}

/** How many of the oldest in `list` must go to keep it within the bounds. */
export function overCap(list: Entry[]): number {
  let bytes = 0;
  for (const x of list) bytes += x.b;
  let n = 0;
  while (list.length - n > MAX_QUEUED || bytes > MAX_QUEUED_BYTES) bytes -= (list[n++] as Entry).b;
  return n;
}

/** A full sync: the stored `rows` (oldest first) and `op` → the writes, and what the tab holds. */
export function reconcile(rows: Row[], op: SyncOp): Changes {
  const { tab, now } = op;
  const del: IDBValidKey[] = [...op.del];
  const dropped: Counts = {};
  const live = new Map<string, Entry>();
  for (const row of [...rows, ...op.put]) {
    if ('d' in row) {
      addCounts(dropped, row.d);
      del.push(row.k);
    } else live.set(row.e.id, row);
  }
  for (const key of op.del) live.delete(key[2]);
  const list = [...live.values()];
  const cut = overCap(list);
  if (cut) addCounts(dropped, { queue_full: cut });
  for (const x of list.splice(0, cut)) del.push(x.k);

  const put: Row[] = [];
  const mine: Entry[] = [];
  let next = 0;
  for (let x of list) {
    if (x.o === tab || x.u <= now) {
      // One write per event and half lease, not one per sync.
      if (op.put.includes(x) || x.o !== tab || x.u - now < LEASE_MS / 2) put.push((x = { ...x, o: tab, u: now + LEASE_MS }));
      mine.push(x);
    } else if (!next || x.u < next) next = x.u;
  }
  return { put, del, mine, dropped, next };
}
