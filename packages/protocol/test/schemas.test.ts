import { Ajv, type AnySchema } from 'ajv';
import { describe, expect, test } from 'vitest';
import {
  MAX_EVENTS_PER_BATCH,
  MAX_ID_LENGTH,
  MAX_PROPS,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  collectBodySchema,
  protocolSchemas,
} from '../src/index.js';

// Strict mode, as the collector compiles them: unknown keywords or loose types fail here.
const ajv = new Ajv({ strict: true, discriminator: true, allowUnionTypes: true });
for (const schema of protocolSchemas) ajv.addSchema(schema as AnySchema);
const validate = ajv.getSchema(collectBodySchema.$id)!;

const pageview = { id: 'e1', type: 'pageview', ts: 1_700_000_000_000, session: 's1', url: 'https://a.test/' };
const custom = { id: 'e2', type: 'custom', ts: 1_700_000_000_000, session: 's1', url: 'https://a.test/', name: 'signup' };
const body = (...events: unknown[]) => ({ site: 'demo', events });

describe('collect body schema', () => {
  test.each([
    ['a pageview with only the required fields', body(pageview)],
    ['a pageview with title, referrer and user', body({ ...pageview, title: 'Home', referrer: 'https://r.test/', user: 'u1' })],
    ['a custom event with props', body({ ...custom, props: { plan: 'pro', seats: 3, trial: false, coupon: null } })],
    ['the largest batch', body(...Array.from({ length: MAX_EVENTS_PER_BATCH }, (_, i) => ({ ...pageview, id: `e${i}` })))],
    ['a title at its bound', body({ ...pageview, title: 'x'.repeat(MAX_TITLE_LENGTH) })],
  ])('accepts %s', (_name, value) => {
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  test.each([
    ['no events', body()],
    ['too many events', body(...Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, (_, i) => ({ ...pageview, id: `e${i}` })))],
    ['a ts that is a string', body({ ...pageview, ts: '1700000000000' })],
    ['a fractional ts', body({ ...pageview, ts: 1.5 })],
    ['a missing id', body({ ...pageview, id: undefined })],
    ['an id with spaces', body({ ...pageview, id: 'a b' })],
    ['an id past its bound', body({ ...pageview, id: 'x'.repeat(MAX_ID_LENGTH + 1) })],
    ['an unknown type', body({ ...pageview, type: 'teleport' })],
    ['an unknown property', body({ ...pageview, extra: 1 })],
    ['a URL past its bound', body({ ...pageview, url: `https://a.test/${'x'.repeat(MAX_URL_LENGTH)}` })],
    ['a title past its bound', body({ ...pageview, title: 'x'.repeat(MAX_TITLE_LENGTH + 1) })],
    ['a custom event without a name', body({ ...custom, name: undefined })],
    ['props with an object value', body({ ...custom, props: { nested: { a: 1 } } })],
    ['too many props', body({ ...custom, props: Object.fromEntries(Array.from({ length: MAX_PROPS + 1 }, (_, i) => [`k${i}`, i])) })],
    ['a pageview carrying props', body({ ...pageview, props: {} })],
    ['a missing site', { events: [pageview] }],
  ])('rejects %s', (_name, value) => {
    expect(validate(JSON.parse(JSON.stringify(value)))).toBe(false);
  });
});
