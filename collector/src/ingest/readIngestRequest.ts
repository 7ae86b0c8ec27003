/**
 * What an ingest request tells the humanness score about its sender: header facts, and the
 * network verdict for its address. The address goes to the lookup and no further.
 */
import type { FastifyRequest } from 'fastify';
import { readRequestFacts, type LookupNetwork } from '../scoring/index.js';
import type { IngestRequest } from '../storage/types.js';

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
