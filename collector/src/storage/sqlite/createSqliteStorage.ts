/**
 * The embedded SQLite driver: one write connection (WAL, group commit) and one read
 * connection, so report reads never wait behind an ingest transaction.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { INTERACTION_FIELDS, PAGEVIEW_FIELDS, SESSION_FIELDS, type SiteRow, type Storage } from '../types.js';
import { createLock, type Lock } from '../createLock.js';
import { createRollupRefresher } from '../../rollups/refreshRollups.js';
import { createSqliteRollupStore } from './rollupStore.js';
import { queryRollup } from './queryRollup.js';
import { countFunnel } from './countFunnel.js';
import { rankUsers } from './rankUsers.js';
import { topTrailTransitions } from './trails.js';
import { getRealtime } from './getRealtime.js';
import { ingestGroup, tryIngestWrite } from './ingestGroup.js';
import { openDb, writeTransaction, type Db } from './db.js';
import { findSessions, listInteractions, listPageviews, listSessions } from './listQueries.js';
import { migrations } from './migrations.js';
import { eraseUser } from './eraseUser.js';
import { getUserActivity, listUserTimeline } from './userQueries.js';

async function migrate(db: Db): Promise<void> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const done = await db.all<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(done.map((r) => r.version));
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await writeTransaction(db, async () => {
      await db.exec(m.sql);
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        Date.now(),
      ]);
    });
  }
}

function toSite(raw: { id: string; origins: string | null; createdAt: number }): SiteRow {
  return { ...raw, origins: raw.origins === null ? null : (JSON.parse(raw.origins) as string[]) };
}

/**
 * Report readers keep more of the rollup tables in their page cache (the default is 2 MiB)
 * and read the file through a memory map instead of a system call per page.
 */
const READER_PRAGMAS = 'PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;';

/**
 * The writer: WAL with `synchronous = NORMAL` (a commit is in the OS once COMMIT returns: it
 * survives the process being killed; a power cut may lose the last commits, never corrupt).
 * Index pages that ingest dirties stay in a larger page cache (events carry nine indexes,
 * several keyed at random: ids, sessions, paths). The writer does not checkpoint: a commit
 * that crosses the WAL threshold would copy the WAL into the database and fsync it on the
 * ingest path. `startCheckpoints` does that beside it instead.
 */
const WRITER_PRAGMAS = `
  PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
  PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;`;

/** How often the WAL is copied into the database beside ingest. */
const CHECKPOINT_MS = 1000;

/** WAL pages (4 KiB) past which the writer checkpoints and truncates the WAL itself. */
const WAL_MAX_PAGES = 65_536;

/**
 * PASSIVE checkpoints beside ingest: copy what no reader still needs, never wait for the
 * writer or a reader. Should readers keep the WAL from being reset and it pass 256 MiB, the
 * writer truncates it between two transactions (ingest waits that once).
 */
function startCheckpoints(db: Db, writer: Db, withWriteLock: Lock): NodeJS.Timeout {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    db.get<{ log: number }>('PRAGMA wal_checkpoint(PASSIVE)')
      .then((r) =>
        r && r.log > WAL_MAX_PAGES
          ? withWriteLock(() => writer.exec('PRAGMA wal_checkpoint(TRUNCATE)'))
          : undefined,
      )
      // The driver has no logger: a failed checkpoint is a process warning (stderr), never
      // silent; the next tick tries again.
      .catch((error: unknown) =>
        process.emitWarning(error instanceof Error ? error : String(error), { code: 'SIGHTLINE_CHECKPOINT' }),
      )
      .finally(() => (busy = false));
  }, CHECKPOINT_MS).unref();
}

