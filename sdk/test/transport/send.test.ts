import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KEEPALIVE_MAX_BYTES, sendBatch, sendBeacon } from '../../src/transport/send.js';
import { stubFetch } from '../utils/stubFetch.js';

const URL_ = 'http://collector.test/v1/collect';
const BODY = '{"site":"demo","events":[]}';
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('sendBatch', () => {
  test('POSTs a CORS-simple text/plain body with keepalive and no credentials', async () => {
    const fetchMock = stubFetch(202);
    await sendBatch(URL_, BODY);
    expect(fetchMock).toHaveBeenCalledExactlyOnceWith(URL_, {
      method: 'POST',
      body: BODY,
      headers: { 'content-type': 'text/plain' },
      keepalive: true,
      credentials: 'omit',
    });
  });

  test.each([
    ['a body at the limit (kept alive)', () => 'x'.repeat(KEEPALIVE_MAX_BYTES), true],
    ['a body over the limit (not kept alive)', () => 'x'.repeat(KEEPALIVE_MAX_BYTES + 1), false],
    // 25 000 three-byte characters: short in UTF-16 units, 75 000 bytes on the wire. Browsers
    // count bytes and reject a keepalive body over 64 KiB, which would be retried forever.
    ['a multi-byte body over the limit in bytes (not kept alive)', () => '語'.repeat(25_000), false],
  ])('keepalive for %s', async (_, makeBody, keepalive) => {
    const fetchMock = stubFetch(202);
    await sendBatch(URL_, makeBody());
    expect(fetchMock.mock.calls[0]?.[1]?.keepalive).toBe(keepalive);
  });

  test.each([
    [200, 'ok'],
    [202, 'ok'],
    [204, 'ok'],
    [400, 'drop'],
    [403, 'drop'],
    [404, 'drop'],
    [413, 'drop'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
  ])('HTTP %i → %s', async (status, kind) => {
    stubFetch(status);
    expect((await sendBatch(URL_, BODY)).kind).toBe(kind);
  });

  test('a drop names the status and the collector message', async () => {
    stubFetch({ status: 400, body: '{"error":"invalid_body","message":"events/0/url is required"}' });
    expect(await sendBatch(URL_, BODY)).toEqual({
      kind: 'drop',
      reason: 'HTTP 400 {"error":"invalid_body","message":"events/0/url is required"}',
    });
  });

  test('a network error is retried', async () => {
    stubFetch(new TypeError('Failed to fetch'));
    expect(await sendBatch(URL_, BODY)).toEqual({
      kind: 'retry',
      afterMs: null,
      reason: 'network: TypeError: Failed to fetch',
    });
  });

  test.each([
    ['no header', undefined, null],
    ['seconds', '120', 120_000],
    ['zero seconds', '0', 0],
    ['fractional seconds', '1.5', 1500],
    ['negative seconds', '-5', 0],
    ['an HTTP-date 30 s ahead', new Date(NOW + 30_000).toUTCString(), 30_000],
    ['an HTTP-date in the past', new Date(NOW - 60_000).toUTCString(), 0],
    ['garbage', 'soon', null],
  ])('Retry-After with %s → afterMs %s', async (_, header, afterMs) => {
    stubFetch({ status: 429, headers: header === undefined ? {} : { 'Retry-After': header } });
    expect(await sendBatch(URL_, BODY)).toEqual({ kind: 'retry', afterMs, reason: 'HTTP 429' });
  });

  test('Retry-After on a 503 is read too', async () => {
    stubFetch({ status: 503, headers: { 'retry-after': '7' } });
    expect(await sendBatch(URL_, BODY)).toEqual({ kind: 'retry', afterMs: 7000, reason: 'HTTP 503' });
  });

  test('never rejects, even when reading the error body fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => ({ status: 400, headers: new Headers(), text: () => Promise.reject(new Error('aborted')) })),
    );
    expect(await sendBatch(URL_, BODY)).toEqual({ kind: 'drop', reason: 'HTTP 400 ' });
  });
});

describe('sendBeacon', () => {
  test.each([true, false])('hands the body to navigator.sendBeacon and returns its answer (%s)', (accepted) => {
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(accepted);
    expect(sendBeacon(URL_, BODY)).toBe(accepted);
    expect(beacon).toHaveBeenCalledExactlyOnceWith(URL_, BODY);
  });

  test('returns false when sendBeacon throws', () => {
    vi.spyOn(navigator, 'sendBeacon').mockImplementation(() => {
      throw new TypeError('Illegal invocation');
    });
    expect(sendBeacon(URL_, BODY)).toBe(false);
  });

  test('returns false where sendBeacon does not exist', () => {
    Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: undefined });
    try {
      expect(sendBeacon(URL_, BODY)).toBe(false);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).sendBeacon;
    }
    expect(typeof navigator.sendBeacon).toBe('function');
  });
});
