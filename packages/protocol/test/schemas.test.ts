import { Ajv, type AnySchema } from 'ajv';
import { describe, expect, test } from 'vitest';
import {
  MAX_EVENTS_PER_BATCH,
  MAX_ID_LENGTH,
  MAX_PROPS,
  MAX_RENDERER_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_URL_LENGTH,
  SCORED_HUMANNESS_FIELDS,
  collectBodySchema,
  humannessEventSchema,
  protocolSchemas,
} from '../src/index.js';

// Strict mode, as the collector compiles them: unknown keywords or loose types fail here.
const ajv = new Ajv({ strict: true, discriminator: true, allowUnionTypes: true });
for (const schema of protocolSchemas) ajv.addSchema(schema as AnySchema);
const validate = ajv.getSchema(collectBodySchema.$id)!;

const pageview = { id: 'e1', type: 'pageview', ts: 1_700_000_000_000, session: 's1', url: 'https://a.test/' };
const custom = { id: 'e2', type: 'custom', ts: 1_700_000_000_000, session: 's1', url: 'https://a.test/', name: 'signup' };
const humanness = {
  id: 'e3',
  type: 'humanness',
  ts: 1_700_000_000_000,
  session: 's1',
  url: 'https://a.test/',
  pv: 'e1',
  webdriver: false,
  headless: false,
  noPlugins: true,
  pluginMismatch: false,
  noLanguages: false,
  languageMismatch: false,
  oddScreen: false,
  platformMismatch: false,
  softwareWebgl: true,
  webglRenderer: 'llvmpipe (LLVM 15.0.7, 256 bits)',
  trustedEvents: 412,
  firstInteractionMs: 830,
  pointerMoves: 380,
  pointerPauses: 12,
  straightness: 0.87,
  speedMean: 640.5,
  speedCv: 0.71,
  accelSd: 41_000,
  turnMean: 0.21,
  turnSd: 0.33,
  clicks: 4,
  clickOffsetMean: 0.42,
  clickOffsetSd: 0.2,
  pressMean: 96,
  pressCv: 0.24,
  keys: 20,
  keyHoldMean: 101.5,
  keyHoldCv: 0.3,
  keyIntervalMean: 180,
  keyIntervalCv: 0.5,
  scrolls: 30,
  scrollIntervalMean: 45,
  scrollIntervalCv: 0.6,
  touches: 0,
  focusChanges: 2,
  visibilityChanges: 1,
};
const body = (...events: unknown[]) => ({ site: 'demo', events });

describe('collect body schema', () => {
  test.each([
    ['a pageview with only the required fields', body(pageview)],
    ['a pageview with title, referrer and user', body({ ...pageview, title: 'Home', referrer: 'https://r.test/', user: 'u1' })],
    ['a custom event with props', body({ ...custom, props: { plan: 'pro', seats: 3, trial: false, coupon: null } })],
    ['the largest batch', body(...Array.from({ length: MAX_EVENTS_PER_BATCH }, (_, i) => ({ ...pageview, id: `e${i}` })))],
    ['a title at its bound', body({ ...pageview, title: 'x'.repeat(MAX_TITLE_LENGTH) })],
    ['a full humanness summary of an older SDK (the fields no longer sent included)', body(humanness)],
    ['a humanness summary with only the base fields', body({ id: 'e4', type: 'humanness', ts: 1, session: 's1', url: 'https://a.test/' })],
    ['automation globals and a renderer at its bound', body({ ...humanness, automationGlobals: ['callPhantom', 'cdc'], webglRenderer: 'x'.repeat(MAX_RENDERER_LENGTH) })],
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
    ['an automation global outside the list', body({ ...humanness, automationGlobals: ['myGlobal'] })],
    ['an automation global twice', body({ ...humanness, automationGlobals: ['cdc', 'cdc'] })],
    ['a WebGL renderer past its bound', body({ ...humanness, webglRenderer: 'x'.repeat(MAX_RENDERER_LENGTH + 1) })],
    ['a humanness count that is fractional', body({ ...humanness, clicks: 1.5 })],
    ['a humanness count past its bound', body({ ...humanness, pointerMoves: 1_000_001 })],
    ['a negative humanness statistic', body({ ...humanness, pressMean: -1 })],
    ['a straightness above 1', body({ ...humanness, straightness: 1.01 })],
    ['a coefficient of variation past 100', body({ ...humanness, speedCv: 101 })],
    ['a turn past π', body({ ...humanness, turnMean: 3.2 })],
    ['a boolean trait that is a string', body({ ...humanness, webdriver: 'true' })],
    ['key values in a humanness summary', body({ ...humanness, keysTyped: 'hunter2' })],
  ])('rejects %s', (_name, value) => {
    expect(validate(JSON.parse(JSON.stringify(value)))).toBe(false);
  });
});

describe('humanness fields', () => {
  const own = Object.entries(humannessEventSchema.properties).filter(
    ([name]) => !['id', 'type', 'ts', 'session', 'url', 'user', 'pv'].includes(name),
  );

  test('each is either read by the collector (scored) or deprecated, never both', () => {
    const scored = new Set<string>(SCORED_HUMANNESS_FIELDS);
    for (const [name, schema] of own)
      expect(`${name}: ${'deprecated' in schema ? 'deprecated' : 'current'}`).toBe(
        `${name}: ${scored.has(name) ? 'current' : 'deprecated'}`,
      );
    for (const name of scored) expect(own.map(([n]) => n)).toContain(name);
  });
});
