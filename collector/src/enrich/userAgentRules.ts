/**
 * The user-agent rules of `parseUserAgent`: the browser names it keeps from ua-parser-js, and
 * its own rules for system and device class (first match wins, so the specific come before the
 * general). A name a report has shown keeps its meaning: add a row, never rename one.
 */

/**
 * ua-parser-js 1.x browser names → the names reports showed before it (the same family under
 * our name). Any other ua-parser-js name is kept as it is (`Google app` for its `GSA` too).
 */
export const BROWSER_NAMES: Readonly<Record<string, string>> = {
  'Mobile Safari': 'Safari',
  'Chrome WebView': 'Android WebView',
  'Chrome Headless': 'Chrome',
  'Mobile Chrome': 'Chrome',
  Chromium: 'Chrome',
  'Mobile Firefox': 'Firefox',
  'Opera Touch': 'Opera',
  'Opera Mini': 'Opera',
  'Opera Mobi': 'Opera',
  'Opera GX': 'Opera',
  'Opera Coast': 'Opera',
  Yandex: 'Yandex Browser',
  IE: 'Internet Explorer',
  IEMobile: 'Internet Explorer',
  UCBrowser: 'UC Browser',
  GSA: 'Google app',
};

/** ua-parser-js's name for WebKit that names no browser: on iOS, an app's WKWebView. */
export const BARE_WEBKIT = 'WebKit';

export const SYSTEMS: ReadonlyArray<readonly [name: string, test: RegExp]> = [
  ['Windows', /\bWindows (?:NT|9[58]|XP)\b|\bWin(?:32|64)\b/],
  ['iOS', /\b(?:iPhone|iPad|iPod)\b|\biOS\b/],
  ['macOS', /\bMacintosh\b|\bMac OS X\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Linux', /\bLinux\b|\bX11\b|\bUbuntu\b|\bFedora\b/],
];

/** Tablets: iPads, Android without `Mobile`, and the known tablet families. */
export const TABLET = /\biPad\b|\bTablet\b|\bKindle\b|\bSilk\/|\bPlayBook\b|\bSM-[TX]\d/i;

/** Phones: the `Mobile`/`Mobi` token (Android, Firefox OS, Opera Mini), iPhones, iPods. */
export const MOBILE = /\bMobi(?:le)?\b|\biPhone\b|\biPod\b|\bOpera Mini\b|\bWindows Phone\b/;

/** Not a person's screen: TVs, consoles, and clients that name no platform. */
export const NO_DEVICE = /\b(?:SMART-TV|SmartTV|HbbTV|Web0S|Tizen.*TV|CrKey|PlayStation|Xbox|Nintendo)\b/i;
