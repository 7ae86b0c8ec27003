import { MAX_MESSAGE_LENGTH, MAX_STACK_LENGTH, MAX_URL_LENGTH } from '@sightline/protocol';
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { captureErrors, createErrorCapture } from '../../src/capture/errors.js';
import type { Capture } from '../../src/types.js';
import { createFakeCaptureContext } from '../utils/createFakeCaptureContext.js';
import { rejectionEvent } from '../utils/rejectionEvent.js';
import { trackListeners } from '../utils/trackListeners.js';

const SOURCE = 'https://site.test/app.js';
const STACK = `TypeError: x is not a function\n    at render (${SOURCE}:10:5)\n    at main (${SOURCE}:20:1)`;

let fake: ReturnType<typeof createFakeCaptureContext>;
let stop: (() => void) | undefined;
let consoleError: MockInstance;

function start(capture: Capture = captureErrors): void {
  fake = createFakeCaptureContext();
  stop = capture(fake.ctx);
}

/** The error events sent so far (their fields). */
const sent = (): Array<Record<string, unknown>> =>
  fake.emitted.filter((e) => e.type === 'error').map((e) => e.fields);

/** An uncaught error as the browser reports it to window; returns the event. */
function throwError(init: ErrorEventInit = {}): ErrorEvent {
  const error = Object.assign(new TypeError('x is not a function'), { stack: STACK });
  const event = new ErrorEvent('error', {
    message: 'Uncaught TypeError: x is not a function',
    filename: SOURCE,
    lineno: 10,
    colno: 5,
    error,
    cancelable: true,
    ...init,
  });
  window.dispatchEvent(event);
  return event;
}

const FIRST = {
  kind: 'error',
  message: 'Uncaught TypeError: x is not a function',
  source: SOURCE,
  line: 10,
  col: 5,
  stack: STACK,
};

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});

afterEach(() => {
  stop?.();
  stop = undefined;
  expect(consoleError).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

describe('captureErrors: window errors', () => {
  test('the first occurrence is sent at once, with count 1', () => {
    start();
    throwError();
    expect(sent()).toEqual([{ ...FIRST, count: 1 }]);
  });

  test('repeats are counted and sent on leave as one event; nothing new, nothing sent', () => {
    start();
    for (let i = 0; i < 4; i++) throwError();
    expect(sent()).toHaveLength(1);
    fake.leave('hidden');
    expect(sent()).toEqual([
      { ...FIRST, count: 1 },
      { ...FIRST, count: 3 },
    ]);
    fake.leave('hidden');
    fake.leave('pagehide');
    expect(sent()).toHaveLength(2);
    throwError();
    fake.leave('pagehide');
    expect(sent()[2]).toEqual({ ...FIRST, count: 1 });
  });

  test.each<[string, ErrorEventInit]>([
    ['another message', { message: 'Uncaught ReferenceError: y is not defined' }],
    ['another source', { filename: 'https://site.test/vendor.js' }],
    ['another line', { lineno: 11 }],
    ['another column', { colno: 6 }],
  ])('%s is a distinct error, sent at once', (_name, init) => {
    start();
    throwError();
    throwError(init);
    expect(sent().map((fields) => fields.count)).toEqual([1, 1]);
  });

  test('the same message as a rejection is a distinct error', () => {
    start();
    throwError({ message: 'TypeError: x is not a function' });
    window.dispatchEvent(rejectionEvent(new TypeError('x is not a function')));
    expect(sent().map((fields) => fields.kind)).toEqual(['error', 'rejection']);
  });

  test.each<[string, ErrorEventInit, Record<string, unknown>]>([
    ['a thrown string: no stack', { error: 'oops', message: 'Uncaught oops' }, { message: 'Uncaught oops' }],
    [
      'cross-origin "Script error.": message only',
      { error: null, message: 'Script error.', filename: '', lineno: 0, colno: 0 },
      { message: 'Script error.' },
    ],
    [
      'no message: the thrown Error describes it',
      { message: '', error: new RangeError('too far') },
      { message: 'RangeError: too far' },
    ],
  ])('%s', (_name, init, expected) => {
    start();
    throwError(init);
    const [fields] = sent();
    expect(fields).toMatchObject(expected);
    if (init.error === null || typeof init.error === 'string') expect(fields).not.toHaveProperty('stack');
  });

  test('resource load errors are ignored', () => {
    start();
    const img = document.createElement('img');
    document.body.append(img);
    img.dispatchEvent(new Event('error')); // how a failed <img> reports: no bubbling
    window.dispatchEvent(new Event('error')); // a plain Event at window is not a script error either
    img.remove();
    expect(sent()).toEqual([]);
  });

  test('does not prevent the default (the browser still reports the error)', () => {
    start();
    expect(throwError().defaultPrevented).toBe(false);
    const rejection = rejectionEvent('x');
    window.dispatchEvent(rejection);
    expect(rejection.defaultPrevented).toBe(false);
  });
});

describe('captureErrors: unhandled rejections', () => {
  const error = Object.assign(new TypeError('boom'), {
    stack: `TypeError: boom\n    at load (${SOURCE}:3:7)`,
  });
  test.each<[string, unknown, Record<string, unknown>]>([
    [
      'an Error: name, message and stack',
      error,
      { kind: 'rejection', message: 'TypeError: boom', stack: error.stack, count: 1 },
    ],
    [
      'an Error without a stack',
      Object.assign(new Error('bare'), { stack: undefined }),
      { kind: 'rejection', message: 'Error: bare', count: 1 },
    ],
    [
      'an error-like object (another realm, DOMException)',
      { name: 'AbortError', message: 'aborted' },
      { kind: 'rejection', message: 'AbortError: aborted', count: 1 },
    ],
    ['a string', 'nope', { kind: 'rejection', message: 'nope', count: 1 }],
    ['a number', 404, { kind: 'rejection', message: '404', count: 1 }],
    ['undefined', undefined, { kind: 'rejection', message: 'undefined', count: 1 }],
    ['a plain object', { code: 1 }, { kind: 'rejection', message: '[object Object]', count: 1 }],
    [
      'an object without prototype',
      Object.create(null),
      { kind: 'rejection', message: '[object Object]', count: 1 },
    ],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('no');
        },
      },
      { kind: 'rejection', message: '[object Object]', count: 1 },
    ],
  ])('%s', (_name, reason, expected) => {
    start();
    window.dispatchEvent(rejectionEvent(reason));
    expect(sent()).toEqual([expected]);
  });

  test('a long string reason is capped', () => {
    start();
    window.dispatchEvent(rejectionEvent('r'.repeat(5000)));
    expect(sent()[0]?.message).toBe('r'.repeat(MAX_MESSAGE_LENGTH));
  });

  test('a reason that throws on every access never reaches the page', () => {
    start();
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        getPrototypeOf: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => window.dispatchEvent(rejectionEvent(hostile))).not.toThrow();
    expect(sent()).toEqual([]);
    expect(fake.debug).toContain('error not captured');
  });
});

