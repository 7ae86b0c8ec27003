/** SQLite side of the rollup refresh: read a day's facts, replace its rollup rows chunk by chunk. */
import type { RollupStore } from '../../rollups/refreshRollups.js';
import { ROLLUP_COLUMNS, ROLLUP_KEYS, type RollupTable, type RowChunk } from '../../rollups/types.js';
import { createLock, type Lock } from '../createLock.js';
import { writeTransaction, type Db } from './db.js';
import { readDayFacts } from './readDayFacts.js';
import { noteDay, refreshTrails } from './trails.js';

/** Old rows deleted per transaction at most: a day that shrank a lot is cleared in steps. */
export const DELETE_BATCH = 8000;

const TABLES = Object.keys(ROLLUP_COLUMNS) as RollupTable[];

function insertSql(table: RollupTable): string {
  const columns = ROLLUP_COLUMNS[table];
  const values = columns.map((_, i) => `r.value->>${i}`).join(', ');
  return `INSERT INTO ${table} (site, day, ${columns.join(', ')}) SELECT ?, ?, ${values} FROM json_each(?) AS r WHERE true`;
}

const INSERTS = Object.fromEntries(TABLES.map((t) => [t, insertSql(t)])) as Record<RollupTable, string>;

/** Deletes up to `DELETE_BATCH` of the day's rows with keys in [from, to) (either end open). */
function deleteSql(table: RollupTable, from: boolean, to: boolean): string {
  const key = ROLLUP_COLUMNS[table].slice(0, ROLLUP_KEYS[table]).join(', ');
  const marks = ROLLUP_COLUMNS[table]
    .slice(0, ROLLUP_KEYS[table])
    .map(() => '?')
    .join(', ');
  const where = ['site = ?', 'day = ?'];
  if (from) where.push(`(${key}) >= (${marks})`);
  if (to) where.push(`(${key}) < (${marks})`);
  return `DELETE FROM ${table} WHERE (site, day, ${key}) IN
    (SELECT site, day, ${key} FROM ${table} WHERE ${where.join(' AND ')} LIMIT ${DELETE_BATCH})`;
}

const DELETES = new Map<string, string>();
function deleteOf(chunk: RowChunk): string {
  const id = `${chunk.table}/${chunk.from !== null}/${chunk.to !== null}`;
  let sql = DELETES.get(id);
  if (!sql) DELETES.set(id, (sql = deleteSql(chunk.table, chunk.from !== null, chunk.to !== null)));
  return sql;
}

/**
 * `reader` reads in its own snapshot while the writer goes on; with an in-memory database
 * it is the writer itself, and reads take the write lock too. `path`: the database file a
 * worker thread can read days from (null for an in-memory database).
 */
export function createSqliteRollupStore(
  writer: Db,
  reader: Db,
  withWriteLock: Lock,
  path: string | null,
): RollupStore {
  const readLock: Lock = reader === writer ? withWriteLock : (work) => work();
  // Two refreshes at once (the job and a caller) never interleave their chunks of one day.
  const oneDayAtATime = createLock();
  // Day writes per site, for refreshTrails to tell whether one came in while it computed;
  // and in all, to skip it when no day was written since it last finished (the rollup job
  // calls it every pass, about every second).
  const writes = new Map<string, number>();
  let written = 0;
  let trailsAt: number | null = null;
  return {
    listDirtyDays: (limit) =>
      reader.all('SELECT site, day, gen FROM rollup_dirty ORDER BY day DESC, site LIMIT ?', [limit]),
    readDayFacts: (site, day) => readLock(() => readDayFacts(reader, site, day)),
    factsReader:
      path === null ? null : { module: new URL('./readDayFacts.js', import.meta.url).href, args: [path] },
    writeDayRollups: (site, day, gen, chunks) =>
      oneDayAtATime(async () => {
        // One short transaction per chunk: ingest commits in between. A chunk replaces the
        // old rows of its key range; when there are many more of them than new rows, it
        // deletes them over several transactions first.
        for (const [i, chunk] of chunks.entries()) {
          const last = i === chunks.length - 1;
          let done = false;
          while (!done) {
            done = await withWriteLock(() =>
              writeTransaction(writer, async () => {
                const bounds = [...(chunk.from ?? []), ...(chunk.to ?? [])];
                const { changes } = await writer.run(deleteOf(chunk), [site, day, ...bounds]);
                if (changes === DELETE_BATCH) return false;
                if (chunk.rows > 0) await writer.run(INSERTS[chunk.table], [site, day, chunk.json]);
                if (last) {
                  // The rows over trailing days that include this one are stale now.
                  await noteDay(writer, site, day);
                  writes.set(site, (writes.get(site) ?? 0) + 1);
                  written += 1;
                  await writer.run('DELETE FROM rollup_dirty WHERE site = ? AND day = ? AND gen = ?', [
                    site,
                    day,
                    gen,
                  ]);
                }
                return true;
              }),
            );
          }
        }
      }),
    async refreshTrails() {
      // The first call after a start runs whatever: migrations leave days stale too.
      if (trailsAt === written) return 0;
      const at = written;
      const done = await refreshTrails({
        writer,
        reader,
        withWriteLock,
        readLock,
        writesOf: (site) => writes.get(site) ?? 0,
      });
      trailsAt = at;
      return done;
    },
    dropDirtyBefore: (day) =>
      withWriteLock(() => writer.run('DELETE FROM rollup_dirty WHERE day < ?', [day]).then(() => {})),
  };
}
