/**
 * The dashboard: `GET /dashboard` (sign-in form or the app), its assets, sign-in and
 * sign-out with a session cookie, CSP violation reports, and `GET /v1/sites` for its picker.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { loadAssets, ASSET_TYPES, type AssetName, type Assets } from '../dashboard/assets.js';
import { clearSessionCookie, readCookie, setSessionCookie } from '../dashboard/cookies.js';
import { renderApp, renderSignIn } from '../dashboard/page.js';
import { CSP_REPORT_PATH, setSecurityHeaders } from '../dashboard/securityHeaders.js';
import { CrossOriginError, DashboardNotBuiltError } from '../errors.js';
import { createTokenCheck, isSameOrigin } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';
import type { SessionStore } from '../sharedState/types.js';
import type { Storage } from '../storage/types.js';

const YEAR_S = 365 * 86_400;
const queryOf = (request: FastifyRequest): string => request.url.split('?')[1] ?? '';

const sitesResponse = {
  type: 'object',
  properties: {
    results: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
  },
} as const;

export function dashboardRoutes(
  storage: Storage,
  adminToken: string,
  sessions: SessionStore,
  requireAdmin: preHandlerAsyncHookHandler,
) {
  const isAdminToken = createTokenCheck(adminToken);
  let assets: Promise<Assets> | null = null;
  const getAssets = async (request: FastifyRequest): Promise<Assets> => {
    assets ??= loadAssets();
    try {
      return await assets;
    } catch (error) {
      assets = null; // a build may land while we run
      request.log.error({ err: error }, 'dashboard assets missing');
      throw new DashboardNotBuiltError();
    }
  };
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  return async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      setSecurityHeaders(reply);
    });
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    for (const type of ['application/csp-report', 'application/reports+json']) {
      app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 16 * 1024 }, (_r, body, done) =>
        done(null, body),
      );
    }

    app.get('/dashboard', async (request, reply) => {
      const a = await getAssets(request);
      if (await sessions.isValid(readCookie(request))) return html(reply, 200, renderApp(a));
      return html(reply, 200, renderSignIn(a, { query: queryOf(request), failed: false }));
    });

    app.get<{ Params: { name: string }; Querystring: { v?: string } }>(
      '/dashboard/assets/:name',
      async (request, reply) => {
        const name = request.params.name as AssetName;
        if (!Object.hasOwn(ASSET_TYPES, name)) return reply.callNotFound();
        const asset = (await getAssets(request))[name];
        // A fingerprinted link never changes meaning; a bare one is revalidated.
        const fresh = request.query.v === asset.hash;
        reply
          .header('etag', `"${asset.hash}"`)
          .header('cache-control', fresh ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
        if (request.headers['if-none-match'] === `"${asset.hash}"`) return reply.status(304).send();
        return reply.type(ASSET_TYPES[name]).send(asset.body);
      },
    );

    app.post<{ Body: { token?: unknown } }>(
      '/dashboard/login',
      { config: { rateLimit: { max: 20, timeWindow: 60_000 } } },
      async (request, reply) => {
        // Browsers send Origin (or Sec-Fetch-Site) with a POST; a foreign one is a forged sign-in.
        const fromBrowser =
          request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined;
        if (fromBrowser && !isSameOrigin(request)) throw new CrossOriginError();
        const token = request.body?.token;
        if (typeof token !== 'string' || !isAdminToken(token)) {
          const a = await getAssets(request);
          return html(reply, 401, renderSignIn(a, { query: queryOf(request), failed: true }));
        }
        const { id, maxAgeS } = await sessions.create();
        setSessionCookie(request, reply, id, maxAgeS);
        const query = queryOf(request);
        return reply.redirect(`/dashboard${query ? `?${query}` : ''}`, 303);
      },
    );

    app.post('/dashboard/logout', async (request, reply) => {
      if (!isSameOrigin(request)) throw new CrossOriginError();
      await sessions.delete(readCookie(request));
      clearSessionCookie(request, reply);
      return reply.redirect('/dashboard', 303);
    });

    app.post(
      CSP_REPORT_PATH,
      { config: { rateLimit: { max: 60, timeWindow: 60_000 } } },
      async (request, reply) => {
        request.log.warn({ report: String(request.body ?? '').slice(0, 2000) }, 'dashboard CSP violation');
        return reply.status(204).send();
      },
    );

    app.get(
      '/v1/sites',
      { preHandler: requireAdmin, schema: { response: { 200: sitesResponse, ...errorResponses } } },
      async () => ({ results: (await storage.listSites()).map((s) => ({ id: s.id })) }),
    );
  };
}
