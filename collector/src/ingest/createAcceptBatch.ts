/**
 * The ingest step both ingest routes share (`POST /v1/collect`, the noscript pixel): the site
 * (403 when unknown, or when an `Origin` is given that the site does not allow), the
 * request's visitor hash and facts, the batch prepared and stored (resolves after commit).
 */
import type { FastifyRequest } from 'fastify';
import type { CollectBody } from '@sightline/protocol';
import { OriginNotAllowedError, UnknownSiteError } from '../errors.js';
import type { VisitorHasher } from '../privacy/createVisitorHasher.js';
import { parseUserAgent, type CountryLookup } from '../enrich/index.js';
import type { LookupNetwork } from '../scoring/index.js';
import type { InsertResult, Storage } from '../storage/types.js';
import { prepareEvents } from './prepareEvents.js';
import { readIngestRequest } from './readIngestRequest.js';

export interface AcceptedBatch extends InsertResult {
  /** Events older than the accepted age: not stored. */
  tooOld: number;
}

export type AcceptBatch = (
  request: FastifyRequest,
  siteId: string,
  origin: string | undefined,
  /** The batch, built once the visitor id and arrival time are known. */
  build: (visitor: string, receivedAt: number) => CollectBody,
) => Promise<AcceptedBatch>;

export interface IngestLookups {
  lookupNetwork: LookupNetwork | null;
  lookupCountry: CountryLookup | null;
}

export function createAcceptBatch(
  storage: Storage,
  hashVisitor: VisitorHasher,
  { lookupNetwork, lookupCountry }: IngestLookups,
): AcceptBatch {
  return async (request, siteId, origin, build) => {
    const site = await storage.getSite(siteId);
    if (!site) throw new UnknownSiteError(siteId);
    if (origin && site.origins && !site.origins.includes(origin)) {
      throw new OriginNotAllowedError(origin, siteId);
    }
    const receivedAt = Date.now();
    const userAgent = request.headers['user-agent'] ?? '';
    const visitor = await hashVisitor(siteId, request.ip, userAgent, receivedAt);
    const body = build(visitor, receivedAt);
    // The address is looked up and forgotten: only the country is kept.
    const client = {
      ...parseUserAgent(userAgent),
      country: lookupCountry ? lookupCountry(request.ip) : null,
    };
    const batch = prepareEvents(body, {
      site: siteId,
      visitor,
      userAgent: userAgent || null,
      receivedAt,
      client,
    });
    const stored = await storage.insertEvents(
      batch.rows,
      body.dropped ?? null,
      readIngestRequest(request, lookupNetwork, receivedAt),
    );
    return { ...stored, tooOld: batch.tooOld };
  };
}
