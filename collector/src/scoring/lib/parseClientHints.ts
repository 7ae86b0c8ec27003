import type { ClientHints } from '../types.js';

/** `"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"` → brands. */
function parseBrands(header: string): ClientHints['brands'] {
  const brands: ClientHints['brands'] = [];
  for (const m of header.matchAll(/"([^"]{1,64})"\s*;\s*v\s*=\s*"([^"]{0,16})"/g)) {
    const brand = m[1] ?? '';
    // GREASE brands are random on purpose (https://wicg.github.io/ua-client-hints/#grease).
    if (/not.?a.?brand/i.test(brand)) continue;
    brands.push({ brand, major: m[2] ?? '' });
    if (brands.length >= 5) break;
  }
  return brands;
}

/** Structured-header boolean (`?1` / `?0`). */
function parseBoolean(header: string | undefined): boolean | null {
  if (header === '?1') return true;
  if (header === '?0') return false;
  return null;
}

/** Parses the low-entropy client hints; null when the request carried none. */
export function parseClientHints(
  ua: string | undefined,
  platform: string | undefined,
  mobile: string | undefined,
): ClientHints | null {
  if (ua === undefined && platform === undefined && mobile === undefined) return null;
  return {
    brands: ua ? parseBrands(ua) : [],
    platform: platform ? platform.replace(/^"|"$/g, '').slice(0, 32) : null,
    mobile: parseBoolean(mobile?.trim()),
  };
}
