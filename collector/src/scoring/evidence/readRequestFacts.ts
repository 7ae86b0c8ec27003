/**
 * What one ingest request tells about its sender, read from its headers once, at ingest.
 * Only presence flags and parsed low-entropy client hints leave this function: no header
 * value but the user agent (which sessions keep anyway) and never the address.
 */
import type { ClientHints } from '../types.js';
import { parseClientHints } from '../lib/parseClientHints.js';

export type RequestHeaders = Record<string, string | string[] | undefined>;

/**
 * `browser`: Accept-Language, Accept-Encoding and one of Sec-Fetch-*, Origin or Referer —
 * what a page's fetch / sendBeacon / pixel request carries in every current browser.
 * `bare`: none of Accept-Language, Sec-Fetch-*, Origin, Referer — what curl, requests,
 * Go and Java clients send by default. `other`: in between (old browsers, proxies).
 */
export type HeaderClass = 'browser' | 'bare' | 'other';

export interface RequestFacts {
  /** Server receive time, epoch ms. */
  receivedAt: number;
  userAgent: string;
  /** The request came over HTTPS (after a trusted proxy's X-Forwarded-Proto). */
  secure: boolean;
  acceptLanguage: 'present' | 'missing' | 'wildcard';
  fetchMetadata: boolean;
  headerClass: HeaderClass;
  clientHints: ClientHints | null;
}

export interface ReadRequestFactsInput {
  /** Fastify's `request.headers` (lower-case names). */
  headers: RequestHeaders;
  /** `request.protocol === 'https'`. */
  secure: boolean;
  receivedAt: number;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function readRequestFacts({ headers, secure, receivedAt }: ReadRequestFactsInput): RequestFacts {
  const language = first(headers['accept-language'])?.trim();
  const acceptLanguage = !language ? 'missing' : language === '*' ? 'wildcard' : 'present';
  const fetchMetadata = ['sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest'].some(
    (name) => first(headers[name]) !== undefined,
  );
  const context = first(headers.origin) !== undefined || first(headers.referer) !== undefined;
  const encoding = first(headers['accept-encoding']) !== undefined;
  let headerClass: HeaderClass = 'other';
  if (acceptLanguage === 'present' && encoding && (fetchMetadata || context)) headerClass = 'browser';
  else if (acceptLanguage !== 'present' && !fetchMetadata && !context) headerClass = 'bare';
  return {
    receivedAt,
    userAgent: (first(headers['user-agent']) ?? '').slice(0, 512),
    secure,
    acceptLanguage,
    fetchMetadata,
    headerClass,
    clientHints: parseClientHints(
      first(headers['sec-ch-ua']),
      first(headers['sec-ch-ua-platform']),
      first(headers['sec-ch-ua-mobile']),
    ),
  };
}
