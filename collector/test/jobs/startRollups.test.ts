import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { startRollups } from '../../src/jobs/startRollups.js';
import { overviewReport } from '../../src/reports/overview.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { insertEvents } from '../utils/insertEvents.js';

let storage: Storage;
const silent = Fastify({ logger: false }).log;
afterEach(async () => {
  await storage.close();
});

const pageviews = async () =>
  (await overviewReport.run(storage, { site: 'demo', bots: 'include' })).totals.pageviews;

describe('startRollups', () => {
  it('rebuilds stale days on start and again after new events, until stopped', async () => {
    storage = await createSqliteStorage(':memory:');
    await storage.migrate();
    await insertEvents(storage, [makeEventRow({ session: 'a' }), makeEventRow({ session: 'b' })]);
    expect(await pageviews()).toBe(0); // nothing rebuilt yet

    const stop = startRollups(storage, 400, silent);
    await expect.poll(pageviews).toBe(2);
    await insertEvents(storage, [makeEventRow({ session: 'c' })]);
    await expect.poll(pageviews, { timeout: 5000 }).toBe(3);

    await stop();
    await insertEvents(storage, [makeEventRow({ session: 'd' })]);
    expect(await pageviews()).toBe(3); // stopped: no pass ran after the stop
  });

  it('leaves days before the retention horizon as they are', async () => {
    storage = await createSqliteStorage(':memory:');
    await storage.migrate();
    const old = Date.now() - 10 * 86_400_000;
    await insertEvents(storage, [makeEventRow({ session: 'old', ts: old })]);
    const stop = startRollups(storage, 5, silent);
    await expect.poll(async () => (await storage.refreshRollups()).days).toBe(0);
    await stop();
    const result = await overviewReport.run(storage, {
      site: 'demo',
      bots: 'include',
      from: new Date(old).toISOString().slice(0, 10),
    });
    expect(result.totals.pageviews).toBe(0);
  });
});
