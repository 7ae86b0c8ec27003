import type { EventType, PropValue } from '@sightline/protocol';

/** What a capture module gets: a way to send an event, and a debug logger. */
export interface CaptureContext {
  emit(type: EventType, fields?: Record<string, unknown>): void;
  debug(message: string, detail?: unknown): void;
}

/** A capture module: starts listening when called, returns its `stop()`. */
export type Capture = (ctx: CaptureContext) => () => void;

export type Props = Record<string, PropValue>;
