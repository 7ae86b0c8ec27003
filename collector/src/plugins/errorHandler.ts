/**
 * The one error handler: deliberate 4xx pass through with their code and reason; anything
 * else is logged with its context and masked. Ingest failures answer 503 + Retry-After so
 * the SDK keeps the batch and tries again instead of losing it.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { OverloadedError } from '../ingest/groupCommit.js';
import type { Metrics } from '../metrics/createMetrics.js';

const RETRY_AFTER_S = 5;
/** A full ingest queue drains in about a second at the store's pace. */
const OVERLOADED_RETRY_AFTER_S = 2;

function codeFor(error: FastifyError, status: number): string {
  if (error.validation) return 'invalid_request';
  if (status === 413) return 'body_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return 'invalid_json';
  if (error.code?.startsWith('FST_ERR_CTP')) return 'invalid_body';
  // @fastify/error upper-cases codes; ours are documented in lower case (errors.ts).
  if (error.code && !error.code.startsWith('FST_')) return error.code.toLowerCase();
  return 'bad_request';
}

/** Ajv's first error, phrased for a person: which field, what is wrong. */
function describeValidation(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = `${error.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
  if (first?.keyword === 'discriminator') {
    const params = first.params as { tag?: string; tagValue?: unknown };
    return `${where}/${params.tag ?? 'type'} ${JSON.stringify(params.tagValue)} is not a known event type`;
  }
  if (first?.keyword === 'additionalProperties') {
    const params = first.params as { additionalProperty?: string };
    return `${where} has an unknown property "${params.additionalProperty ?? '?'}"`;
  }
  return error.message;
}

export function installErrorHandler(app: FastifyInstance, metrics?: Metrics): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    const ingest = request.routeOptions.config.ingest === true;
    if (status >= 400 && status < 500) {
      const message = error.validation ? describeValidation(error) : error.message;
      request.log.info({ code: error.code, status }, message);
      const code = codeFor(error, status);
      if (ingest) metrics?.rejected(code);
      return reply.status(status).send({ error: code, message });
    }
    if (ingest) metrics?.unavailable();
    if (error instanceof OverloadedError) {
      // Expected under overload, and many per second: no stack.
      request.log.warn({ route: request.routeOptions.url }, error.message);
      return reply
        .status(503)
        .header('retry-after', String(OVERLOADED_RETRY_AFTER_S))
        .send({ error: 'overloaded', message: 'ingest is behind; retry later' });
    }
    request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    if (status === 503 || ingest) {
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_S))
        .send({ error: 'unavailable', message: 'temporarily unavailable; retry later' });
    }
    return reply.status(500).send({ error: 'internal', message: 'internal error' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
