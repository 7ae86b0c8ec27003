/**
 * Just enough of a user agent to compare it with client hints and header habits: which
 * browser it claims (checked most specific first: Edge and Opera also say Chrome, Chrome also
 * says Safari), its major version, the operating system and the `Mobile` token.
 */
export type BrowserFamily = 'edge' | 'opera' | 'samsung' | 'chrome' | 'firefox' | 'safari' | 'other';
export type OsFamily = 'windows' | 'macos' | 'ios' | 'android' | 'chromeos' | 'linux' | 'other';

export interface ParsedUserAgent {
  browser: BrowserFamily;
  /** Major version of the claimed browser; NaN when none. */
  major: number;
  /** Major of the `Chrome/` token (Chromium base of Edge, Opera, Samsung …); NaN when none. */
  chromiumMajor: number;
  os: OsFamily;
  mobile: boolean;
}

const BROWSERS: Array<[BrowserFamily, RegExp]> = [
  ['edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['opera', /\bOPR\/(\d+)/],
  ['samsung', /\bSamsungBrowser\/(\d+)/],
  ['chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['safari', /\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//],
];

const SYSTEMS: Array<[OsFamily, RegExp]> = [
  ['ios', /\b(?:iPhone|iPad|iPod)\b/],
  ['android', /\bAndroid\b/],
  ['windows', /\bWindows\b/],
  ['chromeos', /\bCrOS\b/],
  ['macos', /\bMacintosh\b/],
  ['linux', /\bLinux\b|\bX11\b/],
];

export function parseUserAgent(ua: string): ParsedUserAgent {
  let browser: BrowserFamily = 'other';
  let major = NaN;
  for (const [family, re] of BROWSERS) {
    const m = re.exec(ua);
    if (m) {
      browser = family;
      major = Number(m[1]);
      break;
    }
  }
  const chrome = /\bChrome\/(\d+)/.exec(ua);
  const os = SYSTEMS.find(([, re]) => re.test(ua))?.[0] ?? 'other';
  return {
    browser,
    major,
    chromiumMajor: chrome ? Number(chrome[1]) : NaN,
    os,
    mobile: /\bMobile\b/.test(ua),
  };
}
