import type { FastifyInstance } from 'fastify';
import { TEST_TOKEN } from './createTestApp.js';

/** Signs in to the dashboard with the test token; returns the `Cookie` header to send. */
export async function signIn(app: FastifyInstance, token = TEST_TOKEN): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/dashboard/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
    payload: `token=${encodeURIComponent(token)}`,
  });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return String(res.headers['set-cookie']).split(';')[0]!;
}
