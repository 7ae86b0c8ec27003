/** `GET /metrics`: Prometheus text format, for the admin token or `METRICS_TOKEN`. */
import type { FastifyInstance } from 'fastify';
import { UnauthorizedError } from '../errors.js';
import type { Metrics } from '../metrics/createMetrics.js';
import { createTokenCheck } from '../plugins/auth.js';

export function metricsRoutes(metrics: Metrics, adminToken: string, metricsToken: string | undefined) {
  const checks = [adminToken, metricsToken].filter((t): t is string => !!t).map(createTokenCheck);
  return async (app: FastifyInstance) => {
    app.get(
      '/metrics',
      {
        // Scraped every few seconds: request lines only at debug.
        logLevel: 'warn',
        preHandler: async (request) => {
          const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
          if (!token || !checks.some((check) => check(token))) throw new UnauthorizedError();
        },
      },
      async (_request, reply) =>
        reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
    );
  };
}
