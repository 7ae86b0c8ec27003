/** Wire format v1: what the SDK sends to `POST /v1/collect`. */

export type EventType = 'pageview' | 'custom';

export interface EventBase {
  /** Client-made, unique per site; a repeat is counted once. */
  id: string;
  type: EventType;
  /** Epoch milliseconds when the event happened on the client. */
  ts: number;
  /** Client session id. */
  session: string;
  /** Full page URL at the time of the event. */
  url: string;
  /** Identified user id, when the site called `identify()`. */
  user?: string;
}

export interface PageviewEvent extends EventBase {
  type: 'pageview';
  title?: string;
  referrer?: string;
}

export type PropValue = string | number | boolean | null;

export interface CustomEvent extends EventBase {
  type: 'custom';
  name: string;
  props?: Record<string, PropValue>;
}

export type SightlineEvent = PageviewEvent | CustomEvent;

export interface CollectBody {
  site: string;
  events: SightlineEvent[];
}

export interface CollectResult {
  accepted: number;
  duplicates: number;
}

export interface ErrorBody {
  error: string;
  message: string;
}
