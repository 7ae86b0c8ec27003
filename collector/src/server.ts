/** Starts a listening collector: store, admin token, app, jobs, graceful close. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveAdminToken } from './auth/resolveAdminToken.js';
import { ConfigError, type CollectorConfig } from './config.js';
import { startRetention } from './jobs/startRetention.js';
import { startRollups } from './jobs/startRollups.js';
import { createNetworkLookup, type LookupNetwork } from './enrich/index.js';
import { createStorage } from './storage/createStorage.js';
import { createCountryLookup, type CountryLookup } from './enrich/index.js';
import { createMetrics } from './metrics/createMetrics.js';
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
  // Loaded once (≈1 s); without it sessions are still scored, without the `net:` family.
  let lookupNetwork: LookupNetwork | null = null;
  let lookupError: unknown = null;
  try {
    lookupNetwork = await createNetworkLookup();
  } catch (error) {
    lookupError = error;
  }
  let lookupCountry: CountryLookup | null = null;
  let countryError: unknown = null;
  try {
    lookupCountry = await createCountryLookup();
  } catch (error) {
    countryError = error;
  }
  const metrics = createMetrics();
  const app = await buildApp({ ...config, adminToken: token }, storage, {
    lookupNetwork,
    lookupCountry,
    metrics,
  });
  if (lookupError) app.log.warn({ err: lookupError }, 'network database not loaded: no net: bot reasons');
  if (countryError)
    app.log.warn({ err: countryError }, 'country database not loaded: countries from time zones only');
  const stopRetention = startRetention(storage, config.retentionDays, app.log);
  const stopRollups = startRollups(storage, config.retentionDays, app.log, metrics.rollups);
  app.addHook('onClose', async () => {
    stopRetention();
    await stopRollups();
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
