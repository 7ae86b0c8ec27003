/** A promise wrapper over one `sqlite3` connection. */
import sqlite3 from 'sqlite3';

export type Params = unknown[];

export interface Db {
  run(sql: string, params?: Params): Promise<{ changes: number }>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function openDb(path: string, readOnly = false): Promise<Db> {
  const mode = readOnly
    ? sqlite3.OPEN_READONLY
    : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX;
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, mode, (err) => {
      if (err) return reject(err);
      db.configure('busyTimeout', 5000);
      resolve(wrap(db));
    });
  });
}

function wrap(db: sqlite3.Database): Db {
  return {
    run: (sql, params = []) =>
      new Promise((resolve, reject) => {
        db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(err);
          else resolve({ changes: this.changes });
        });
      }),
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((resolve, reject) => {
        db.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
      }),
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((resolve, reject) => {
        db.get(sql, params, (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
      }),
    exec: (sql) =>
      new Promise<void>((resolve, reject) => {
        db.exec(sql, (err: Error | null) => (err ? reject(err) : resolve()));
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        db.close((err: Error | null) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Runs `work` in one write transaction (`BEGIN IMMEDIATE`), rolled back if it throws. */
export async function writeTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    await db.exec('COMMIT');
    return result;
  } catch (error) {
    await db.exec('ROLLBACK');
    throw error;
  }
}

/** Runs `work` in one read transaction: every statement in it sees the same snapshot. */
export async function readTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await db.exec('BEGIN');
  try {
    return await work();
  } finally {
    await db.exec('COMMIT');
  }
}
