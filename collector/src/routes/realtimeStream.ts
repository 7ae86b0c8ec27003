/**
 * `GET /v1/reports/realtime/stream?site=…`: the realtime report as Server-Sent Events, sent
 * on connect and then whenever it changed: re-read when the live feed says the site took
 * events (in any collector process, at most every `MIN_GAP_MS`) and every `INTERVAL_MS`
 * (minutes roll over, sessions go quiet). A comment line keeps idle connections alive
 * through proxies. Streams end when the collector closes.
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { realtimeReport } from '../reports/realtime.js';
import type { ReportParams } from '../reports/types.js';
import { botsQuery, siteQuery } from '../schemas/common.js';
import type { LiveFeed } from '../sharedState/types.js';
import type { Storage } from '../storage/types.js';

export const INTERVAL_MS = 1000;
/** A busy site wakes a stream many times a second; one read per gap answers them all. */
const MIN_GAP_MS = 250;
const KEEPALIVE_MS = 15_000;

const querystring = {
  type: 'object',
  additionalProperties: false,
  required: ['site'],
  properties: { site: siteQuery, bots: { ...botsQuery, default: 'exclude' } },
} as const;

export function realtimeStreamRoutes(
  storage: Storage,
  requireAdmin: preHandlerAsyncHookHandler,
  feed: LiveFeed,
  refreshMs = INTERVAL_MS,
) {
  return async (app: FastifyInstance) => {
    const open = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of open) end();
    });

    app.get<{ Querystring: Pick<ReportParams, 'site' | 'bots'> }>(
      '/v1/reports/realtime/stream',
      { preHandler: requireAdmin, schema: { querystring } },
      async (request, reply) => {
        const params = { site: request.query.site, bots: request.query.bots };
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          connection: 'keep-alive',
        });
        let last = '';
        let quietSince = Date.now();
        let busy = false;
        let again = false;
        let lastRead = 0;
        const tick = async () => {
          if (busy) {
            again = true; // news arrived during a read: read once more after it
            return;
          }
          busy = true;
          lastRead = Date.now();
          try {
            const { now: _now, ...report } = await realtimeReport.run(storage, params);
            const body = JSON.stringify(report);
            if (body !== last) {
              last = body;
              quietSince = Date.now();
              raw.write(`event: realtime\ndata: ${body}\n\n`);
            } else if (Date.now() - quietSince > KEEPALIVE_MS) {
              quietSince = Date.now();
              raw.write(': keep-alive\n\n');
            }
          } catch (error) {
            request.log.error({ err: error }, 'realtime stream read failed');
            raw.write(`event: error\ndata: ${JSON.stringify({ error: 'unavailable' })}\n\n`);
          } finally {
            busy = false;
            if (again) {
              again = false;
              void tick();
            }
          }
        };
        const timer = setInterval(() => void tick(), refreshMs);
        let woken: NodeJS.Timeout | undefined;
        const unsubscribe = feed.subscribe(params.site, () => {
          woken ??= setTimeout(
            () => {
              woken = undefined;
              void tick();
            },
            Math.max(0, lastRead + MIN_GAP_MS - Date.now()),
          );
        });
        const end = () => {
          clearInterval(timer);
          clearTimeout(woken);
          unsubscribe();
          open.delete(end);
          raw.end();
        };
        open.add(end);
        request.raw.on('close', end);
        await tick();
      },
    );
  };
}
