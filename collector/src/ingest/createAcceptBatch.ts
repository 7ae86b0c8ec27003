/**
 * The ingest step both ingest routes share (`POST /v1/collect`, the noscript pixel): the site
 * (403 when unknown, or when an `Origin` is given that the site does not allow), the
 * request's visitor hash and facts, the batch prepared and stored (resolves after commit).
 * What repeats from request to request (the site, a user agent's parse) is cached.
 */
import type { FastifyRequest } from 'fastify';
import type { CollectBody } from '@sightline/protocol';
import { OriginNotAllowedError, UnknownSiteError } from '../errors.js';
import type { VisitorHasher } from '../privacy/createVisitorHasher.js';
import {
  parseUserAgent,
  type CountryLookup,
  type LookupNetwork,
  type UserAgentInfo,
} from '../enrich/index.js';
import type { SiteRow, Storage } from '../storage/types.js';
import type { Ingest } from './createIngest.js';
import { prepareEvents } from './prepareEvents.js';
import { readIngestRequest } from './readIngestRequest.js';
import type { InsertResult } from './types.js';
import type { Metrics } from '../metrics/createMetrics.js';

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

/** Read at each request: a server fills them in once loaded. */
export interface IngestLookups {
  lookupNetwork: LookupNetwork | null;
  lookupCountry: CountryLookup | null;
}

/** Sites change only at start (`SITES`); a second is short enough for anything else. */
const SITE_TTL_MS = 1000;
/** Distinct user agents parsed and kept; the map starts over when full. */
const MAX_AGENTS = 2000;

function cachedSites(storage: Storage): (id: string) => Promise<SiteRow | null> {
  const sites = new Map<string, { at: number; site: Promise<SiteRow | null> }>();
  return (id) => {
    const now = Date.now();
    const hit = sites.get(id);
    if (hit && now - hit.at < SITE_TTL_MS) return hit.site;
    if (sites.size > 1000) sites.clear();
    const site = storage.getSite(id);
    sites.set(id, { at: now, site });
    site.catch(() => sites.delete(id));
    return site;
  };
}

function cachedUserAgents(): (ua: string) => UserAgentInfo {
  const agents = new Map<string, UserAgentInfo>();
  return (ua) => {
    let info = agents.get(ua);
    if (!info) {
      if (agents.size >= MAX_AGENTS) agents.clear();
      agents.set(ua, (info = parseUserAgent(ua)));
    }
    return info;
  };
}

export function createAcceptBatch(
  ingest: Ingest,
  storage: Storage,
  hashVisitor: VisitorHasher,
  lookups: IngestLookups,
  metrics?: Pick<Metrics, 'stored' | 'rejected'>,
): AcceptBatch {
  const getSite = cachedSites(storage);
  const parseAgent = cachedUserAgents();
  return async (request, siteId, origin, build) => {
    const site = await getSite(siteId);
    if (!site) throw new UnknownSiteError(siteId);
    if (origin && site.origins && !site.origins.includes(origin)) {
      throw new OriginNotAllowedError(origin, siteId);
    }
    const receivedAt = Date.now();
    const userAgent = request.headers['user-agent'] ?? '';
    const visitor = await hashVisitor(siteId, request.ip, userAgent, receivedAt);
    const body = build(visitor, receivedAt);
    // The address is looked up and forgotten: only the country is kept.
    const { lookupCountry, lookupNetwork } = lookups;
    const client = {
      ...parseAgent(userAgent),
      country: lookupCountry ? lookupCountry(request.ip) : null,
    };
    const batch = prepareEvents(body, {
      site: siteId,
      visitor,
      userAgent: userAgent || null,
      receivedAt,
      client,
    });
    const stored = await ingest.insertEvents(
      batch.rows,
      body.dropped ?? null,
      readIngestRequest(request, lookupNetwork, receivedAt),
    );
    metrics?.stored(stored.inserted, stored.duplicates);
    if (batch.tooOld > 0) metrics?.rejected('too_old', batch.tooOld);
    return { ...stored, tooOld: batch.tooOld };
  };
}
