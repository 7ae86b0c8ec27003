import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CHROME_HEADERS } from './browserHeaders.js';

export interface PostCollectOptions {
  site?: string;
  headers?: Record<string, string>;
  /** false: send only `headers` (and content-type), as a script would. Default true. */
  asBrowser?: boolean;
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
  { site = 'demo', headers = {}, remoteAddress, asBrowser = true }: PostCollectOptions = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/collect',
    headers: { ...(asBrowser ? CHROME_HEADERS : {}), 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ site, events }),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}
