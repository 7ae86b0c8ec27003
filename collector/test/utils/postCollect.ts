import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface PostCollectOptions {
  site?: string;
  headers?: Record<string, string>;
  /** The client address the collector sees (light-my-request's `remoteAddress`). */
  remoteAddress?: string;
}

/** `POST /v1/collect` with a JSON body of `events` for `site` (default `demo`). */
export function postCollect(
  app: FastifyInstance,
  events: unknown[],
  { site = 'demo', headers = {}, remoteAddress }: PostCollectOptions = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/v1/collect',
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (test)', ...headers },
    payload: JSON.stringify({ site, events }),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}
