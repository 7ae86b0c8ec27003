import type { FastifyInstance } from 'fastify';
import { buildApp, type AppServices } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createSqliteStorage } from '../../src/storage/sqlite/createSqliteStorage.js';
import type { Storage } from '../../src/storage/types.js';

export const TEST_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  app: FastifyInstance;
  storage: Storage;
  auth: { authorization: string };
  close(): Promise<void>;
}

/**
 * A collector with the `demo` site, never listening: on an in-memory SQLite store, or on the
 * file named by `DATABASE_URL=sqlite:PATH` when `env` gives one. No network database unless
 * `services` gives a lookup.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  services: AppServices = {},
): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', ...env });
  const path = env.DATABASE_URL && config.database.kind === 'sqlite' ? config.database.path : ':memory:';
  const storage = await createSqliteStorage(path);
  await storage.migrate();
  await storage.ensureSites(['demo', ...config.sites]);
  const app = await buildApp({ ...config, adminToken: TEST_TOKEN }, storage, services);
  // A server refreshes report rollups every second (jobs/startRollups.ts); a test reads
  // reports as if that job had just run.
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/v1/reports/')) await storage.refreshRollups();
  });
  await app.ready();
  return {
    app,
    storage,
    auth: { authorization: `Bearer ${TEST_TOKEN}` },
    async close() {
      await app.close();
      await storage.close();
    },
  };
}
