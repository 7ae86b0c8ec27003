import { openDb } from '../../src/storage/sqlite/db.js';

/** Every row of every table (and the schema itself) of a SQLite file, as one JSON text. */
export async function dumpDatabase(path: string): Promise<string> {
  const db = await openDb(path);
  try {
    const schema = await db.all<{ name: string; type: string; sql: string | null }>(
      'SELECT name, type, sql FROM sqlite_master',
    );
    const tables: Record<string, unknown[]> = {};
    for (const { name, type } of schema) {
      if (type !== 'table') continue;
      tables[name] = await db.all(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
    }
    return JSON.stringify({ schema, tables });
  } finally {
    await db.close();
  }
}
