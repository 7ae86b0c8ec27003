/**
 * `ua:client-hints-mismatch`: Sec-CH-UA contradicts the user agent — the mark of automation
 * that overrides the UA string but not the hints (https://wicg.github.io/ua-client-hints/).
 * Only Chromium sends hints, and only to secure origins, so missing hints say nothing.
 */
import { parseUserAgent, type OsFamily } from '../lib/parseUserAgent.js';
import { MEDIUM, STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Sec-CH-UA-Platform values and the OS a user agent of that platform names. */
const PLATFORMS: Record<string, OsFamily[]> = {
  Windows: ['windows'],
  macOS: ['macos'],
  // Android's "request desktop site" sends a Linux desktop UA with platform still Android.
  Android: ['android', 'linux'],
  Linux: ['linux'],
  'Chrome OS': ['chromeos'],
  'Chromium OS': ['chromeos'],
};

/**
 * A hinted Chromium major differing from the UA's `Chrome/` major: UA reduction keeps the
 * major in both, so only a rewritten string disagrees. Strong: UA-switcher extensions do it
 * too, so it does not decide alone.
 */
const VERSION_STRENGTH = STRONG;
/** Platform or mobile flag disagreeing: also what DevTools emulation half-done looks like. */
const PLATFORM_STRENGTH = MEDIUM;

export function scoreClientHintsMismatch(evidence: SessionEvidence): RuleResult[] {
  const hints = evidence.clientHints;
  if (!hints) return [];
  const ua = parseUserAgent(evidence.userAgent);
  const hit = (strength: number): RuleResult[] => [{ family: 'ua', name: 'client-hints-mismatch', strength }];
  // Firefox and Safari never send Sec-CH-UA.
  if (hints.brands.length > 0 && (ua.browser === 'firefox' || ua.browser === 'safari'))
    return hit(VERSION_STRENGTH);
  const chromium = hints.brands.find((b) => b.brand === 'Chromium');
  if (chromium && !Number.isNaN(ua.chromiumMajor) && Number(chromium.major) !== ua.chromiumMajor) {
    return hit(VERSION_STRENGTH);
  }
  const systems = hints.platform ? PLATFORMS[hints.platform] : undefined;
  if (systems && ua.os !== 'other' && !systems.includes(ua.os)) return hit(PLATFORM_STRENGTH);
  // Mobile ?1 needs the UA's Mobile token; tablets send ?0 and no token.
  if (hints.mobile === true && !ua.mobile) return hit(PLATFORM_STRENGTH);
  if (hints.mobile === false && ua.mobile && ua.os === 'android') return hit(PLATFORM_STRENGTH);
  return [];
}
