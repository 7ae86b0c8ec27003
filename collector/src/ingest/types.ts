/** What ingest takes in and answers, beside the rows (`storage/types.ts` `EventRow`). */
import type { NetworkVerdict } from '../enrich/lookupNetwork.js';
import type { RequestFacts } from '../scoring/index.js';
import type { DropCounts, EventRow } from '../storage/types.js';

/**
 * What the ingest request that carried a batch tells about its sender, for the humanness
 * score: header facts and the network verdict. Never the client address.
 */
export interface IngestRequest {
  facts: RequestFacts;
  /** null when no network database is loaded. */
  network: NetworkVerdict | null;
}

/** One request's part of a group. */
export interface IngestItem {
  rows: EventRow[];
  dropped: DropCounts | null;
  /** The request's facts for scoring; null for writes that are not ingest requests (imports). */
  request: IngestRequest | null;
}

export interface InsertResult {
  inserted: number;
  duplicates: number;
}

export const sessionKey = (site: string, session: string): string => `${site}\u0000${session}`;
