/**
 * JSON Schemas (draft-07, as Ajv reads them) for the wire format. The collector validates
 * every request with these; they are the single source of truth next to `events.ts`.
 */
import { AUTOMATION_GLOBALS, MAX_RENDERER_LENGTH } from './events.js';
import {
  MAX_EVENTS_PER_BATCH,
  MAX_ID_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PROPS,
  MAX_PROP_VALUE_LENGTH,
  MAX_SELECTOR_LENGTH,
  MAX_STACK_LENGTH,
  MAX_TEXT_LENGTH,
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

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const ms = { type: 'number', minimum: 0, maximum: 86_400_000 } as const;

const baseProperties = {
  id: idString,
  ts: { type: 'integer', minimum: 0 },
  session: idString,
  url: { type: 'string', minLength: 1, maxLength: MAX_URL_LENGTH },
  user: { type: 'string', minLength: 1, maxLength: MAX_USER_LENGTH },
  pv: idString,
} as const;

const baseRequired = ['id', 'type', 'ts', 'session', 'url'] as const;

/** One event type's schema: the common fields plus its own. */
function eventSchema<const T extends string, const P extends object, const R extends readonly string[]>(
  type: T,
  properties: P,
  required: R,
) {
  return {
    $id: `sightline-${type}-event`,
    type: 'object',
    additionalProperties: false,
    required: [...baseRequired, ...required],
    properties: { ...baseProperties, type: { const: type }, ...properties },
  } as const;
}

export const pageviewEventSchema = eventSchema(
  'pageview',
  {
    title: text(MAX_TITLE_LENGTH),
    referrer: text(MAX_URL_LENGTH),
    screen: { type: 'string', pattern: '^\\d{1,5}x\\d{1,5}$' },
    viewport: { type: 'string', pattern: '^\\d{1,5}x\\d{1,5}$' },
    language: text(35),
    timezone: text(64),
    device: { enum: ['mobile', 'tablet', 'desktop'] },
  },
  [],
);

export const customEventSchema = eventSchema(
  'custom',
  {
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
  ['name'],
);

export const clickEventSchema = eventSchema(
  'click',
  {
    selector: text(MAX_SELECTOR_LENGTH),
    tag: { type: 'string', maxLength: 32 },
    text: text(MAX_TEXT_LENGTH),
    href: text(MAX_URL_LENGTH),
    kind: { enum: ['link', 'outbound', 'download', 'button', 'other'] },
    rage: { type: 'integer', minimum: 2, maximum: 1000 },
    dead: { type: 'boolean' },
  },
  ['selector', 'tag', 'kind'],
);

export const scrollEventSchema = eventSchema(
  'scroll',
  { depth: { type: 'number', minimum: 0, maximum: 100 } },
  ['depth'],
);

export const engagementEventSchema = eventSchema('engagement', { ms }, ['ms']);

export const timingEventSchema = eventSchema('timing', { ttfb: ms, domReady: ms, load: ms }, []);

export const vitalEventSchema = eventSchema(
  'vital',
  {
    name: { enum: ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] },
    value: { type: 'number', minimum: 0, maximum: 86_400_000 },
    rating: { enum: ['good', 'needs-improvement', 'poor'] },
    element: text(MAX_SELECTOR_LENGTH),
  },
  ['name', 'value'],
);

export const errorEventSchema = eventSchema(
  'error',
  {
    kind: { enum: ['error', 'rejection'] },
    message: text(MAX_MESSAGE_LENGTH),
    source: text(MAX_URL_LENGTH),
    line: { type: 'integer', minimum: 0 },
    col: { type: 'integer', minimum: 0 },
    stack: text(MAX_STACK_LENGTH),
    count: { type: 'integer', minimum: 1, maximum: 1_000_000 },
  },
  ['kind', 'message', 'count'],
);

const flag = { type: 'boolean' } as const;
const count = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;
const upTo = (maximum: number) => ({ type: 'number', minimum: 0, maximum }) as const;
/** Coefficients of variation: the SDK caps them at 100. */
const cv = upTo(100);

/**
 * A field the SDK no longer sends (`@deprecated` in `HumannessEvent`): still accepted, within
 * its bounds, from older SDKs (the event schemas reject unknown properties), never read.
 */
const old = <const S extends object>(schema: S) => ({ ...schema, deprecated: true }) as const;

export const humannessEventSchema = eventSchema(
  'humanness',
  {
    webdriver: flag,
    headless: flag,
    automationGlobals: {
      type: 'array',
      maxItems: AUTOMATION_GLOBALS.length,
      uniqueItems: true,
      items: { enum: AUTOMATION_GLOBALS },
    },
    softwareWebgl: flag,
    webglRenderer: old(text(MAX_RENDERER_LENGTH)),
    noPlugins: flag,
    pluginMismatch: old(flag),
    noLanguages: flag,
    languageMismatch: old(flag),
    permissionMismatch: old(flag),
    oddScreen: flag,
    platformMismatch: flag,
    trustedEvents: count,
    untrustedEvents: count,
    firstInteractionMs: old(ms),
    pointerMoves: count,
    pointerPauses: old(count),
    straightness: old(upTo(1)),
    speedMean: old(upTo(100_000)),
    speedCv: old(cv),
    accelSd: old(upTo(10_000_000)),
    turnMean: upTo(Math.PI),
    turnSd: old(upTo(Math.PI)),
    clicks: count,
    clicksWithoutPointerMove: count,
    centredClicks: old(count),
    clickOffsetMean: upTo(100),
    clickOffsetSd: upTo(100),
    pressMean: ms,
    pressCv: old(cv),
    keys: count,
    keyHoldMean: ms,
    keyHoldCv: old(cv),
    keyIntervalMean: ms,
    keyIntervalCv: old(cv),
    scrolls: old(count),
    scrollIntervalMean: old(ms),
    scrollIntervalCv: old(cv),
    touches: count,
    focusChanges: old(count),
    visibilityChanges: old(count),
  },
  [],
);

const typedSchemas = [
  pageviewEventSchema,
  customEventSchema,
  clickEventSchema,
  scrollEventSchema,
  engagementEventSchema,
  timingEventSchema,
  vitalEventSchema,
  errorEventSchema,
  humannessEventSchema,
] as const;

export const anyEventSchema = {
  $id: 'sightline-event',
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  discriminator: { propertyName: 'type' },
  oneOf: typedSchemas.map((s) => ({ $ref: s.$id })),
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
    dropped: {
      type: 'object',
      maxProperties: 8,
      propertyNames: { maxLength: 32 },
      additionalProperties: { type: 'integer', minimum: 0 },
    },
  },
} as const;

/** Every schema with an `$id`, in an order Ajv can add them in. */
export const protocolSchemas = [...typedSchemas, anyEventSchema, collectBodySchema] as const;
