/** The one cookie of the dashboard: read it, set it, clear it. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'sightline_session';

/** The value of `name` in the request's `Cookie` header (the first one wins). */
export function readCookie(request: FastifyRequest, name: string = SESSION_COOKIE): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function attributes(request: FastifyRequest, maxAgeS: number): string {
  // Secure only over https: a plain-http collector on localhost must still sign in.
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure}`;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  maxAgeS: number,
): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${id}${attributes(request, maxAgeS)}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${attributes(request, 0)}`);
}
