/**
 * `DELETE /v1/users/<user>` leaves no trace of the user anywhere in the database, and leaves
 * every table as if the user's sessions had never been sent: compared with a second store
 * that ingested the same traffic without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngagementResult } from '../../src/reports/engagement.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import { createTempDir } from '../utils/createTempDir.js';
import { createTestApp, type TestApp } from '../utils/createTestApp.js';
import { dumpDatabase } from '../utils/dumpDatabase.js';
import { getJson } from '../utils/getJson.js';
import { readTables } from '../utils/readTables.js';
import { userTraffic } from '../utils/seedUserTraffic.js';
import { makeEventRow } from '../utils/makeEventRow.js';
import { utcDate, utcMidnight } from '../utils/utcDays.js';
import { insertEvents } from '../utils/insertEvents.js';

let dir: Awaited<ReturnType<typeof createTempDir>>;
let t: TestApp;
const traffic = userTraffic();
const switchedAt = utcMidnight(1) + 20 * 3_600_000;
const switched = [
  makeEventRow({ session: 'sess-zed-switch', visitor: 'v-zed', user: 'zed-user', ts: switchedAt }),
  makeEventRow({ session: 'sess-zed-switch', visitor: 'v-zed', user: 'carl-x', ts: switchedAt + 60_000 }),
];

beforeAll(async () => {
  dir = await createTempDir();
  t = await createTestApp({ DATABASE_URL: `sqlite:${dir.path}/erased.db` });
  // The user's events interleaved with the others', in two batches.
  const all = [...traffic.zed, ...traffic.others].sort((a, b) => a.ts - b.ts);
  await insertEvents(t.storage, all.slice(0, 6));
  await insertEvents(t.storage, all.slice(6));
  // A session that identified as the user, then as someone else: it carried the id, so it goes.
  await insertEvents(t.storage, switched);
  await t.storage.refreshRollups();
});
afterAll(async () => {
  await t.close();
  await dir.remove();
});

const engagement = async () =>
  (await getJson<EngagementResult>(t, `/v1/reports/engagement?site=demo&from=${utcDate(5)}&to=${utcDate(0)}`))
    .body;

describe('DELETE /v1/users/<user>', () => {
  it('needs the admin token', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/v1/users/zed-user?site=demo' });
    expect(response.statusCode).toBe(401);
  });

  it('erases every event of every session that carried the id, and nothing else', async () => {
    const before = await engagement();
    expect(before.users.map((u) => u.user)).toContain('zed-user');
    expect(await dumpDatabase(`${dir.path}/erased.db`)).toMatch(/zed/);

    const response = await t.app.inject({
      method: 'DELETE',
      url: '/v1/users/zed-user?site=demo',
      headers: t.auth,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deleted: { events: traffic.zed.length + 2, sessions: 3 } });

    // Nothing about the user remains: no user id, session id or event id in any table.
    expect(await dumpDatabase(`${dir.path}/erased.db`)).not.toMatch(/zed|carl-x/);

    // Other users' numbers are unchanged; the user is gone from reports.
    const after = await engagement();
    const kept = before.users.filter((u) => u.user !== 'zed-user' && u.user !== 'carl-x');
    expect(before.users.map((u) => u.user)).toContain('carl-x');
    expect(after.users).toEqual(kept);
    expect(after.totals.users).toBe(kept.length);
    expect((await getJson(t, '/v1/users/zed-user?site=demo')).statusCode).toBe(404);
  });

  it('leaves every table as if the user had never come', async () => {
    const reference = await createSqliteStorage(`${dir.path}/reference.db`);
    try {
      await reference.migrate();
      const others = [...traffic.others].sort((a, b) => a.ts - b.ts);
      await insertEvents(reference, others);
      await reference.refreshRollups();
    } finally {
      await reference.close();
    }
    expect(await readTables(`${dir.path}/erased.db`)).toEqual(await readTables(`${dir.path}/reference.db`));
  });

  it('answers zeros for a user it does not know', async () => {
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/v1/users/nobody?site=demo',
      headers: t.auth,
    });
    expect(response.json()).toEqual({ deleted: { events: 0, sessions: 0 } });
  });
});
