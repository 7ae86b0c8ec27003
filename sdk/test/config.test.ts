import { describe, expect, test } from 'vitest';
import { capturePageviews } from '../src/capture/pageview.js';
import { resolveConfig, type SightlineOptions } from '../src/config.js';

describe('resolveConfig', () => {
  test.each([
    ['no options', undefined],
    ['null', null],
    ['no site', {}],
    ['an empty site', { site: '' }],
    ['a number', { site: 42 }],
    ['a space in the site', { site: 'my site' }],
    ['a slash in the site', { site: 'a/b' }],
    ['a site over 64 characters', { site: 'x'.repeat(65) }],
  ])('throws a TypeError for %s', (_, options) => {
    expect(() => resolveConfig(options as unknown as SightlineOptions)).toThrow(TypeError);
  });

  test.each(['demo', 'my-site.example_1:prod', 'x'.repeat(64)])('accepts the site id %s', (site) => {
    expect(resolveConfig({ site }).site).toBe(site);
  });

  test('defaults', () => {
    expect(resolveConfig({ site: 'demo' })).toEqual({
      site: 'demo',
      collectUrl: `${location.origin}/v1/collect`,
      capture: [capturePageviews],
      respectDnt: true,
      debug: false,
      flushInterval: 1000,
      maxBatch: 20,
    });
  });

  test.each([
    [{}, 'http://localhost:3000/v1/collect'],
    [{ endpoint: 'https://stats.example.com' }, 'https://stats.example.com/v1/collect'],
    [{ endpoint: 'https://stats.example.com/' }, 'https://stats.example.com/v1/collect'],
    [{ endpoint: 'https://stats.example.com///' }, 'https://stats.example.com/v1/collect'],
    [{ endpoint: 'https://example.com/analytics/' }, 'https://example.com/analytics/v1/collect'],
    [{ endpoint: '' }, 'http://localhost:3000/v1/collect'],
    [{ collectPath: '/api/event' }, 'http://localhost:3000/api/event'],
    [{ endpoint: 'https://stats.example.com/', collectPath: '/api/event' }, 'https://stats.example.com/api/event'],
    [{ endpoint: 'https://stats.example.com', collectPath: 'api/event' }, 'https://stats.example.com/api/event'],
  ])('%j → collect URL %s', (options, url) => {
    expect(resolveConfig({ site: 'demo', ...options }).collectUrl).toBe(url);
  });

  test.each([
    [undefined, 20],
    [1, 1],
    [50, 50],
    [100, 100],
    [0, 1],
    [-5, 1],
    [500, 100],
    [Number.NaN, 20],
  ])('maxBatch %s → %i', (maxBatch, expected) => {
    expect(resolveConfig({ site: 'demo', maxBatch }).maxBatch).toBe(expected);
  });

  test.each([
    [{ respectDnt: false }, 'respectDnt', false],
    [{ respectDnt: true }, 'respectDnt', true],
    [{ debug: true }, 'debug', true],
    [{ flushInterval: 0 }, 'flushInterval', 0],
    [{ flushInterval: 5000 }, 'flushInterval', 5000],
    [{ capture: [] }, 'capture', []],
  ])('%j sets %s', (options, key, value) => {
    expect(resolveConfig({ site: 'demo', ...options })[key as keyof ReturnType<typeof resolveConfig>]).toEqual(value);
  });
});
