/** Starts a listening collector: store, admin token, app, jobs, graceful close. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveAdminToken } from './auth/resolveAdminToken.js';
import { ConfigError, type CollectorConfig } from './config.js';
import { startRetention } from './jobs/startRetention.js';
import { createStorage } from './storage/createStorage.js';
import type { Storage } from './storage/types.js';

export interface RunningServer {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  adminToken: string;
  /** True when this start generated the admin token (print it: it is shown once). */
  tokenGenerated: boolean;
  /** Stops accepting, lets in-flight requests finish, commits pending writes, closes the store. */
  close(): Promise<void>;
}

export async function startServer(config: CollectorConfig): Promise<RunningServer> {
  if (config.redisUrl) {
    throw new ConfigError('REDIS_URL is not supported by this version yet; unset it');
  }
  const storage = await createStorage(config.database);
  await storage.ensureSites(config.sites);
  const { token, generated } = await resolveAdminToken(storage, config.adminToken);
  const app = await buildApp({ ...config, adminToken: token }, storage);
  const stopRetention = startRetention(storage, config.retentionDays, app.log);
  app.addHook('onClose', async () => {
    stopRetention();
    await storage.close();
  });
  const url = await app.listen({ port: config.port, host: config.host });
  return {
    app,
    storage,
    url,
    adminToken: token,
    tokenGenerated: generated,
    close: () => app.close(),
  };
}
