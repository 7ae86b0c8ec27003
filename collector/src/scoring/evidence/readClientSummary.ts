/**
 * The fields of an SDK humanness summary (`HumannessEvent`) that the rules read, picked from
 * the event's stored data: names are the same on the wire and in `ClientSummary`. Kept beside
 * the rules so that a rule reading a new field adds it here, in one place.
 */
import type { ClientSummary } from '../types.js';

const CLIENT_FIELDS = [
  'webdriver',
  'headless',
  'automationGlobals',
  'softwareWebgl',
  'noPlugins',
  'oddScreen',
  'noLanguages',
  'platformMismatch',
  'trustedEvents',
  'pointerMoves',
  'turnMean',
  'untrustedEvents',
  'clicksWithoutPointerMove',
  'clicks',
  'clickOffsetMean',
  'clickOffsetSd',
  'pressMean',
  'keys',
  'keyHoldMean',
  'keyIntervalMean',
  'touches',
] as const satisfies ReadonlyArray<keyof ClientSummary>;

export function readClientSummary(data: Readonly<Record<string, unknown>>): ClientSummary {
  const client: ClientSummary = {};
  for (const field of CLIENT_FIELDS)
    if (data[field] !== undefined) Object.assign(client, { [field]: data[field] });
  return client;
}
