/** `GET /healthz`: 200 when the store answers, 503 otherwise. */
import type { FastifyInstance, LogLevel } from 'fastify';
import type { Storage } from '../storage/types.js';

/** Health checks are polled every few seconds: their request lines are logged only at debug. */
export function healthRoutes(storage: Storage, logLevel: string) {
  return async (app: FastifyInstance) => {
    app.get(
      '/healthz',
      {
        logLevel: (['debug', 'trace', 'silent'].includes(logLevel) ? logLevel : 'warn') as LogLevel,
        schema: {
          response: {
            200: { type: 'object', properties: { ok: { const: true } } },
            503: { type: 'object', properties: { ok: { const: false }, error: { type: 'string' } } },
          },
        },
      },
      async (request, reply) => {
        try {
          await storage.ping();
          return { ok: true };
        } catch (error) {
          request.log.error({ err: error }, 'health check: store not answering');
          return reply.status(503).header('retry-after', '5').send({ ok: false, error: 'store_unavailable' });
        }
      },
    );
  };
}
