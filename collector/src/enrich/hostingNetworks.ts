/**
 * Which autonomous systems are hosting / data-centre networks. No npm package ships such a
 * classification, so this is a heuristic over the IP→ASN database's own data: a few large
 * cloud and hosting networks by number (each checked against its organisation name in the
 * shipped database by test/enrich/lookupNetwork.test.ts), plus organisation names that
 * say what they sell. Networks that carry people too (Cloudflare's WARP and 1.1.1.1, Apple's
 * Private Relay, mobile carriers) are deliberately absent: a miss costs less than a person
 * flagged, and `net:` is capped low in `scoreSession` anyway.
 */

/** ASN → organisation name as the database spells it (the test keeps them honest). */
export const HOSTING_ASNS: ReadonlyMap<number, string> = new Map([
  [16509, 'Amazon.com, Inc.'],
  [14618, 'Amazon.com, Inc.'],
  [396982, 'Google LLC'], // Google Cloud
  [8075, 'Microsoft Corporation'], // Azure shares it with Microsoft's offices: still mostly servers
  [14061, 'DigitalOcean, LLC'],
  [24940, 'Hetzner Online GmbH'],
  [213230, 'Hetzner Online GmbH'],
  [16276, 'OVH SAS'],
  [63949, 'Akamai Technologies, Inc.'], // Linode
  [20473, 'The Constant Company, LLC'], // Vultr
  [31898, 'Oracle Corporation'],
  [45102, 'Alibaba (US) Technology Co., Ltd.'],
  [51167, 'Contabo GmbH'],
  [12876, 'Scaleway SAS'],
  [60781, 'LeaseWeb Netherlands B.V.'],
]);

/** Organisation names that say hosting: "… Hosting Ltd", "… Datacenters B.V.", "… VPS". */
const HOSTING_NAME =
  /\b(hosting|webhosting|data ?cent(?:er|re)s?|datacent(?:er|re)s?|dedicated servers?|vps|colocation|cloud computing|server hosting)\b/i;

export function isHostingNetwork(asn: number, org: string): boolean {
  return HOSTING_ASNS.has(asn) || HOSTING_NAME.test(org);
}