describe('captureErrors: bounds', () => {
  test('message, source and stack are cut to the wire bounds; stack to 10 frames', () => {
    const frames = Array.from({ length: 30 }, (_, i) => `    at f${i} (${SOURCE}:${i + 1}:1)`);
    start();
    throwError({
      message: 'm'.repeat(5000),
      filename: `${SOURCE}?${'q'.repeat(5000)}`,
      error: Object.assign(new Error('long'), { stack: ['Error: long', ...frames].join('\n') }),
    });
    const [fields] = sent();
    expect(fields?.message).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(fields?.source).toHaveLength(MAX_URL_LENGTH);
    expect(fields?.stack).toBe(['Error: long', ...frames.slice(0, 10)].join('\n'));
  });

  test('a stack of huge frames is cut to MAX_STACK_LENGTH', () => {
    start();
    const frame = `    at f (${SOURCE}?${'x'.repeat(1000)}:1:1)`;
    throwError({
      error: Object.assign(new Error('wide'), { stack: `Error: wide\n${Array(10).fill(frame).join('\n')}` }),
    });
    expect(sent()[0]?.stack).toHaveLength(MAX_STACK_LENGTH);
  });

  test('after 20 distinct errors a page drops new ones (debug-logged); repeats still count', () => {
    start();
    for (let i = 0; i < 25; i++) throwError({ message: `error ${i}` });
    expect(sent()).toHaveLength(20);
    expect(fake.debug.filter((m) => m.startsWith('error not sent: over 20 distinct errors'))).toHaveLength(5);
    throwError({ message: 'error 0' });
    fake.leave('hidden');
    expect(sent()).toHaveLength(21);
    expect(sent()[20]).toMatchObject({ message: 'error 0', count: 1 });
  });

  test('maxPerPage sets the cap', () => {
    start(createErrorCapture({ maxPerPage: 2 }));
    for (let i = 0; i < 5; i++) throwError({ message: `error ${i}` });
    expect(sent().map((fields) => fields.message)).toEqual(['error 0', 'error 1']);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number])(
    'maxPerPage %s falls back to 20',
    (maxPerPage) => {
      start(createErrorCapture({ maxPerPage }));
      for (let i = 0; i < 25; i++) throwError({ message: `error ${i}` });
      expect(sent()).toHaveLength(20);
    },
  );

  test('maxPerPage 0 sends nothing', () => {
    start(createErrorCapture({ maxPerPage: 0 }));
    throwError();
    expect(sent()).toEqual([]);
  });
});

describe('captureErrors: pages', () => {
  test('navigate sends the repeats, then the next page starts afresh (first sent, cap reset)', () => {
    start(createErrorCapture({ maxPerPage: 1 }));
    throwError();
    throwError();
    throwError({ message: 'over the cap' });
    fake.leave('navigate');
    expect(sent().map((fields) => fields.count)).toEqual([1, 1]);
    throwError();
    throwError({ message: 'over the cap' });
    expect(sent()).toHaveLength(3);
    expect(sent()[2]).toEqual({ ...FIRST, count: 1 });
  });

  test('hidden keeps the page: the same error after it is a repeat', () => {
    start();
    throwError();
    fake.leave('hidden');
    throwError();
    expect(sent()).toHaveLength(1);
  });

  test('stop() removes every listener and the leave handler', () => {
    const listeners = trackListeners({ window, document });
    start();
    expect(listeners.active()).toEqual(['window:error', 'window:unhandledrejection']);
    stop?.();
    stop = undefined;
    expect(listeners.active()).toEqual([]);
    expect(fake.leaveHandlers.size).toBe(0);
    throwError();
    expect(sent()).toEqual([]);
  });
});
