/**
 * Current browsers as they present themselves: user agent (reduced form) and, for Chromium,
 * the client hints that go with it. Used where a rule must stay silent for people.
 */
export interface BrowserProfile {
  label: string;
  ua: string;
  hints?: { ua: string; platform: string; mobile: '?0' | '?1' };
}

const chromeBrands = (v: number, extra?: string) =>
  [`"Chromium";v="${v}"`, ...(extra ? [extra] : []), `"Not-A.Brand";v="99"`].join(', ');

export const BROWSERS: BrowserProfile[] = [
  {
    label: 'Chrome / Windows',
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    hints: { ua: chromeBrands(124, '"Google Chrome";v="124"'), platform: '"Windows"', mobile: '?0' },
  },
  {
    label: 'Chrome / macOS',
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    hints: { ua: chromeBrands(124, '"Google Chrome";v="124"'), platform: '"macOS"', mobile: '?0' },
  },
  {
    label: 'Chrome / Linux',
    ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    hints: { ua: chromeBrands(124, '"Google Chrome";v="124"'), platform: '"Linux"', mobile: '?0' },
  },
  {
    label: 'Chrome / ChromeOS',
    ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    hints: { ua: chromeBrands(124, '"Google Chrome";v="124"'), platform: '"Chrome OS"', mobile: '?0' },
  },
  {
    label: 'Chrome / Android phone',
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    hints: { ua: chromeBrands(124, '"Google Chrome";v="124"'), platform: '"Android"', mobile: '?1' },
  },
  {
    label: 'Chrome / Android tablet',
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    hints: { ua: chromeBrands(124, '"Google Chrome";v="124"'), platform: '"Android"', mobile: '?0' },
  },
  {
    label: 'Chrome / Android "desktop site"',
    ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    hints: { ua: chromeBrands(124, '"Google Chrome";v="124"'), platform: '"Android"', mobile: '?0' },
  },
  {
    label: 'Edge / Windows',
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0',
    hints: { ua: chromeBrands(124, '"Microsoft Edge";v="124"'), platform: '"Windows"', mobile: '?0' },
  },
  {
    label: 'Samsung Internet / Android',
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
    hints: { ua: chromeBrands(117, '"Samsung Internet";v="24"'), platform: '"Android"', mobile: '?1' },
  },
  {
    label: 'Firefox / Windows',
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  },
  {
    label: 'Firefox / Linux',
    ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
  },
  {
    label: 'Firefox / Android',
    ua: 'Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0',
  },
  {
    label: 'Safari / macOS',
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  },
  {
    label: 'Safari / iPhone',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  },
  {
    label: 'Chrome / iPhone',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1',
  },
];

export const CHROME_WINDOWS = BROWSERS[0]!;
