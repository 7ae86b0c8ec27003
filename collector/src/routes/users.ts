/**
 * `GET /v1/users/<user>`: one identified user's profile (reports/userProfile.ts).
 * `DELETE /v1/users/<user>?site=`: erases everything stored about the user, then rebuilds
 * the rollups of the days they touched, so that the answer means "gone from reports too".
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { NotFoundError } from '../errors.js';
import { frozenBefore } from '../jobs/startRollups.js';
import { getUserProfile } from '../reports/userProfile.js';
import { userProfileResponse } from '../reports/userProfileResponse.js';
import { botsQuery, dateQuery, errorResponses, siteQuery } from '../schemas/common.js';
import type { BotFilter, Storage } from '../storage/types.js';

const params = {
  type: 'object',
  required: ['user'],
  properties: { user: { type: 'string', minLength: 1, maxLength: 256 } },
} as const;

const profileQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['site'],
  properties: {
    site: siteQuery,
    // A profile is a record: every side unless asked.
    bots: { ...botsQuery, default: 'include' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    before: dateQuery,
  },
} as const;

const eraseQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['site'],
  properties: { site: siteQuery },
} as const;

const erasedResponse = {
  type: 'object',
  properties: {
    deleted: {
      type: 'object',
      properties: { events: { type: 'integer' }, sessions: { type: 'integer' } },
    },
  },
} as const;

interface ProfileQuery {
  site: string;
  bots: BotFilter;
  limit: number;
  before?: string;
}

export function userRoutes(
  storage: Storage,
  requireAdmin: preHandlerAsyncHookHandler,
  retentionDays: number,
  /** Runs the erase after accepted events are stored (so that it erases them too), between groups. */
  besideIngest: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { user: string }; Querystring: ProfileQuery }>(
      '/v1/users/:user',
      {
        preHandler: requireAdmin,
        schema: {
          params,
          querystring: profileQuery,
          response: { 200: userProfileResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { site, bots, limit, before } = request.query;
        const { user } = request.params;
        const end = before ? Date.parse(before) : Number.MAX_SAFE_INTEGER;
        const profile = await getUserProfile(storage, { site, user, bots, limit, before: end });
        if (!profile) throw new NotFoundError(`no user "${user}" on site "${site}"`);
        return profile;
      },
    );

    app.delete<{ Params: { user: string }; Querystring: { site: string } }>(
      '/v1/users/:user',
      {
        preHandler: requireAdmin,
        schema: { params, querystring: eraseQuery, response: { 200: erasedResponse, ...errorResponses } },
      },
      async (request) => {
        const deleted = await besideIngest(() => storage.eraseUser(request.query.site, request.params.user));
        await storage.refreshRollups({ frozenBefore: frozenBefore(retentionDays) });
        return { deleted };
      },
    );
  };
}
