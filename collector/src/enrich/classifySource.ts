/**
 * Where a visit came from: the referrer's domain, the campaign tags of the landing URL
 * (`utm_source`, `utm_medium`, `utm_campaign`) and one channel, decided in this order:
 * 1. `utm_medium`: cpc, ppc, cpm, display, paid… → paid; email, newsletter → email;
 *    social, social-media… → social; organic → search; referral, affiliate → referral.
 * 2. Ad click ids (`gclid`, `msclkid`, `ttclid`…) → paid; `fbclid`/`igshid` → social
 *    (Meta tags every outbound link); email tools' ids → email.
 * 3. A referrer on the page's own host (or `siteHost`), `www.` ignored → internal.
 * 4. The referrer's domain, then `utm_source`, in `sourceDomains.ts` → search, social, email.
 * 5. Any other referrer, or campaign tags without a referrer → referral; nothing → direct.
 * Values are trimmed and capped at 200 characters; no input makes it throw.
 */
import {
  EMAIL_CLICK_IDS,
  EMAIL_DOMAINS,
  PAID_CLICK_IDS,
  SEARCH_DOMAINS,
  SEARCH_HOST,
  SOCIAL_CLICK_IDS,
  SOCIAL_DOMAINS,
  SOCIAL_HOST,
} from './sourceDomains.js';

export type Channel = 'direct' | 'search' | 'social' | 'email' | 'paid' | 'referral' | 'internal';

export interface SourceInfo {
  referrerDomain: string | null;
  channel: Channel;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

export interface SourceInput {
  referrer: string | null;
  url: string;
  siteHost?: string | null;
}

const MAX_VALUE = 200;
/** URLs past this are not parsed (browsers send up to a few KB; the protocol caps them too). */
const MAX_URL = 8192;

const MEDIUMS: ReadonlyArray<readonly [RegExp, Channel]> = [
  [
    /^(?:cpc|ppc|cpm|cpv|cpa|display|banner|retargeting|remarketing|ads?|paid.*|.*[-_ ]paid|sponsored)$/,
    'paid',
  ],
  [/^(?:e-?mail|e_mail|newsletter|email[-_ ].*|.*[-_ ]email)$/, 'email'],
  [/^(?:social|social[-_ ].*|.*[-_ ]social|sm|sns)$/, 'social'],
  [/^organic$/, 'search'],
  [/^(?:referral|affiliate|partner)s?$/, 'referral'],
];

function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().slice(0, MAX_VALUE).trim();
  return trimmed === '' ? null : trimmed;
}

function parseUrl(text: string | null | undefined): URL | null {
  if (typeof text !== 'string' || text.length > MAX_URL) return null;
  try {
    return new URL(text.trim());
  } catch {
    return null;
  }
}

/** Lower case, no `www.`, no port or trailing dot. */
function normaliseHost(host: string | null | undefined): string | null {
  if (typeof host !== 'string') return null;
  const h = host
    .trim()
    .toLowerCase()
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return h === '' ? null : h.slice(0, MAX_VALUE);
}

function inDomains(host: string, domains: ReadonlySet<string>): boolean {
  for (let h = host; ; h = h.slice(h.indexOf('.') + 1)) {
    if (domains.has(h)) return true;
    if (!h.includes('.')) return false;
  }
}

function channelOfDomain(host: string): Channel | null {
  if (SEARCH_HOST.test(host) || inDomains(host, SEARCH_DOMAINS)) return 'search';
  if (SOCIAL_HOST.test(host) || inDomains(host, SOCIAL_DOMAINS)) return 'social';
  if (inDomains(host, EMAIL_DOMAINS)) return 'email';
  return null;
}

/** `utm_source=facebook`, `utm_source=google`: a name rather than a domain. */
function channelOfSourceName(source: string): Channel | null {
  const name = source.toLowerCase().replace(/^www\./, '');
  if (name.includes('.')) return channelOfDomain(name);
  return channelOfDomain(`${name}.com`);
}

function referrerHost(referrer: URL | null): string | null {
  if (!referrer) return null;
  if (referrer.protocol === 'http:' || referrer.protocol === 'https:')
    return normaliseHost(referrer.hostname);
  if (referrer.protocol === 'android-app:') return normaliseHost(referrer.host);
  return null;
}

export function classifySource(input: SourceInput): SourceInfo {
  const page = parseUrl(input?.url);
  const params = page?.searchParams;
  const utmSource = clean(params?.get('utm_source'));
  const utmMedium = clean(params?.get('utm_medium'));
  const utmCampaign = clean(params?.get('utm_campaign'));
  const host = referrerHost(parseUrl(input?.referrer));
  const internal =
    host !== null && (host === normaliseHost(page?.hostname) || host === normaliseHost(input?.siteHost));
  const referrerDomain = internal ? null : host;
  const has = (ids: readonly string[]) => ids.some((id) => params?.has(id));

  const medium = utmMedium?.toLowerCase();
  const channel: Channel =
    (medium && MEDIUMS.find(([test]) => test.test(medium))?.[1]) ||
    (has(PAID_CLICK_IDS) && 'paid') ||
    (has(SOCIAL_CLICK_IDS) && 'social') ||
    (has(EMAIL_CLICK_IDS) && 'email') ||
    (internal && 'internal') ||
    (referrerDomain && channelOfDomain(referrerDomain)) ||
    (utmSource && channelOfSourceName(utmSource)) ||
    (referrerDomain || utmSource || utmMedium || utmCampaign ? 'referral' : 'direct');
  return { referrerDomain, channel, utmSource, utmMedium, utmCampaign };
}
