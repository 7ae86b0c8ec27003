import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CHROME_HEADERS } from './browserHeaders.js';

export interface PostCollectOptions {
  site?: string;
  headers?: Record<string, string>;
  /** The client address the collector sees (light-my-request's `remoteAddress`). */
  remoteAddress?: string;
}

/**
 * `POST /v1/collect` with a JSON body of `events` for `site` (default `demo`), with the headers
 * of Chrome on Windows unless `headers` overrides them.
 */
export function postCollect(
  app: FastifyInstance,
  events: unknown[],
  { site = 'demo', headers = {}, remoteAddress }: PostCollectOptions = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/collect',
    headers: { ...CHROME_HEADERS, 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ site, events }),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}
