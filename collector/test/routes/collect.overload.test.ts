/**
 * Backpressure: when the store falls behind, events waiting for a group are bounded
 * (INGEST_MAX_PENDING); past the bound ingest answers 503 + Retry-After at once, what it
 * accepted is stored, and it takes events again as soon as the store catches up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createMetrics } from '../../src/metrics/createMetrics.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';
import { createDeferred, type Deferred } from '../utils/createDeferred.js';
import { TEST_TOKEN } from '../utils/createTestApp.js';
import { makePageview } from '../utils/makeEvent.js';
import { postCollect } from '../utils/postCollect.js';
import { readMetric } from '../utils/readMetric.js';

let app: FastifyInstance;
let storage: Storage;
afterEach(async () => {
  await app.close();
  await storage.close();
});

/** A store whose ingest groups wait for `gate` (a store that fell behind) until it opens. */
function behind(store: Storage, gate: { current: Deferred<void> | null }, started: () => void): Storage {
  return new Proxy(store, {
    get(target, property, receiver) {
      const write = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
      if (property !== 'ingestGroup' && property !== 'tryIngestWrite') return write;
      return async (...args: unknown[]) => {
        started();
        await gate.current?.promise;
        return write.apply(target, args);
      };
    },
  });
}

const batch = (session: string, n: number) => Array.from({ length: n }, () => makePageview({ session }));

describe('POST /v1/collect when the store is behind', () => {
  it('answers 503 + Retry-After past the bound, stores everything it accepted, and recovers', async () => {
    storage = await createSqliteStorage(':memory:');
    await storage.migrate();
    await storage.ensureSites(['demo']);
    const gate = { current: createDeferred<void>() as Deferred<void> | null };
    let inFlight = createDeferred<void>();
    const metrics = createMetrics();
    app = await buildApp(
      {
        ...loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', INGEST_MAX_PENDING: '40' }),
        adminToken: TEST_TOKEN,
      },
      behind(storage, gate, () => inFlight.resolve()),
      { metrics },
    );

    // One group writing (held), the next folded behind it, then 40 events waiting: the bound.
    const first = postCollect(app, batch('a', 20));
    await inFlight.promise;
    const second = postCollect(app, batch('b', 20));
    await expect
      .poll(async () => readMetric(await metrics.registry.metrics(), 'sightline_ingest_writing_events'))
      .toBe(40);
    const waiting = [second, postCollect(app, batch('c', 20)), postCollect(app, batch('d', 20))];
    await expect
      .poll(async () => readMetric(await metrics.registry.metrics(), 'sightline_ingest_pending_events'))
      .toBe(40);

    const late = batch('e', 20);
    const refused = await postCollect(app, late);
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ error: 'overloaded' });

    gate.current.resolve();
    gate.current = null;
    for (const response of [await first, ...(await Promise.all(waiting))]) {
      expect(response.statusCode).toBe(202);
      expect(response.json()).toMatchObject({ accepted: 20, duplicates: 0 });
    }
    // Recovered without a restart: the refused batch, sent again, is taken.
    const retried = await postCollect(app, late);
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toMatchObject({ accepted: 20 });

    for (const session of ['a', 'b', 'c', 'd', 'e']) {
      const [row] = await storage.findSessions('demo', session);
      expect(row?.events, session).toBe(20);
    }
    const text = await metrics.registry.metrics();
    expect(readMetric(text, 'sightline_ingest_unavailable_total')).toBe(1);
    expect(readMetric(text, 'sightline_ingest_events_accepted_total')).toBe(100);
  });
});
