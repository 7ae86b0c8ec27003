/**
 * Uncaught errors and unhandled promise rejections. The first time a distinct error
 * happens on a page it is sent at once (count 1); its repeats are only counted, and go out
 * as one event with their count when the page is left, so an error thrown in a render loop
 * costs two events, not thousands. Nothing here prevents the browser's own reporting.
 */
import {
  MAX_MESSAGE_LENGTH,
  MAX_STACK_LENGTH,
  MAX_URL_LENGTH,
  type ErrorEvent as WireErrorEvent,
  type EventBase,
} from '@sightline/protocol';
import { clamp } from '../lib/clamp.js';
import { listen } from '../lib/listen.js';
import { safely } from '../lib/safely.js';
import { truncateStack } from '../lib/truncateStack.js';
import type { Capture } from '../types.js';

export interface ErrorCaptureOptions {
  /** Distinct errors sent per page; later new ones are dropped (repeats still count). Default 20. */
  maxPerPage?: number;
}

const MAX_PER_PAGE = 20;
/** The top frames locate an error; V8 keeps 10 by default (`Error.stackTraceLimit`). */
const MAX_FRAMES = 10;
/** The collector's bound for `count`. */
const MAX_COUNT = 1_000_000;

/** What an error event carries of its own, before its count. */
type ErrorFields = Omit<WireErrorEvent, keyof EventBase | 'count'>;

/** Message and stack of a thrown value: an Error (of any realm) as `Name: message`, else its string. */
function describe(value: unknown): { message: string; stack?: unknown } {
  const error = value as { name?: unknown; message?: unknown; stack?: unknown } | null;
  if (value instanceof Error || (typeof error?.message === 'string' && typeof error.name === 'string')) {
    const { name, message, stack } = error as { name: string; message: string; stack?: unknown };
    return { message: name && message ? `${name}: ${message}` : message || name, stack };
  }
  try {
    return { message: String(value) };
  } catch {
    // An object without a prototype, or whose toString throws.
    return { message: Object.prototype.toString.call(value) };
  }
}

/** What a handler found, before the wire bounds. */
interface RawError {
  message: string;
  stack?: unknown;
  source?: string;
  line?: number;
  col?: number;
}

function errorFields(
  kind: ErrorFields['kind'],
  { message, stack, source, line, col }: RawError,
): ErrorFields {
  const fields: ErrorFields = { kind, message: clamp(message, MAX_MESSAGE_LENGTH) };
  if (source) fields.source = clamp(source, MAX_URL_LENGTH);
  // 0 is the browser's "unknown".
  if (Number.isInteger(line) && (line as number) > 0) fields.line = line;
  if (Number.isInteger(col) && (col as number) > 0) fields.col = col;
  if (typeof stack === 'string' && stack) fields.stack = truncateStack(stack, MAX_FRAMES, MAX_STACK_LENGTH);
  return fields;
}

export function createErrorCapture({ maxPerPage }: ErrorCaptureOptions = {}): Capture {
  // NaN fails both comparisons.
  const max =
    typeof maxPerPage === 'number' && maxPerPage >= 0 && maxPerPage < Infinity
      ? Math.floor(maxPerPage)
      : MAX_PER_PAGE;

  return (ctx) => {
    // This page's distinct errors (bounded by `max`), each with its repeats not sent yet.
    const seen = new Map<string, [fields: ErrorFields, repeats: number]>();

    const record = (fields: ErrorFields): void => {
      const key = JSON.stringify([fields.kind, fields.message, fields.source, fields.line, fields.col]);
      const entry = seen.get(key);
      if (entry) {
        entry[1] = Math.min(entry[1] + 1, MAX_COUNT);
      } else if (seen.size >= max) {
        ctx.debug(`error not sent: over ${max} distinct errors on this page`, fields.message);
      } else {
        seen.set(key, [fields, 0]);
        ctx.emit('error', { ...fields, count: 1 });
      }
    };
    const onFailure = (error: unknown): void => ctx.debug('error not captured', error);

    const stops = [
      listen(
        window,
        'error',
        safely((event: Event) => {
          // Failed loads (img, script, link) are plain Events and do not bubble to window;
          // only script errors are ErrorEvents.
          if (!(event instanceof ErrorEvent)) return;
          const thrown = event.error == null ? undefined : describe(event.error);
          record(
            errorFields('error', {
              message: event.message || thrown?.message || '',
              stack: thrown?.stack,
              source: event.filename,
              line: event.lineno,
              col: event.colno,
            }),
          );
        }, onFailure),
      ),
      listen(
        window,
        'unhandledrejection',
        safely((event: Event) => {
          record(errorFields('rejection', describe((event as PromiseRejectionEvent).reason)));
        }, onFailure),
      ),
      ctx.onLeave((reason) => {
        for (const entry of seen.values()) {
          if (entry[1]) ctx.emit('error', { ...entry[0], count: entry[1] });
          entry[1] = 0;
        }
        if (reason === 'navigate') seen.clear();
      }),
    ];

    return () => {
      for (const stop of stops) stop();
    };
  };
}

/** Errors with the default options. */
export const captureErrors: Capture = /* @__PURE__ */ createErrorCapture();
