/** Starts a listening collector: store, admin token, app, jobs, graceful close. */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveAdminToken } from './auth/resolveAdminToken.js';
import type { CollectorConfig } from './config.js';
import { startRetention } from './jobs/startRetention.js';
import { startRollups } from './jobs/startRollups.js';
import type { IngestLookups } from './ingest/createAcceptBatch.js';
import { createStorage } from './storage/createStorage.js';
import { loadLookups } from './enrich/loadLookups.js';
import { createMetrics } from './metrics/createMetrics.js';
import type { Storage } from './storage/types.js';

export interface RunningServer {
  app: FastifyInstance;
  storage: Storage;
  url: string;
  adminToken: string;
  /** True when this start generated the admin token (print it: it is shown once). */
  tokenGenerated: boolean;
  /** Resolves when the offline address tables (network, country) are loaded or failed to. */
  lookupsLoaded: Promise<void>;
  /** Stops accepting, lets in-flight requests finish, commits pending writes, closes the store. */
  close(): Promise<void>;
}

export async function startServer(config: CollectorConfig): Promise<RunningServer> {
  const storage = await createStorage(config.database);
  await storage.ensureSites(config.sites);
  const { token, generated } = await resolveAdminToken(storage, config.adminToken);
  const metrics = createMetrics();
  // Filled once the offline address tables are loaded (seconds on a busy machine): the
  // collector listens and ingests before that, as without them (no `net:` verdicts,
  // countries from time zones), so that a restart serves at once.
  const lookups: IngestLookups = { lookupNetwork: null, lookupCountry: null };
  // With REDIS_URL, buildApp connects to Redis and fails when it cannot.
  const app = await buildApp({ ...config, adminToken: token }, storage, { lookups, metrics }).catch(
    async (error: unknown) => {
      await storage.close();
      throw error;
    },
  );
  const stopRetention = startRetention(storage, config.retentionDays, app.log);
  let stopRollups: () => Promise<void> = async () => {};
  app.addHook('onClose', async () => {
    stopRetention();
    await stopRollups();
    await storage.close();
  });
  const url = await app.listen({ port: config.port, host: config.host });
  stopRollups = startRollups(storage, config.retentionDays, app.log, metrics.rollups);
  return {
    app,
    storage,
    url,
    adminToken: token,
    tokenGenerated: generated,
    lookupsLoaded: fillLookups(lookups, app.log),
    close: () => app.close(),
  };
}

async function fillLookups(lookups: IngestLookups, log: FastifyBaseLogger): Promise<void> {
  const { network, country } = await loadLookups();
  if (network.status === 'fulfilled') lookups.lookupNetwork = network.value;
  else log.warn({ err: network.reason }, 'network database not loaded: no net: bot reasons');
  if (country.status === 'fulfilled') lookups.lookupCountry = country.value;
  else log.warn({ err: country.reason }, 'country database not loaded: countries from time zones only');
}
