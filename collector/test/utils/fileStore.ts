/** A migrated SQLite store in a file, with a second connection to look at or alter its tables. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { openDb, type Db } from '../../src/storage/sqlite/db.js';
import type { Storage } from '../../src/storage/types.js';

export async function withFileStore(
  dir: string,
  name: string,
  work: (storage: Storage, db: Db) => Promise<void>,
): Promise<void> {
  const file = join(dir, `${name}.db`);
  const storage = await createSqliteStorage(file);
  const db = await openDb(file);
  try {
    await storage.migrate();
    await storage.ensureSites(['demo']);
    await work(storage, db);
  } finally {
    await db.close();
    await storage.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  }
}
