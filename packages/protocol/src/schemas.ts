/**
 * JSON Schemas (draft-07, as Ajv reads them) for the wire format. The collector validates
 * every request with these; they are the single source of truth next to `events.ts`.
 */
import {
  MAX_EVENTS_PER_BATCH,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PROPS,
  MAX_PROP_VALUE_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  MAX_USER_LENGTH,
} from './limits.js';

const idString = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_ID_LENGTH,
  pattern: '^[A-Za-z0-9_.:-]+$',
} as const;

const baseProperties = {
  id: idString,
  ts: { type: 'integer', minimum: 0 },
  session: idString,
  url: { type: 'string', minLength: 1, maxLength: MAX_URL_LENGTH },
  user: { type: 'string', minLength: 1, maxLength: MAX_USER_LENGTH },
} as const;

const baseRequired = ['id', 'type', 'ts', 'session', 'url'] as const;

export const pageviewEventSchema = {
  $id: 'sightline-pageview-event',
  type: 'object',
  additionalProperties: false,
  required: baseRequired,
  properties: {
    ...baseProperties,
    type: { const: 'pageview' },
    title: { type: 'string', maxLength: MAX_TITLE_LENGTH },
    referrer: { type: 'string', maxLength: MAX_URL_LENGTH },
  },
} as const;

export const customEventSchema = {
  $id: 'sightline-custom-event',
  type: 'object',
  additionalProperties: false,
  required: [...baseRequired, 'name'],
  properties: {
    ...baseProperties,
    type: { const: 'custom' },
    name: { type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH },
    props: {
      type: 'object',
      maxProperties: MAX_PROPS,
      propertyNames: { maxLength: MAX_NAME_LENGTH },
      additionalProperties: {
        type: ['string', 'number', 'boolean', 'null'],
        maxLength: MAX_PROP_VALUE_LENGTH,
      },
    },
  },
} as const;

export const eventSchema = {
  $id: 'sightline-event',
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  discriminator: { propertyName: 'type' },
  oneOf: [{ $ref: 'sightline-pageview-event' }, { $ref: 'sightline-custom-event' }],
} as const;

export const collectBodySchema = {
  $id: 'sightline-collect-body',
  type: 'object',
  additionalProperties: false,
  required: ['site', 'events'],
  properties: {
    site: idString,
    events: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_EVENTS_PER_BATCH,
      items: { $ref: 'sightline-event' },
    },
  },
} as const;

/** Every schema with an `$id`, in an order Ajv can add them in. */
export const protocolSchemas = [
  pageviewEventSchema,
  customEventSchema,
  eventSchema,
  collectBodySchema,
] as const;
