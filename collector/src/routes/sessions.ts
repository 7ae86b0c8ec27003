/**
 * Records: `GET /v1/sessions`, `GET /v1/sessions/<session>`, `GET /v1/pageviews`,
 * `GET /v1/interactions`.
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { NotFoundError } from '../errors.js';
import { toCsv } from '../lib/csv.js';
import { pageLinks, toListQuery, type ListQueryString } from '../lib/listQuery.js';
import { presentInteraction, presentPageview, presentSession } from '../lib/present.js';
import { errorResponses, siteQuery } from '../schemas/common.js';
import {
  interactionItem,
  listQuerySchema,
  pagedResponse,
  pageviewItem,
  sessionItem,
} from '../schemas/lists.js';
import { INTERACTION_FIELDS, PAGEVIEW_FIELDS, SESSION_FIELDS, type Storage } from '../storage/types.js';

const sessionDetail = {
  ...sessionItem,
  properties: { ...sessionItem.properties, pageview_list: { type: 'array', items: pageviewItem } },
} as const;

export function recordRoutes(storage: Storage, requireAdmin: preHandlerAsyncHookHandler) {
  return async (app: FastifyInstance) => {
    const lists = [
      {
        url: '/v1/sessions',
        fields: SESSION_FIELDS,
        item: sessionItem,
        fetch: async (q: ReturnType<typeof toListQuery>) => {
          const r = await storage.listSessions(q);
          return { count: r.count, results: r.rows.map(presentSession) };
        },
      },
      {
        url: '/v1/interactions',
        fields: INTERACTION_FIELDS,
        item: interactionItem,
        fetch: async (q: ReturnType<typeof toListQuery>) => {
          const r = await storage.listInteractions(q);
          return { count: r.count, results: r.rows.map(presentInteraction) };
        },
      },
      {
        url: '/v1/pageviews',
        fields: PAGEVIEW_FIELDS,
        item: pageviewItem,
        fetch: async (q: ReturnType<typeof toListQuery>) => {
          const r = await storage.listPageviews(q);
          return { count: r.count, results: r.rows.map(presentPageview) };
        },
      },
    ];
    for (const list of lists) {
      app.get<{ Querystring: ListQueryString }>(
        list.url,
        {
          preHandler: requireAdmin,
          schema: {
            querystring: listQuerySchema(list.fields),
            response: { 200: pagedResponse(list.item), ...errorResponses },
          },
        },
        async (request, reply) => {
          const query = toListQuery(request.query, list.fields);
          const { count, results } = await list.fetch(query);
          if (request.query.format !== 'csv') return { count, ...pageLinks(request, count, query), results };
          return reply
            .type('text/csv; charset=utf-8')
            .serializer((payload: string) => payload)
            .send(toCsv(Object.keys(list.item.properties), results));
        },
      );
    }

    app.get<{ Params: { session: string }; Querystring: { site: string } }>(
      '/v1/sessions/:session',
      {
        preHandler: requireAdmin,
        schema: {
          params: { type: 'object', properties: { session: { type: 'string', maxLength: 64 } } },
          querystring: {
            type: 'object',
            required: ['site'],
            additionalProperties: false,
            properties: { site: siteQuery },
          },
          response: { 200: sessionDetail, ...errorResponses },
        },
      },
      async (request) => {
        const { site } = request.query;
        const { session } = request.params;
        const found = await storage.getSession(site, session);
        if (!found) throw new NotFoundError(`no session "${session}" on site "${site}"`);
        const views = await storage.listPageviews({
          site,
          from: null,
          to: null,
          bots: 'include',
          limit: 1000,
          offset: 0,
          ordering: [{ field: 'ts', desc: false }],
          search: null,
          filters: { session },
        });
        return { ...presentSession(found), pageview_list: views.rows.map(presentPageview) };
      },
    );
  };
}
