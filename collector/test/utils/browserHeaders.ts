import { CHROME_WINDOWS } from '../scoring/utils/browsers.js';

/**
 * The headers Chrome sends with the SDK's `fetch`/`sendBeacon` to the collector: what a
 * person's browser looks like to the humanness score (`postCollect`'s default).
 */
export const CHROME_HEADERS: Readonly<Record<string, string>> = {
  'user-agent': CHROME_WINDOWS.ua,
  'sec-ch-ua': CHROME_WINDOWS.hints!.ua,
  'sec-ch-ua-platform': CHROME_WINDOWS.hints!.platform,
  'sec-ch-ua-mobile': CHROME_WINDOWS.hints!.mobile,
  'accept-language': 'en-GB,en;q=0.9',
  'accept-encoding': 'gzip, deflate, br, zstd',
  accept: '*/*',
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'no-cors',
  'sec-fetch-dest': 'empty',
};
