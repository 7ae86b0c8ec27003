/**
 * IANA time zone (as `Intl.DateTimeFormat().resolvedOptions().timeZone` reports it) → ISO
 * 3166-1 alpha-2 country, upper case: the fallback when the address gives no country. A zone
 * is a weak hint (a traveller's laptop, a VPN user's real zone), so it only fills a gap.
 * `Etc/UTC`, `GMT`, offsets and unknown names give null. Case-insensitive, never throws.
 */
import { ZONES_BY_COUNTRY } from './timeZoneCountries.js';

/** Longer than any IANA name (the longest is ~32 characters). */
const MAX_LENGTH = 64;

let byZone: Map<string, string> | undefined;

/** Built on first use, not at import (≈550 entries). */
function zoneTable(): Map<string, string> {
  if (!byZone) {
    byZone = new Map();
    for (const [country, zones] of Object.entries(ZONES_BY_COUNTRY)) {
      for (const zone of zones.split(' ')) byZone.set(zone.toLowerCase(), country);
    }
  }
  return byZone;
}

export function countryFromTimeZone(timeZone: string | null | undefined): string | null {
  if (typeof timeZone !== 'string' || timeZone.length > MAX_LENGTH) return null;
  return zoneTable().get(timeZone.trim().toLowerCase()) ?? null;
}
