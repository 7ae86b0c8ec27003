/**
 * `buildApp` wires routes to a store and never listens (tests use `app.inject`);
 * `server.ts` listens.
 */
import type { CountryLookup } from './enrich/index.js';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { CollectorConfig } from './config.js';
import './fastifyTypes.js';
import { createRequireAdmin } from './plugins/auth.js';
import { installErrorHandler } from './plugins/errorHandler.js';
import { installValidation } from './plugins/validation.js';
import { createAcceptBatch, type AcceptBatch, type IngestLookups } from './ingest/createAcceptBatch.js';
import { createIngest } from './ingest/createIngest.js';
import { createMetrics, type Metrics } from './metrics/createMetrics.js';
import { metricsRoutes } from './routes/metrics.js';
import { createVisitorHasher } from './privacy/createVisitorHasher.js';
import { collectRoutes } from './routes/collect.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { healthRoutes } from './routes/health.js';
import { pixelRoutes } from './routes/pixel.js';
import { realtimeStreamRoutes } from './routes/realtimeStream.js';
import { reportRoutes } from './routes/reports.js';
import { scriptRoutes } from './routes/script.js';
import { recordRoutes } from './routes/sessions.js';
import { userRoutes } from './routes/users.js';
import type { LookupNetwork } from './enrich/index.js';
import { createMemoryState } from './sharedState/createMemoryState.js';
import { createRedisState } from './sharedState/createRedisState.js';
import type { LiveFeed, SharedState } from './sharedState/types.js';
import type { Storage } from './storage/types.js';

export interface AppConfig extends CollectorConfig {
  /** Resolved admin token (see `resolveAdminToken`). */
  adminToken: string;
}

export interface AppServices {
  /**
   * Client address → network origin for the humanness score (`createNetworkLookup`, loaded
   * once at server start). Without it, sessions are scored without the `net:` family.
   */
  lookupNetwork?: LookupNetwork | null;
  /** Client address → country (`createCountryLookup`); without it, the page's time zone. */
  lookupCountry?: CountryLookup | null;
  /**
   * Both lookups as one holder read at each request (server.ts fills it once loaded); wins
   * over `lookupNetwork` and `lookupCountry`.
   */
  lookups?: IngestLookups;
  /** Where the app counts (`GET /metrics`); server.ts shares it with the rollup job. */
  metrics?: Metrics;
  /**
   * Sign-ins, live feed and rate-limit counters (the caller closes it). Default: in Redis
   * when `config.redisUrl` is set (connected here, closed with the app), else in memory.
   */
  shared?: SharedState;
  /** How often an open realtime stream re-reads the report without news from the feed. */
  realtimeRefreshMs?: number;
}

/** Tells the live feed about every batch that stored something, once it is committed. */
function announcing(acceptBatch: AcceptBatch, feed: LiveFeed): AcceptBatch {
  return async (request, siteId, origin, build) => {
    const stored = await acceptBatch(request, siteId, origin, build);
    if (stored.inserted > 0) feed.publish(siteId);
    return stored;
  };
}

export async function buildApp(
  config: AppConfig,
  storage: Storage,
  {
    lookupNetwork = null,
    lookupCountry = null,
    lookups,
    metrics = createMetrics(),
    shared,
    realtimeRefreshMs,
  }: AppServices = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Never log the client address or credentials.
      redact: ['req.headers.authorization'],
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      },
    },
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
  });
  installValidation(app);
  installErrorHandler(app, metrics);

  // `sendBeacon` and CORS-simple `fetch` send JSON as text/plain.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      const error = Object.assign(new Error('body is not valid JSON'), {
        statusCode: 400,
        code: 'invalid_json',
      });
      done(error, undefined);
    }
  });

  // On close, responses still in flight tell their clients to hang up, so keep-alive
  // sockets do not hold the shutdown open until their idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  if (!shared) {
    const own = config.redisUrl ? await createRedisState(config.redisUrl, app.log) : createMemoryState();
    app.addHook('onClose', () => own.close());
    shared = own;
  }
  await app.register(rateLimit, { global: false, ...shared.rateLimit });
  const requireAdmin = createRequireAdmin(config.adminToken, shared.sessions);
  await app.register(healthRoutes(storage, config.logLevel));
  await app.register(scriptRoutes(config.scriptPath));
  const ingest = createIngest(storage, {
    maxPendingEvents: config.ingestMaxPending,
    onGroup: metrics.observeGroup,
  });
  metrics.setPendingSource(ingest.pending, ingest.writing);
  // In-flight requests have finished when onClose runs; their groups have committed.
  app.addHook('onClose', () => ingest.drain());
  const acceptBatch = announcing(
    createAcceptBatch(
      ingest,
      storage,
      createVisitorHasher(storage),
      lookups ?? { lookupNetwork, lookupCountry },
      metrics,
    ),
    shared.feed,
  );
  await app.register(collectRoutes(acceptBatch, config, ingest.full));
  await app.register(pixelRoutes(acceptBatch));
  await app.register(realtimeStreamRoutes(storage, requireAdmin, shared.feed, realtimeRefreshMs));
  await app.register(reportRoutes(storage, requireAdmin, metrics));
  await app.register(recordRoutes(storage, requireAdmin));
  await app.register(userRoutes(storage, requireAdmin, config.retentionDays, ingest.exclusive));
  await app.register(metricsRoutes(metrics, config.adminToken, config.metricsToken));
  await app.register(dashboardRoutes(storage, config.adminToken, shared.sessions, requireAdmin));
  return app;
}
