/** Wire format v1: what the SDK sends to `POST /v1/collect`. */

export type EventType =
  | 'pageview'
  | 'custom'
  | 'click'
  | 'scroll'
  | 'engagement'
  | 'timing'
  | 'vital'
  | 'error';

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
  /** Id of the pageview this event belongs to (every type but `pageview`). */
  pv?: string;
}

export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** Where and on what the page is seen; sent with each pageview. */
export interface PageContext {
  /** Screen size in CSS pixels, `1920x1080`. */
  screen?: string;
  /** Viewport size in CSS pixels, `1280x720`. */
  viewport?: string;
  /** `navigator.language`, e.g. `en-GB`. */
  language?: string;
  /** Time zone: an IANA name (`Europe/Paris`) or a UTC offset (`UTC+01:00`, what the SDK sends). */
  timezone?: string;
  device?: DeviceClass;
}

export interface PageviewEvent extends EventBase, PageContext {
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

export type ClickKind = 'link' | 'outbound' | 'download' | 'button' | 'other';

export interface ClickEvent extends EventBase {
  type: 'click';
  /** Short CSS selector path, e.g. `main > article:nth-of-type(2) > a.more`. */
  selector: string;
  tag: string;
  /** Trimmed visible text (never an input's value); absent when text capture is off. */
  text?: string;
  href?: string;
  kind: ClickKind;
  /** Clicks in this burst when it was a rage click (several fast clicks in a small area). */
  rage?: number;
  /** True when no navigation or DOM change followed the click. */
  dead?: boolean;
}

export interface ScrollEvent extends EventBase {
  type: 'scroll';
  /** Deepest point seen, in percent of the page height (0–100). */
  depth: number;
}

export interface EngagementEvent extends EventBase {
  type: 'engagement';
  /** Visible-and-focused time on the page since the last engagement event, in ms. */
  ms: number;
}

export interface TimingEvent extends EventBase {
  type: 'timing';
  /** Navigation Timing, ms from navigation start. */
  ttfb?: number;
  domReady?: number;
  load?: number;
}

export type VitalName = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';

export interface VitalEvent extends EventBase {
  type: 'vital';
  name: VitalName;
  value: number;
  rating?: 'good' | 'needs-improvement' | 'poor';
  /** Selector of the element behind LCP, INP or the largest CLS shift. */
  element?: string;
}

export interface ErrorEvent extends EventBase {
  type: 'error';
  kind: 'error' | 'rejection';
  message: string;
  source?: string;
  line?: number;
  col?: number;
  stack?: string;
  /** How many times this error happened on the page before it was sent. */
  count: number;
}

export type SightlineEvent =
  | PageviewEvent
  | CustomEvent
  | ClickEvent
  | ScrollEvent
  | EngagementEvent
  | TimingEvent
  | VitalEvent
  | ErrorEvent;

export interface CollectBody {
  site: string;
  events: SightlineEvent[];
  /** Events the SDK dropped since its last delivered batch (full queue …), by reason. */
  dropped?: Record<string, number>;
}

export interface CollectResult {
  accepted: number;
  duplicates: number;
  rejected?: number;
}

export interface ErrorBody {
  error: string;
  message: string;
}
