/**
 * `POST /v1/collect`: validate (JSON Schema) → site and origin → prepare → store (group
 * commit) → 202 after commit. CORS is open to allowed origins; `text/plain` bodies (what
 * `sendBeacon` and a preflight-free `fetch` send) are parsed as JSON.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_BODY_BYTES, collectBodySchema, type CollectBody } from '@sightline/protocol';
import type { CollectorConfig } from '../config.js';
import type { AcceptBatch } from '../ingest/createAcceptBatch.js';
import { OverloadedError } from '../ingest/groupCommit.js';
import { errorResponses } from '../schemas/common.js';

const acceptedResponse = {
  type: 'object',
  required: ['accepted', 'duplicates'],
  properties: {
    accepted: { type: 'integer' },
    duplicates: { type: 'integer' },
    rejected: { type: 'integer' },
  },
} as const;

function allowCors(request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (!origin) return;
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}

export function collectRoutes(
  acceptBatch: AcceptBatch,
  config: Pick<CollectorConfig, 'rateLimit' | 'collectPath'>,
  /** True while ingest's queue is full: the request is refused before its body is read. */
  isFull: () => boolean = () => false,
) {
  const { rateLimit } = config;
  return async (app: FastifyInstance) => {
    for (const path of ['/v1/collect', config.collectPath].filter((p): p is string => !!p)) {
      app.options(path, async (request, reply) => {
        allowCors(request, reply);
        return reply
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type')
          .header('access-control-max-age', '86400')
          .status(204)
          .send();
      });

      app.post<{ Body: CollectBody }>(
        path,
        {
          bodyLimit: MAX_BODY_BYTES,
          config: {
            ingest: true,
            ...(rateLimit.max > 0
              ? { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs } }
              : {}),
          },
          onRequest: async (request, reply) => {
            allowCors(request, reply);
            if (isFull()) throw new OverloadedError('ingest queue full');
          },
          schema: {
            body: collectBodySchema,
            response: {
              202: acceptedResponse,
              413: errorResponses[400],
              429: errorResponses[400],
              ...errorResponses,
            },
          },
        },
        async (request, reply) => {
          const stored = await acceptBatch(
            request,
            request.body.site,
            request.headers.origin,
            () => request.body,
          );
          return reply
            .status(202)
            .send({ accepted: stored.inserted, duplicates: stored.duplicates, rejected: stored.tooOld });
        },
      );
    }
  };
}
