/**
 * `GET /v1/pixel.gif?site=…[&url=…][&title=…]`: a pageview for visitors without JavaScript,
 * from a `<noscript><img src=…></noscript>`. The page URL is the `url` parameter or else the
 * `Referer` header. With no client session, the session is the visitor's (one per day), and
 * with no client event id there is nothing to deduplicate: each request counts once.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '@sightline/protocol';
import { InvalidEventError } from '../errors.js';
import type { AcceptBatch } from '../ingest/createAcceptBatch.js';
import { siteQuery } from '../schemas/common.js';

// The smallest transparent GIF (1×1).
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

interface PixelQuery {
  site: string;
  url?: string;
  title?: string;
}

export function pixelRoutes(acceptBatch: AcceptBatch) {
  return async (app: FastifyInstance) => {
    app.get<{ Querystring: PixelQuery }>(
      '/v1/pixel.gif',
      {
        config: { ingest: true },
        schema: {
          querystring: {
            type: 'object',
            required: ['site'],
            additionalProperties: false,
            properties: {
              site: siteQuery,
              url: { type: 'string', maxLength: MAX_URL_LENGTH },
              title: { type: 'string', maxLength: MAX_TITLE_LENGTH },
            },
          },
        },
      },
      async (request, reply) => {
        const { site: siteId, title } = request.query;
        // An image request carries no Origin: no origin check.
        await acceptBatch(request, siteId, undefined, (visitor, receivedAt) => {
          // Checked after the site, as before: an unknown site answers 403 first.
          const url = request.query.url || request.headers.referer;
          if (!url) throw new InvalidEventError('url is required (as a parameter or the Referer header)');
          return {
            site: siteId,
            events: [
              {
                id: `px-${randomUUID()}`,
                type: 'pageview',
                ts: receivedAt,
                session: `px-${visitor}`,
                url: url.slice(0, MAX_URL_LENGTH),
                ...(title ? { title } : {}),
              },
            ],
          };
        });
        return reply
          .header('cache-control', 'no-store')
          .header('cross-origin-resource-policy', 'cross-origin')
          .type('image/gif')
          .send(GIF);
      },
    );
  };
}
