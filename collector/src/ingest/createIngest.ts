/**
 * Ingest's write side: requests' rows go into a bounded group commit; each group is one
 * driver transaction with the domain work (`foldGroup`) between the state it starts from and
 * its write: one call (`tryIngestWrite`) when ingest knows that state, else a read first
 * (`ingestGroup`). Resolves after COMMIT; refuses with `OverloadedError` (503 +
 * Retry-After) when more than `maxPendingEvents` wait for a group.
 */
import type { DropCounts, EventRow, IngestKeys, Storage } from '../storage/types.js';
import { createLock } from '../storage/createLock.js';
import {
  foldGroup,
  planGroup,
  stateOf,
  type FoldedGroup,
  type GroupPlan,
  type KnownSession,
} from './foldGroup.js';
import { createSessionCache } from './sessionCache.js';
import { createGroupCommit } from './groupCommit.js';
import { sessionKey, type IngestItem, type IngestRequest, type InsertResult } from './types.js';

export interface IngestOptions {
  /**
   * Events waiting for a group before ingest answers 503. Bounds memory when the store falls
   * behind: ~1–2 KB per waiting event, about a second or two of the store's pace.
   */
  maxPendingEvents?: number;
  /** Most events in one group (the transaction's size). */
  maxGroupEvents?: number;
  onGroup?: (requests: number, events: number, ms: number, ok: boolean) => void;
}

export interface Ingest {
  /**
   * Stores events durably (resolves only after commit). Concurrent calls are grouped into one
   * transaction. Events whose (site, id) is already stored are counted as duplicates. With
   * `request`, the sessions the new events belong to fold it into their evidence and are
   * scored again in the same transaction; the daily rollups follow their verdicts.
   */
  insertEvents(
    rows: EventRow[],
    dropped?: DropCounts | null,
    request?: IngestRequest | null,
  ): Promise<InsertResult>;
  /** Resolves when every accepted write is committed. */
  drain(): Promise<void>;
  /**
   * Runs `work` between two groups, with no group folding meanwhile, for anything else that
   * changes stored sessions (an erase): the events accepted before it are stored first.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Events waiting for a group. */
  pending(): number;
  /** Events in groups being folded or written (two at most: one writes, the next waits). */
  writing(): number;
  /**
   * As many events wait as may: a request can be refused (503) before its body is read,
   * instead of being parsed, validated and prepared for nothing.
   */
  full(): boolean;
}

export const MAX_PENDING_EVENTS = 10_000;
export const MAX_GROUP_EVENTS = 8_000;

/** One group in one driver transaction, the domain work between its read and its write. */
export async function commitGroup(
  storage: Pick<Storage, 'ingestGroup'>,
  items: IngestItem[],
): Promise<InsertResult[]> {
  return (await commitPlan(storage, planGroup(items))).results;
}

async function commitPlan(storage: Pick<Storage, 'ingestGroup'>, plan: GroupPlan): Promise<FoldedGroup> {
  let folded: FoldedGroup | null = null;
  await storage.ingestGroup(plan.keys, (read) => {
    folded = foldGroup(plan, stateOf(read));
    return folded.writes;
  });
  return folded!;
}

/** Sessions whose state ingest keeps (≈1–2 KB each). */
export const CACHED_SESSIONS = 20_000;
/** After a write that met a stored event or session, this many groups read first. */
const READ_AFTER_MISS = 8;
const NOTHING_STORED: ReadonlySet<string> = new Set();

export function createIngest(storage: Storage, options: IngestOptions = {}): Ingest {
  const cache = createSessionCache(CACHED_SESSIONS);
  let readFirst = 0;
  /**
   * Each group settles this with whether it committed exactly as it folded: only then may
   * the group after it, folded meanwhile from the state this one leaves (`writing`), write
   * that fold. Otherwise (a read first, a failure) the next one reads and folds again.
   */
  let previous: Promise<boolean> = Promise.resolve(true);
  /** What the groups folded but not yet committed leave their sessions as, oldest first. */
  const writing: Map<string, KnownSession>[] = [];

  /** The cache, as the groups being written will leave it. */
  function view(keys: IngestKeys['sessions']): Map<string, KnownSession> {
    const found = cache.view(keys);
    for (const after of writing) {
      for (const [site, session] of keys) {
        const k = sessionKey(site, session);
        const s = after.get(k);
        if (s) found.set(k, s);
      }
    }
    return found;
  }

  /** Read, fold, write: what the store holds is the state. */
  async function commitRead(plan: GroupPlan): Promise<InsertResult[]> {
    const folded = await commitPlan(storage, plan);
    cache.update(folded.after);
    return folded.results;
  }

  /**
   * Optimistic: every event new, every session cached or new; one call on the store, folded
   * while the group before it still writes (pipelined). A retry's stored event, or a session
   * stored before this process saw it, fails that write (nothing written) and the group is
   * read and folded again.
   */
  async function commit(items: IngestItem[]): Promise<InsertResult[]> {
    const plan = planGroup(items);
    const before = previous;
    let settle!: (exact: boolean) => void;
    previous = new Promise<boolean>((resolve) => (settle = resolve));
    let exact = false;
    try {
      if (readFirst > 0) {
        readFirst -= 1;
        await before;
        return await commitRead(plan);
      }
      const folded = foldGroup(plan, { storedEvents: NOTHING_STORED, sessions: view(plan.keys.sessions) });
      writing.push(folded.after);
      let written: boolean;
      try {
        written = (await before) && (await storage.tryIngestWrite(folded.writes));
      } finally {
        writing.splice(writing.indexOf(folded.after), 1);
      }
      if (written) {
        cache.update(folded.after);
        exact = true;
        return folded.results;
      }
      readFirst = READ_AFTER_MISS;
      return await commitRead(plan);
    } finally {
      settle(exact);
    }
  }

  // Exclusive work (an erase) runs with no group in flight, and groups wait for it: none
  // folds from a cache that it is about to make stale.
  const exclusiveTurn = createLock();
  let paused: Promise<unknown> | null = null;
  const group = createGroupCommit<IngestItem, InsertResult>(
    async (items) => {
      while (paused) await paused;
      return commit(items);
    },
    {
      maxGroup: Number.POSITIVE_INFINITY,
      maxGroupWeight: options.maxGroupEvents ?? MAX_GROUP_EVENTS,
      maxPending: options.maxPendingEvents ?? MAX_PENDING_EVENTS,
      weigh: (item) => Math.max(1, item.rows.length),
      inFlight: 2,
      ...(options.onGroup ? { onGroup: options.onGroup } : {}),
    },
  );
  return {
    insertEvents: (rows, dropped = null, request = null) =>
      rows.length === 0 && !dropped
        ? Promise.resolve({ inserted: 0, duplicates: 0 })
        : group.submit({ rows, dropped, request }),
    drain: () => group.drain(),
    exclusive: (work) =>
      exclusiveTurn(async () => {
        await group.drain();
        // Set before any group can start (a group starts on a later macrotask).
        const running = (async () => {
          try {
            return await work();
          } finally {
            cache.clear();
          }
        })();
        paused = running.catch(() => {});
        try {
          return await running;
        } finally {
          paused = null;
        }
      }),
    pending: () => group.pending(),
    writing: () => group.writing(),
    full: () => group.full(),
  };
}
