import { commitGroup } from '../../src/ingest/createIngest.js';
import type { IngestItem, InsertResult } from '../../src/ingest/types.js';
import type { Db } from '../../src/storage/sqlite/db.js';
import { ingestGroup } from '../../src/storage/sqlite/ingestGroup.js';

/** One ingest group written straight on a SQLite connection (no lock, no queue). */
export function commitOnDb(db: Db, items: IngestItem[]): Promise<InsertResult[]> {
  return commitGroup({ ingestGroup: (keys, fold) => ingestGroup(db, keys, fold) }, items);
}