export async function createSqliteStorage(path: string): Promise<Storage> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const writer = await openDb(path);
  await writer.exec(WRITER_PRAGMAS);
  // A second connection to the same file reads while the writer commits (WAL). An
  // in-memory database exists only on its own connection, so it reads through the writer.
  const reader = path === ':memory:' ? writer : await openDb(path);
  // Reports and records read through two connections, so that a report's statements (and two
  // reports) run side by side on two cores; each connection runs one statement at a time.
  const reportReaders = path === ':memory:' ? [writer] : [reader, await openDb(path)];
  for (const db of reportReaders) if (db !== writer) await db.exec(READER_PRAGMAS);
  // One queue, served by whichever connection is free: one statement at a time per
  // connection (statements handed to one connection together wait on its mutex, at times on
  // the main thread), and a long statement does not hold up short ones behind it.
  const waiting: ((db: Db) => void)[] = [];
  const idle = [...reportReaders];
  const onReportReader = <T>(work: (db: Db) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push((db) => {
        work(db)
          .then(resolve, reject)
          .finally(() => {
            const next = waiting.shift();
            if (next) next(db);
            else idle.push(db);
          });
      });
      const db = idle.pop();
      if (db) waiting.shift()!(db);
    });
  // Rollup rebuilds read a day in their own snapshot, beside report reads.
  const rollupReader = path === ':memory:' ? writer : await openDb(path);
  const withWriteLock = createLock();
  const rollups = createSqliteRollupStore(
    writer,
    rollupReader,
    withWriteLock,
    path === ':memory:' ? null : path,
  );
  const refresher = createRollupRefresher(rollups);
  // `/healthz` asks its own connection: never queued behind a report, a rollup read or a
  // write (each connection runs one statement at a time).
  const health = path === ':memory:' ? writer : await openDb(path);
  const checkpointer = path === ':memory:' ? null : await openDb(path);
  const checkpoints = checkpointer ? startCheckpoints(checkpointer, writer, withWriteLock) : null;

  return {
    kind: 'sqlite',
    migrate: () => migrate(writer),
    async ping() {
      await health.get('SELECT count(*) FROM sqlite_master');
    },
    ingestGroup: (keys, fold) => withWriteLock(() => ingestGroup(writer, keys, fold)),
    tryIngestWrite: (writes) => withWriteLock(() => tryIngestWrite(writer, writes)),
    async close() {
      if (checkpoints) clearInterval(checkpoints);
      if (health !== writer) await health.close();
      await checkpointer?.close();
      // Waits for the write in flight (and anything queued behind it) before closing.
      await withWriteLock(async () => {});
      await refresher.close();
      for (const db of reportReaders) if (db !== writer) await db.close();
      if (rollupReader !== writer) await rollupReader.close();
      await writer.close();
    },

    async getMeta(key) {
      const row = await reader.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
      return row?.value ?? null;
    },
    async setMeta(key, value) {
      await writer.run(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
    },
    async setMetaIfAbsent(key, value) {
      await writer.run('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)', [key, value]);
      const row = await writer.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]);
      return row?.value ?? value;
    },
    async deleteMetaBefore(prefix, before) {
      await writer.run('DELETE FROM meta WHERE key >= ? AND key < ?', [prefix, prefix + before]);
    },

    async ensureSites(ids) {
      await writer.run(
        `INSERT OR IGNORE INTO sites (id, origins, created_at)
         SELECT s.value, NULL, ? FROM json_each(?) AS s`,
        [Date.now(), JSON.stringify(ids)],
      );
    },
    async getSite(id) {
      const raw = await reader.get<{ id: string; origins: string | null; createdAt: number }>(
        'SELECT id, origins, created_at AS createdAt FROM sites WHERE id = ?',
        [id],
      );
      return raw ? toSite(raw) : null;
    },
    async listSites() {
      const rows = await reader.all<{ id: string; origins: string | null; createdAt: number }>(
        'SELECT id, origins, created_at AS createdAt FROM sites ORDER BY id',
      );
      return rows.map(toSite);
    },

    async deleteEventsBefore(ts) {
      // Per site, so that each delete walks the (site, ts) index; under the write lock, so
      // that no event goes between an ingest group's read and its write.
      const { changes } = await withWriteLock(() =>
        writer.run(
          'DELETE FROM events WHERE rid IN (SELECT e.rid FROM sites AS s JOIN events AS e ON e.site = s.id AND e.ts < ?)',
          [ts],
        ),
      );
      return changes;
    },

    refreshRollups: (options) => refresher.refresh(options),
    queryRollup: (query) => onReportReader((db) => queryRollup(db, query)),
    countFunnel: (query) => onReportReader((db) => countFunnel(db, query)),
    rankUsers: (query) => onReportReader((db) => rankUsers(db, query)),
    topTransitions: (query) => onReportReader((db) => topTrailTransitions(db, query)),
    getRealtime: (query) => onReportReader((db) => getRealtime(db, query)),
    listSessions: (q) => onReportReader((db) => listSessions(db, q, SESSION_FIELDS.search)),
    findSessions: (site, session) => onReportReader((db) => findSessions(db, site, session)),
    listPageviews: (q) => onReportReader((db) => listPageviews(db, q, PAGEVIEW_FIELDS.search)),
    listInteractions: (q) => onReportReader((db) => listInteractions(db, q, INTERACTION_FIELDS.search)),
    getUserActivity: (site, user) => onReportReader((db) => getUserActivity(db, site, user)),
    listUserTimeline: (site, user, bots, limit, before) =>
      onReportReader((db) => listUserTimeline(db, site, user, bots, limit, before)),
    eraseUser: (site, user) => withWriteLock(() => eraseUser(writer, site, user)),
  };
}
