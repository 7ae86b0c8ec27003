/**
 * Access to reading routes: `Authorization: Bearer <adminToken>`, or the dashboard's session
 * cookie. A cookie rides along with any request the browser makes, so a cookie-authenticated
 * request that changes state must also come from our own origin (CSRF; SameSite=Strict is
 * the first guard, the Origin check the second).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { readCookie } from '../dashboard/cookies.js';
import type { SessionStore } from '../sharedState/types.js';
import { CrossOriginError, UnauthorizedError } from '../errors.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Compares a candidate with the admin token in constant time. */
export function createTokenCheck(adminToken: string): (candidate: string) => boolean {
  const expected = digest(adminToken);
  return (candidate) => timingSafeEqual(digest(candidate), expected);
}

/**
 * True when the browser says the request comes from the collector's own pages: its `Origin`
 * is ours, or (where a referrer policy made Origin `null`) `Sec-Fetch-Site: same-origin`,
 * a header pages cannot set.
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null')
    return origin === `${request.protocol}://${request.host}`;
  return request.headers['sec-fetch-site'] === 'same-origin';
}

/** A `preHandler` that admits the bearer token, or a live dashboard session cookie. */
export function createRequireAdmin(adminToken: string, sessions?: SessionStore) {
  const isAdminToken = createTokenCheck(adminToken);
  return async function requireAdmin(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1] || !isAdminToken(match[1])) throw new UnauthorizedError();
      return;
    }
    if (!(await sessions?.isValid(readCookie(request)))) throw new UnauthorizedError();
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) throw new CrossOriginError();
  };
}
