import type { EventType, PropValue, SightlineEvent } from '@sightline/protocol';

/**
 * Why the current page is being left: the tab was hidden (it may come back), the page is
 * going away (`pagehide`), or an SPA navigation is about to record the next pageview.
 */
export type LeaveReason = 'hidden' | 'pagehide' | 'navigate';

/** A pageview: its id and the URL it was recorded with. */
export type Page = [pv: string, url: string];

/** What a capture module gets from the client. */
export interface CaptureContext {
  /**
   * Queues an event. The client adds id, time, session and user, and ties every
   * non-pageview event to a pageview (`pv`) and its URL: the current one, or `at` (a
   * value `page()` returned earlier) for a signal measured on an earlier page. Returns
   * the queued event (filled in later, it is sent as it is then), or undefined.
   */
  emit(type: EventType, fields?: Record<string, unknown>, at?: Page): SightlineEvent | undefined;
  /** The current pageview, if any. */
  page(): Page | undefined;
  /**
   * Runs `handler` whenever the current page is left (see `LeaveReason`), before anything
   * is handed to `sendBeacon` and before the next SPA pageview: the moment to send a
   * per-page summary. `hidden` can happen several times per page; send only what changed.
   * Returns the handler's removal.
   */
  onLeave(handler: (reason: LeaveReason) => void): () => void;
  debug(message: string, detail?: unknown): void;
}

/** A capture module: starts listening when called, returns its `stop()`. */
export type Capture = (ctx: CaptureContext) => () => void;

export type Props = Record<string, PropValue>;
