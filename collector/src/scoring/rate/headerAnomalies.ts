/**
 * `rate:no-accept-language`, `rate:library-headers`, `rate:no-fetch-metadata`: request headers
 * no browser sends. Browsers add Accept-Language to every request, including fetch and
 * sendBeacon; since Chrome 76, Firefox 90 and Safari 16.4 they add Sec-Fetch-* to every
 * request to a secure origin (https://w3c.github.io/webappsec-fetch-metadata/).
 */
import { parseUserAgent, type ParsedUserAgent } from '../lib/parseUserAgent.js';
import { MEDIUM, STRONG, WEAK } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Share of requests that must show the trait: one odd request (a proxy retry) is not enough. */
const MIN_SHARE = 0.8;

/** First versions that send Sec-Fetch-* (https://caniuse.com/mdn-http_headers_sec-fetch-site). */
const FETCH_METADATA_SINCE: Partial<Record<ParsedUserAgent['browser'], number>> = {
  chrome: 76,
  edge: 79,
  opera: 63,
  samsung: 12,
  firefox: 90,
  safari: 17, // 16.4 in fact; the UA's Version/ major is what we see
};

export function scoreHeaderAnomalies(evidence: SessionEvidence): RuleResult[] {
  const h = evidence.headers;
  const n = evidence.requests.count;
  if (n === 0) return [];
  const results: RuleResult[] = [];
  if (h.wildcardAcceptLanguage / n >= MIN_SHARE) {
    // `Accept-Language: *` is what Node's fetch (undici) sends: a script.
    results.push({ family: 'rate', name: 'library-headers', strength: STRONG });
  } else if (h.bare / n >= MIN_SHARE) {
    results.push({ family: 'rate', name: 'library-headers', strength: MEDIUM });
  } else if (h.noAcceptLanguage / n >= MIN_SHARE) {
    // Some privacy proxies strip it: weak alone.
    results.push({ family: 'rate', name: 'no-accept-language', strength: WEAK * 2 });
  }
  if (h.secure > 0 && h.secureWithoutFetchMetadata / h.secure >= MIN_SHARE) {
    const ua = parseUserAgent(evidence.userAgent);
    // On iOS every browser is WebKit of the OS's version, which the UA does not tell apart.
    const since = ua.os === 'ios' && ua.browser !== 'safari' ? undefined : FETCH_METADATA_SINCE[ua.browser];
    if (since !== undefined && ua.major >= since) {
      results.push({ family: 'rate', name: 'no-fetch-metadata', strength: MEDIUM });
    }
  }
  return results;
}
