/**
 * User agent → browser family, operating system and device class, for reports: no versions,
 * no models. A small rule table (`userAgentRules.ts`) rather than a library: ua-parser-js v2
 * is AGPL, and v1 and bowser bring hundreds of rules and names (with renames between
 * releases) that a report of a handful of families does not need; these rules are tested on
 * real UA strings and cost a few regex tests. Not a bot detector (scoring/ua does that).
 *
 * browser: Chrome, Safari, Firefox, Edge, Opera, Samsung Internet, Yandex Browser, UC Browser,
 *   Vivaldi, Internet Explorer, Android WebView, iOS WebView, Facebook, Instagram, Electron.
 *   Chrome on phones is `Chrome` (the device says mobile); Chrome, Firefox and Edge on iOS
 *   are named by what the person chose, though they render with WebKit.
 * os: Windows, macOS, iOS (iPadOS too), Android, ChromeOS, Linux.
 * device: desktop (a desktop OS), mobile, tablet; null when unknown (TVs, consoles, bots and
 *   libraries that name no platform). An iPad asking for desktop sites says `Macintosh` and
 *   counts as a macOS desktop: the UA cannot tell.
 */
import { BROWSERS, MOBILE, NO_DEVICE, SYSTEMS, TABLET } from './userAgentRules.js';

export type DeviceClass = 'desktop' | 'mobile' | 'tablet';

export interface UserAgentInfo {
  browser: string | null;
  os: string | null;
  device: DeviceClass | null;
}

/** Real UAs are under 512 characters; longer ones are cut, not parsed in full. */
const MAX_LENGTH = 1024;

function firstMatch(rules: ReadonlyArray<readonly [string, RegExp]>, ua: string): string | null {
  for (const [name, test] of rules) if (test.test(ua)) return name;
  return null;
}

function deviceOf(ua: string, os: string | null): DeviceClass | null {
  if (NO_DEVICE.test(ua)) return null;
  if (TABLET.test(ua)) return 'tablet';
  if (MOBILE.test(ua)) return 'mobile';
  if (os === 'Android') return 'tablet'; // Android without `Mobile`: Google's rule for tablets
  if (os === 'Windows' || os === 'macOS' || os === 'Linux' || os === 'ChromeOS') return 'desktop';
  return null;
}

export function parseUserAgent(ua: string | null | undefined): UserAgentInfo {
  if (typeof ua !== 'string' || ua.trim() === '') return { browser: null, os: null, device: null };
  const text = ua.length > MAX_LENGTH ? ua.slice(0, MAX_LENGTH) : ua;
  const os = firstMatch(SYSTEMS, text);
  return { browser: firstMatch(BROWSERS, text), os, device: deviceOf(text, os) };
}
