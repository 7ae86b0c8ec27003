/**
 * Runs `check` on fresh stores seeded with random traffic, for random scopes: the frame of
 * every report property test (fast-check shrinks a failure to a small counterexample).
 */
import fc from 'fast-check';
import { createSqliteStorage } from '../../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../../src/storage/types.js';
import type { Scope, StoredSession } from './bruteForce.js';
import { scopeArbitrary } from './scopeArbitrary.js';
import { seedTraffic } from './seedTraffic.js';
import { trafficArbitrary } from './trafficArbitrary.js';

export type TrafficCheck = (
  storage: Storage,
  sessions: StoredSession[],
  scope: Scope,
  now: number,
) => Promise<void>;

export async function assertAgainstTraffic(check: TrafficCheck, numRuns: number): Promise<void> {
  const now = Date.now();
  await fc.assert(
    fc.asyncProperty(trafficArbitrary, scopeArbitrary, async (traffic, scope) => {
      const storage = await createSqliteStorage(':memory:');
      try {
        await storage.migrate();
        const sessions = await seedTraffic(storage, traffic, now);
        await check(storage, sessions, scope, now);
      } finally {
        await storage.close();
      }
    }),
    { numRuns },
  );
}
