/**
 * Records: `GET /v1/sessions`, `GET /v1/sessions/<session>`, `GET /v1/pageviews`,
 * `GET /v1/interactions`.
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { InvalidQueryError, NotFoundError } from '../errors.js';
import { toCsv } from '../lib/csv.js';
import { pageLinks, toListQuery, type ListQueryString } from './listQuery.js';
import { presentInteraction, presentPageview, presentSession } from './present.js';
import { errorResponses, siteQuery } from '../schemas/common.js';
import {
  interactionItem,
  listQuerySchema,
  pagedResponse,
  pageviewItem,
  sessionItem,
} from '../schemas/lists.js';
import {
  INTERACTION_FIELDS,
  PAGEVIEW_FIELDS,
  SESSION_FIELDS,
  type SessionRow,
  type Storage,
} from '../storage/types.js';

const sessionDetail = {
  ...sessionItem,
  properties: {
    ...sessionItem.properties,
    pageview_list: { type: 'array', items: pageviewItem },
    interaction_list: { type: 'array', items: interactionItem },
  },
} as const;

/** At most this many pageviews and interactions come with one session. */
const DETAIL_LIMIT = 1000;

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
        metadata: true,
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
            querystring: listQuerySchema(list.fields, 'metadata' in list),
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

    app.get<{ Params: { session: string }; Querystring: { site?: string } }>(
      '/v1/sessions/:session',
      {
        preHandler: requireAdmin,
        schema: {
          params: { type: 'object', properties: { session: { type: 'string', maxLength: 64 } } },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { site: siteQuery },
          },
          response: { 200: sessionDetail, ...errorResponses },
        },
      },
      async (request) => {
        const { session } = request.params;
        // `site` is optional (the contract names a session by its client id alone); it
        // is needed only when two sites happen to have the same session id.
        const found = await storage.findSessions(request.query.site ?? null, session);
        const where = request.query.site ? ` on site "${request.query.site}"` : '';
        if (found.length === 0) throw new NotFoundError(`no session "${session}"${where}`);
        if (found.length > 1)
          throw new InvalidQueryError(`session "${session}" exists on several sites; add site=`);
        const [one] = found as [SessionRow];
        const ofSession = {
          site: one.site,
          from: null,
          to: null,
          bots: 'include' as const,
          limit: DETAIL_LIMIT,
          offset: 0,
          ordering: [{ field: 'ts', desc: false }],
          search: null,
          filters: { session },
        };
        const [views, interactions] = await Promise.all([
          storage.listPageviews(ofSession),
          storage.listInteractions(ofSession),
        ]);
        return {
          ...presentSession(one),
          pageview_list: views.rows.map(presentPageview),
          interaction_list: interactions.rows.map(presentInteraction),
        };
      },
    );
  };
}
