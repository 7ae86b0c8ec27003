import { createIngest, type Ingest } from '../../src/ingest/createIngest.js';
import type { IngestRequest, InsertResult } from '../../src/ingest/types.js';
import type { DropCounts, EventRow, Storage } from '../../src/storage/types.js';

const ingests = new WeakMap<Storage, Ingest>();

/** One ingest (group commit) per store, as an app has. */
export function ingestOf(storage: Storage): Ingest {
  let ingest = ingests.get(storage);
  if (!ingest) ingests.set(storage, (ingest = createIngest(storage)));
  return ingest;
}

/** Stores rows through ingest, as a request would (resolves after commit). */
export function insertEvents(
  storage: Storage,
  rows: EventRow[],
  dropped: DropCounts | null = null,
  request: IngestRequest | null = null,
): Promise<InsertResult> {
  return ingestOf(storage).insertEvents(rows, dropped, request);
}
