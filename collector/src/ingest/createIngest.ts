/**
 * Ingest's write side: requests' rows go into a bounded group commit; each group is one
 * driver transaction (`storage.ingestGroup`) with the domain work (`foldGroup`) between its
 * read and its write. Resolves after COMMIT; refuses with `OverloadedError` (503 +
 * Retry-After) when more than `maxPendingEvents` wait for a group.
 */
import type { DropCounts, EventRow, Storage } from '../storage/types.js';
import { foldGroup, planGroup } from './foldGroup.js';
import { createGroupCommit } from './groupCommit.js';
import type { IngestItem, IngestRequest, InsertResult } from './types.js';

export interface IngestOptions {
  /**
   * Events waiting for a group before ingest answers 503. Bounds memory when the store falls
   * behind: ~1–2 KB per waiting event, a few seconds of the store's pace.
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
  insertEvents(rows: EventRow[], dropped?: DropCounts | null, request?: IngestRequest | null): Promise<InsertResult>;
  /** Resolves when every accepted write is committed. */
  drain(): Promise<void>;
  /** Events waiting for a group. */
  pending(): number;
}

export const MAX_PENDING_EVENTS = 50_000;
export const MAX_GROUP_EVENTS = 8_000;

/** One group in one driver transaction, the domain work between its read and its write. */
export async function commitGroup(
  storage: Pick<Storage, 'ingestGroup'>,
  items: IngestItem[],
): Promise<InsertResult[]> {
  const plan = planGroup(items);
  let results: InsertResult[] = [];
  await storage.ingestGroup(plan.keys, (read) => {
    const folded = foldGroup(plan, read);
    results = folded.results;
    return folded.writes;
  });
  return results;
}

export function createIngest(storage: Storage, options: IngestOptions = {}): Ingest {
  const group = createGroupCommit<IngestItem, InsertResult>(
    (items) => commitGroup(storage, items),
    {
      maxGroup: Number.POSITIVE_INFINITY,
      maxGroupWeight: options.maxGroupEvents ?? MAX_GROUP_EVENTS,
      maxPending: options.maxPendingEvents ?? MAX_PENDING_EVENTS,
      weigh: (item) => Math.max(1, item.rows.length),
      ...(options.onGroup ? { onGroup: options.onGroup } : {}),
    },
  );
  return {
    insertEvents: (rows, dropped = null, request = null) =>
      rows.length === 0 && !dropped
        ? Promise.resolve({ inserted: 0, duplicates: 0 })
        : group.submit({ rows, dropped, request }),
    drain: () => group.drain(),
    pending: () => group.pending(),
  };
}
