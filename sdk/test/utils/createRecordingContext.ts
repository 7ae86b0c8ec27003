import type { EventType } from '@sightline/protocol';
import type { CaptureContext, Page } from '../../src/types.js';

export interface RecordedEmit {
  type: EventType;
  fields: Record<string, unknown>;
  /** `location.href` when the event was emitted. */
  href: string;
  /** The page it was credited to, when the capture named one. */
  at?: Page;
}

/** A capture context that records what a capture module emits, instead of sending it. */
export function createRecordingContext(): { ctx: CaptureContext; emitted: RecordedEmit[]; debug: string[] } {
  const emitted: RecordedEmit[] = [];
  const debug: string[] = [];
  const ctx: CaptureContext = {
    emit: (type, fields = {}, at) => {
      emitted.push({ type, fields, href: location.href, ...(at ? { at } : {}) });
    },
    page: () => ['pv-now', location.href],
    // Captures that summarise on leave are tested with createFakeCaptureContext.
    onLeave: () => () => undefined,
    debug: (message) => {
      debug.push(message);
    },
  };
  return { ctx, emitted, debug };
}
