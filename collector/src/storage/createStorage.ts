import type { DatabaseConfig } from '../config.js';
import { createSqliteStorage } from './sqlite/createSqliteStorage.js';
import type { Storage } from './types.js';

export class UnsupportedStoreError extends Error {
  override name = 'UnsupportedStoreError';
}

/** Opens the configured store and brings its schema up to date. */
export async function createStorage(db: DatabaseConfig): Promise<Storage> {
  if (db.kind !== 'sqlite') {
    throw new UnsupportedStoreError(
      'DATABASE_URL=postgres://… is not available in this version yet; use sqlite:PATH',
    );
  }
  const storage = await createSqliteStorage(db.path);
  await storage.migrate();
  return storage;
}
