/**
 * The user-agent rules of `parseUserAgent`, first match wins, so the specific come before the
 * general: every Chromium browser also says `Chrome/`, every WebKit one `Safari/`, Android
 * WebViews `Chrome/` too. Names are families without versions, and this list is the whole
 * set a report can show (documented in `parseUserAgent.ts`); add a row, never rename one.
 */

export const BROWSERS: ReadonlyArray<readonly [name: string, test: RegExp]> = [
  // In-app browsers first: they carry their host browser's tokens as well.
  ['Facebook', /\bFB(?:AN|AV|_IAB)\//],
  ['Instagram', /\bInstagram\b/],
  ['Electron', /\bElectron\//],
  ['Edge', /\b(?:Edg|EdgA|EdgiOS|Edge)\//],
  ['Opera', /\b(?:OPR|OPiOS|OPT|Opera)\/|\bOpera\b/],
  ['Samsung Internet', /\bSamsungBrowser\//],
  ['Yandex Browser', /\b(?:YaBrowser|YaSearchBrowser)\//],
  ['UC Browser', /\bUC ?Browser\//],
  ['Vivaldi', /\bVivaldi\//],
  ['Internet Explorer', /\bMSIE \d|\bTrident\/\d/],
  ['Firefox', /\b(?:Firefox|FxiOS)\//],
  // An Android WebView says `; wv)` (Lollipop+) or `Version/4.0 Chrome/`.
  ['Android WebView', /; wv\)|\bVersion\/4\.0 Chrome\//],
  ['Chrome', /\b(?:Chrome|CriOS|HeadlessChrome|Chromium)\//],
  ['Safari', /\bVersion\/[\d.]+.*\bSafari\/|\b(?:iPhone|iPad|iPod)\b.*\bSafari\//],
  // iOS apps' WKWebView: WebKit on iOS without the Safari token.
  ['iOS WebView', /\b(?:iPhone|iPad|iPod)\b.*\bAppleWebKit\//],
];

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
