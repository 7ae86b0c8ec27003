/** `GET /v1/reports/<name>`: every report, as JSON or CSV. */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { toCsv } from '../lib/csv.js';
import { reports } from '../reports/index.js';
import type { ReportParams } from '../reports/types.js';
import type { Metrics } from '../metrics/createMetrics.js';
import type { Storage } from '../storage/types.js';
import { botsQuery, errorResponses, periodQueryProperties } from '../schemas/common.js';

const querystring = (defaultBots: string) => ({
  type: 'object',
  additionalProperties: false,
  required: ['site'],
  properties: {
    ...periodQueryProperties,
    bots: { ...botsQuery, default: defaultBots },
    compare: { enum: ['previous'] },
    interval: { enum: ['day', 'hour'] },
    // One filter at a time (reports/scope.ts); a session matches when it…
    page: { type: 'string', minLength: 1, maxLength: 2048 }, // …viewed this path that day
    referrer: { type: 'string', minLength: 1, maxLength: 253 }, // …came from this domain
    device: { enum: ['desktop', 'mobile', 'tablet'] },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    user: { enum: ['logged_in', 'anonymous'] },
    sections: { type: 'string', maxLength: 2048 },
    funnel: { type: 'string', maxLength: 4096 },
  },
});

export function reportRoutes(
  storage: Storage,
  requireAdmin: preHandlerAsyncHookHandler,
  metrics?: Pick<Metrics, 'observeReport'>,
) {
  return async (app: FastifyInstance) => {
    for (const report of Object.values(reports)) {
      app.get<{ Querystring: ReportParams & { format: 'json' | 'csv' } }>(
        `/v1/reports/${report.name}`,
        {
          preHandler: requireAdmin,
          schema: {
            querystring: querystring(report.defaultBots ?? 'exclude'),
            response: { 200: report.response, ...errorResponses },
          },
        },
        async (request, reply) => {
          const started = performance.now();
          const result = await report.run(storage, request.query);
          metrics?.observeReport(report.name, performance.now() - started);
          if (request.query.format !== 'csv') return result;
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${report.name}.csv"`)
            .serializer((payload: string) => payload)
            .send(toCsv(report.csv.columns, report.csv.rows(result)));
        },
      );
    }
  };
}
