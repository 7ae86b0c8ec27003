/**
 * `ua:no-client-hints`: a user agent that says desktop or Android Chrome or Edge, yet none of
 * its HTTPS requests carried Sec-CH-UA. Chromium sends the low-entropy hints (Sec-CH-UA,
 * -Mobile, -Platform) with every request to a secure origin since version 89, cross-origin
 * beacons included (https://wicg.github.io/ua-client-hints/#security-privacy, default
 * allowlist `*`): a script that copies a Chrome UA string does not. Chrome on iOS is WebKit
 * and sends none. Medium: a proxy that strips unknown headers does it too.
 */
import { parseUserAgent } from '../lib/parseUserAgent.js';
import { MEDIUM } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Some margin over Chrome 89, where the hints shipped on by default. */
const HINTS_SINCE = 90;
/** Secure requests without hints: one could be a proxy's retry. */
const MIN_SECURE = 2;

export function scoreNoClientHints(evidence: SessionEvidence): RuleResult[] {
  const h = evidence.headers;
  if (h.secure < MIN_SECURE || h.withClientHints > 0) return [];
  const ua = parseUserAgent(evidence.userAgent);
  const chromium = (ua.browser === 'chrome' || ua.browser === 'edge') && ua.os !== 'ios';
  return chromium && ua.chromiumMajor >= HINTS_SINCE
    ? [{ family: 'ua', name: 'no-client-hints', strength: MEDIUM }]
    : [];
}
