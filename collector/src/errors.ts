/** Every deliberate error of the collector, defined once with a stable code and status. */
import createError from '@fastify/error';

export const InvalidEventError = createError('invalid_event', '%s', 400);
export const InvalidQueryError = createError('invalid_query', '%s', 400);
export const UnknownSiteError = createError('unknown_site', 'site "%s" is not registered here', 403);
export const OriginNotAllowedError = createError(
  'origin_not_allowed',
  'origin %s may not send events for site "%s"',
  403,
);
export const UnauthorizedError = createError(
  'unauthorized',
  'a valid "Authorization: Bearer <token>" header is required',
  401,
);
export const CrossOriginError = createError(
  'cross_origin',
  'a signed-in request that changes something must come from the dashboard itself',
  403,
);
export const NotFoundError = createError('not_found', '%s', 404);
export const ScriptNotBuiltError = createError(
  'sdk_not_built',
  'the SDK bundle has not been built; run `npx pnpm@10 build`',
  503,
);
export const DashboardNotBuiltError = createError(
  'dashboard_not_built',
  'the dashboard has not been built; run `npx pnpm@10 build`',
  503,
);
export const SharedStateUnavailableError = createError(
  'unavailable',
  'shared state (Redis) is unreachable; retry later',
  503,
);
