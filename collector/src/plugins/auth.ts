/** Bearer-token access for reading routes. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../errors.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** A `preHandler` that admits only `Authorization: Bearer <adminToken>`. */
export function createRequireAdmin(adminToken: string) {
  const expected = digest(adminToken);
  return async function requireAdmin(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      throw new UnauthorizedError();
    }
  };
}
