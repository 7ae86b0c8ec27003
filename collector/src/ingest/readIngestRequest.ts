/**
 * What an ingest request tells the humanness score about its sender: header facts, and the
 * network verdict for its address (an enrich fact). The address goes to the lookup and no
 * further.
 */
import type { FastifyRequest } from 'fastify';
import type { LookupNetwork } from '../enrich/index.js';
import { readRequestFacts } from '../scoring/index.js';
import type { IngestRequest } from './types.js';

export function readIngestRequest(
  request: FastifyRequest,
  lookupNetwork: LookupNetwork | null,
  receivedAt: number,
): IngestRequest {
  return {
    facts: readRequestFacts({ headers: request.headers, secure: request.protocol === 'https', receivedAt }),
    network: lookupNetwork ? lookupNetwork(request.ip) : null,
  };
}
