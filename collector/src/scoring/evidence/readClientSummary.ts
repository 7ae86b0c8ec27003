/**
 * The fields of an SDK humanness summary (`HumannessEvent`) that the rules read, picked from
 * the event's stored data: names are the same on the wire and in `ClientSummary`. The list is
 * the protocol's `SCORED_HUMANNESS_FIELDS`, which is also all the SDK sends: a rule reading a
 * new field adds it there (and to `ClientSummary`) and has the SDK send it.
 */
import { SCORED_HUMANNESS_FIELDS } from '@sightline/protocol';
import type { ClientSummary } from '../types.js';

const CLIENT_FIELDS = SCORED_HUMANNESS_FIELDS satisfies ReadonlyArray<keyof ClientSummary>;

export function readClientSummary(data: Readonly<Record<string, unknown>>): ClientSummary {
  const client: ClientSummary = {};
  for (const field of CLIENT_FIELDS)
    if (data[field] !== undefined) Object.assign(client, { [field]: data[field] });
  return client;
}
