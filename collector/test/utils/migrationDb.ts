/**
 * For migration tests: an in-memory database with the migrations before a version applied,
 * then that version (or a range). Databases opened here are closed after each test.
 */
import { afterEach } from 'vitest';
import { openDb, type Db } from '../../src/storage/sqlite/db.js';
import { migrations } from '../../src/storage/sqlite/migrations.js';

const opened: Db[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

/** A database with every migration below `version` applied. */
export async function dbBefore(version: number): Promise<Db> {
  const db = await openDb(':memory:');
  opened.push(db);
  for (const m of migrations.filter((m) => m.version < version)) await db.exec(m.sql);
  return db;
}

/** Applies the migrations from `first` to `last` (just `first` by default). */
export async function applyMigrations(db: Db, first: number, last = first): Promise<void> {
  for (const m of migrations.filter((m) => m.version >= first && m.version <= last)) await db.exec(m.sql);
}
