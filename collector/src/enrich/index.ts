/** Request enrichment for reports: pure functions, plus one offline table loaded at start. */
export { createCountryLookup, type CountryLookup, type CountryLookupOptions } from './createCountryLookup.js';
export { countryFromTimeZone } from './countryFromTimeZone.js';
export { parseUserAgent, type DeviceClass, type UserAgentInfo } from './parseUserAgent.js';
export { classifySource, type Channel, type SourceInfo, type SourceInput } from './classifySource.js';
export { createNetworkLookup, type LookupNetwork, type NetworkVerdict } from './lookupNetwork.js';
