/** SQLite side of the rollup refresh: read a day's facts, replace its rollup rows chunk by chunk. */
import type { RollupStore } from '../../rollups/refreshRollups.js';
import { ROLLUP_COLUMNS, ROLLUP_KEYS, type RollupTable, type RowChunk } from '../../rollups/types.js';
import { createLock, type Lock } from '../createLock.js';
import { writeTransaction, type Db } from './db.js';
import { readDay } from './readDayFacts.js';
import { noteDay, refreshTrails } from './trails.js';

/** Old rows deleted per transaction at most: a day that shrank a lot is cleared in steps. */
export const DELETE_BATCH = 8000;

const TABLES = Object.keys(ROLLUP_COLUMNS) as RollupTable[];

/** A row's columns, then its add count `n` (rollups/types.ts `RollupRow`; 1 when left out). */
function insertSql(table: RollupTable): string {
  const columns = ROLLUP_COLUMNS[table];
  const values = columns.map((_, i) => `r.value->>${i}`).join(', ');
  return `INSERT INTO ${table} (site, day, ${columns.join(', ')}, n)
    SELECT ?, ?, ${values}, coalesce(r.value->>${columns.length}, 1) FROM json_each(?) AS r WHERE true`;
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

/** Deletes the day's rows of the keys in ?3 (a JSON list of keys). */
function deleteKeysSql(table: RollupTable): string {
  const columns = ROLLUP_COLUMNS[table].slice(0, ROLLUP_KEYS[table]);
  return `DELETE FROM ${table} WHERE site = ?1 AND day = ?2 AND (${columns.join(', ')}) IN
    (SELECT ${columns.map((_, i) => `k.value->>${i}`).join(', ')} FROM json_each(?3) AS k)`;
}
const DELETE_KEYS = Object.fromEntries(TABLES.map((t) => [t, deleteKeysSql(t)])) as Record<
  RollupTable,
  string
>;

// The links of the listed sessions (?3) as counted.
const DELETE_LINKS = `
  DELETE FROM rollup_links WHERE (site, day, link, session_id) IN
    (SELECT c.site, c.day, l.value, c.session_id
     FROM json_each(?3) AS k CROSS JOIN rollup_counted AS c, json_each(c.links) AS l
     WHERE c.site = ?1 AND c.day = ?2 AND c.session_id = k.value)`;

/** Counted session-days (?3: a JSON list of `CountedRow`s) and their links. */
async function insertCounted(db: Db, site: string, day: string, json: string): Promise<void> {
  await db.run(
    `INSERT INTO rollup_counted (site, day, session_id, fact, links)
     SELECT ?1, ?2, c.value->>0, c.value->>1, c.value->>2 FROM json_each(?3) AS c WHERE true`,
    [site, day, json],
  );
  await db.run(
    `INSERT INTO rollup_links (site, day, link, session_id)
     SELECT ?1, ?2, l.value, c.value->>0 FROM json_each(?3) AS c, json_each(c.value->>2) AS l WHERE true`,
    [site, day, json],
  );
}

/** The day's rows stop reflecting a watermark: the next update rebuilds it whole. */
async function forgetCounted(db: Db, site: string, day: string): Promise<void> {
  for (const table of ['rollup_days', 'rollup_counted', 'rollup_links'])
    await db.run(`DELETE FROM ${table} WHERE site = ? AND day = ?`, [site, day]);
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
  let countedFrom: string | null = null;
  /** In the day's last write: trails go stale, the mark goes if its generation is still `gen`. */
  async function dayWritten(site: string, day: string, gen: number): Promise<void> {
    // The rows over trailing days that include this one are stale now.
    await noteDay(writer, site, day);
    writes.set(site, (writes.get(site) ?? 0) + 1);
    written += 1;
    await writer.run('DELETE FROM rollup_dirty WHERE site = ? AND day = ? AND gen = ?', [site, day, gen]);
  }
  return {
    listDirtyDays: (limit) =>
      reader.all('SELECT site, day, gen FROM rollup_dirty ORDER BY day DESC, site LIMIT ?', [limit]),
    readDay: (site, day, work) => readLock(() => readDay(reader, site, day, work)),
    factsReader:
      path === null ? null : { module: new URL('./readDayFacts.js', import.meta.url).href, args: [path] },
    writeDayRollups: (site, day, work) =>
      oneDayAtATime(async () => {
        const { gen, top, chunks, counted } = work;
        // The day's rows stop reflecting a watermark as soon as the first chunk goes in.
        await withWriteLock(() => writeTransaction(writer, () => forgetCounted(writer, site, day)));
        // One short transaction per chunk: ingest commits in between. A chunk replaces the
        // old rows of its key range; when there are many more of them than new rows, it
        // deletes them over several transactions first.
        for (const chunk of chunks) {
          let done = false;
          while (!done) {
            done = await withWriteLock(() =>
              writeTransaction(writer, async () => {
                const bounds = [...(chunk.from ?? []), ...(chunk.to ?? [])];
                const { changes } = await writer.run(deleteOf(chunk), [site, day, ...bounds]);
                if (changes === DELETE_BATCH) return false;
                if (chunk.rows > 0) await writer.run(INSERTS[chunk.table], [site, day, chunk.json]);
                return true;
              }),
            );
          }
        }
        for (const json of counted)
          await withWriteLock(() => writeTransaction(writer, () => insertCounted(writer, site, day, json)));
        await withWriteLock(() =>
          writeTransaction(writer, async () => {
            await writer.run('INSERT INTO rollup_days (site, day, rid) VALUES (?, ?, ?)', [site, day, top]);
            await dayWritten(site, day, gen);
          }),
        );
      }),
    writeDayUpdate: (site, day, work) =>
      oneDayAtATime(() =>
        withWriteLock(() =>
          writeTransaction(writer, async () => {
            const at = await writer.get<{ rid: number }>(
              'SELECT rid FROM rollup_days WHERE site = ? AND day = ?',
              [site, day],
            );
            // Another write came first (a rebuild, an erasure): the day stays stale.
            if (at?.rid !== work.from) return;
            for (const { table, keys, rows } of work.tables) {
              await writer.run(DELETE_KEYS[table], [site, day, keys]);
              await writer.run(INSERTS[table], [site, day, rows]);
            }
            await writer.run(DELETE_LINKS, [site, day, work.sessions]);
            await writer.run(
              'DELETE FROM rollup_counted WHERE site = ?1 AND day = ?2 AND session_id IN (SELECT value FROM json_each(?3))',
              [site, day, work.sessions],
            );
            await insertCounted(writer, site, day, work.counted);
            await writer.run('UPDATE rollup_days SET rid = ? WHERE site = ? AND day = ?', [
              work.top,
              site,
              day,
            ]);
            await dayWritten(site, day, work.gen);
          }),
        ),
      ),
    async dropCountedBefore(day) {
      if (countedFrom === day) return;
      await withWriteLock(() =>
        writeTransaction(writer, async () => {
          for (const table of ['rollup_days', 'rollup_counted', 'rollup_links'])
            await writer.run(`DELETE FROM ${table} WHERE day < ?`, [day]);
        }),
      );
      countedFrom = day;
    },
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
