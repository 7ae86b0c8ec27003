import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { migrations } from '../../src/storage/sqlite/migrations.js';
import type { Storage } from '../../src/storage/types.js';
import { createTempDir } from '../utils/createTempDir.js';
import { createTestApp } from '../utils/createTestApp.js';
import { dumpDatabase } from '../utils/dumpDatabase.js';
import { getJson } from '../utils/getJson.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { insertEvents } from '../utils/insertEvents.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDbFile(): Promise<string> {
  const dir = await createTempDir();
  cleanups.push(dir.remove);
  return join(dir.path, 'nested', 'sightline.db'); // the driver creates missing folders
}

async function openStorage(path: string): Promise<Storage> {
  const storage = await createSqliteStorage(path);
  await storage.migrate();
  return storage;
}

describe('SQLite migrations', () => {
  it('are idempotent: migrating twice, and reopening a file, changes nothing', async () => {
    const file = await tempDbFile();
    const first = await openStorage(file);
    await first.migrate();
    await first.close();
    const schemaBefore = await dumpDatabase(file);

    const second = await openStorage(file);
    await second.migrate();
    await second.close();
    const dump = JSON.parse(await dumpDatabase(file)) as {
      schema: unknown[];
      tables: { schema_migrations: { version: number }[] };
    };
    expect(dump.tables.schema_migrations.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
    expect(dump.schema).toEqual((JSON.parse(schemaBefore) as { schema: unknown[] }).schema);
  });

  it('have strictly increasing versions', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('SQLite persistence', () => {
  it('keeps events, sessions, rollups and the day salt after close and reopen', async () => {
    const file = await tempDbFile();
    const env = { DATABASE_URL: `sqlite:${file}` };
    const events = [
      makePageview({ session: 's-1' }),
      makePageview({ session: 's-1' }),
      makePageview({ session: 's-2' }),
    ];

    const before = await createTestApp(env);
    expect((await postCollect(before.app, events, { remoteAddress: '10.9.9.9' })).json()).toMatchObject({
      accepted: 3,
    });
    const overviewBefore = (await getJson(before, '/v1/reports/overview?site=demo')).body;
    const visitorBefore = (
      await getJson<{ results: { visitor: string }[] }>(before, '/v1/sessions?site=demo')
    ).body.results[0]!.visitor;
    await before.close();

    const after = await createTestApp(env);
    cleanups.push(() => after.close());
    expect((await getJson(after, '/v1/reports/overview?site=demo')).body).toEqual(overviewBefore);
    expect((await getJson<{ count: number }>(after, '/v1/pageviews?site=demo')).body.count).toBe(3);
    // Ids stay unique across restarts, and the same client is the same visitor all day.
    expect((await postCollect(after.app, events, { remoteAddress: '10.9.9.9' })).json()).toMatchObject({
      accepted: 0,
      duplicates: 3,
    });
    await postCollect(after.app, [makePageview({ session: 's-3' })], { remoteAddress: '10.9.9.9' });
    const s3 = (await getJson<{ results: { visitor: string }[] }>(after, '/v1/sessions?site=demo&search=s-3'))
      .body;
    expect(s3.results[0]!.visitor).toBe(visitorBefore);
  });
});

describe.each([
  ['in memory', async () => ':memory:'],
  ['in a file', tempDbFile],
])('SQLite storage %s', (_where, pathFor) => {
  async function open(): Promise<Storage> {
    const storage = await openStorage(await pathFor());
    cleanups.push(() => storage.close());
    return storage;
  }

  it('stores nothing and opens no transaction for an empty batch', async () => {
    const storage = await open();
    expect(await insertEvents(storage, [])).toEqual({ inserted: 0, duplicates: 0 });
  });

  it('counts a (site, id) already stored as a duplicate, but not the same id on another site', async () => {
    const storage = await open();
    const row = makeEventRow();
    expect(await insertEvents(storage, [row])).toEqual({ inserted: 1, duplicates: 0 });
    expect(await insertEvents(storage, [row, { ...row, site: 'other' }])).toEqual({
      inserted: 1,
      duplicates: 1,
    });
  });

  it('deletes old raw events but keeps the rollups', async () => {
    const storage = await open();
    await storage.ensureSites(['demo']);
    const day = 86_400_000;
    const old = Date.now() - 10 * day;
    await insertEvents(storage, [makeEventRow({ ts: old }), makeEventRow({ ts: old + 1 }), makeEventRow()]);
    const oldDay = new Date(old).toISOString().slice(0, 10);
    const totals = () =>
      storage.queryRollup({
        table: 'ru_sessions',
        site: 'demo',
        days: [oldDay],
        filter: '',
        bots: 'include',
        where: { b: '' },
        groupBy: ['day'],
        sum: ['pageviews', 'sessions', 'visitors'],
      });
    await storage.refreshRollups();
    const rollupBefore = await totals();
    expect(rollupBefore).toEqual([{ day: oldDay, pageviews: 2, sessions: 1, visitors: 1 }]);

    expect(await storage.deleteEventsBefore(Date.now() - 5 * day)).toBe(2);
    // A late event for that day marks it stale; past retention it is not rebuilt from
    // what is left of its raw events.
    await insertEvents(storage, [
      makeEventRow({ ts: old + 2, session: 'late', type: 'custom', name: 'late' }),
    ]);
    const cutoff = new Date(Date.now() - 5 * day + day).toISOString().slice(0, 10);
    await storage.refreshRollups({ frozenBefore: cutoff });
    expect(await totals()).toEqual(rollupBefore);
    const left = await storage.listPageviews({
      site: 'demo',
      from: null,
      to: null,
      bots: 'include',
      limit: 10,
      offset: 0,
      ordering: [],
      search: null,
      filters: {},
    });
    expect(left.count).toBe(1);
  });

  it('sets meta only if absent, and deletes keys of a prefix before a bound', async () => {
    const storage = await open();
    expect(await storage.setMetaIfAbsent('salt:2024-01-01', 'first')).toBe('first');
    expect(await storage.setMetaIfAbsent('salt:2024-01-01', 'second')).toBe('first');
    await storage.setMeta('salt:2024-01-02', 'b');
    await storage.setMeta('other', 'kept');
    await storage.deleteMetaBefore('salt:', '2024-01-02');
    expect(await storage.getMeta('salt:2024-01-01')).toBeNull();
    expect(await storage.getMeta('salt:2024-01-02')).toBe('b');
    expect(await storage.getMeta('other')).toBe('kept');
  });

  it('creates sites once', async () => {
    const storage = await open();
    await storage.ensureSites(['a', 'b']);
    await storage.ensureSites(['b', 'c']);
    expect((await storage.listSites()).map((s) => [s.id, s.origins])).toEqual([
      ['a', null],
      ['b', null],
      ['c', null],
    ]);
    expect(await storage.getSite('zzz')).toBeNull();
  });

  it('rejects ping once closed', async () => {
    const storage = await openStorage(await pathFor());
    await storage.ping();
    await storage.close();
    await expect(storage.ping()).rejects.toThrow();
  });
});
