/** Wire format v1: what the SDK sends to `POST /v1/collect`. */

export type EventType =
  | 'pageview'
  | 'custom'
  | 'click'
  | 'scroll'
  | 'engagement'
  | 'timing'
  | 'vital'
  | 'error'
  | 'humanness';

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

/**
 * Globals that automation tools leave in a page (Playwright, PhantomJS, Nightmare, Selenium
 * drivers, Chrome's `domAutomation`); `cdc` stands for ChromeDriver's `cdc_…`/`$cdc_…` keys.
 * The only values `HumannessEvent.automationGlobals` may hold.
 */
export const AUTOMATION_GLOBALS = [
  '__playwright__binding__',
  '__pwInitScripts',
  '_phantom',
  'callPhantom',
  '__nightmare',
  'domAutomation',
  'domAutomationController',
  '_selenium',
  'callSelenium',
  '_Selenium_IDE_Recorder',
  '__webdriver_evaluate',
  '__driver_evaluate',
  '__selenium_unwrapped',
  '__webdriver_script_fn',
  '__fxdriver_unwrapped',
  '__lastWatirAlert',
  'cdc',
] as const;
export type AutomationGlobal = (typeof AUTOMATION_GLOBALS)[number];

/** Longest WebGL renderer name accepted (older SDKs sent a software rasteriser's; no longer sent). */
export const MAX_RENDERER_LENGTH = 128;

/**
 * Humanness summary of one page view, sent when the page is left (again at a later leave
 * only when something changed; each is cumulative for the page view, so the latest one per
 * `pv` is the whole story). Compact statistics only: no pointer traces, no key values.
 * Means appear from one sample, `clickOffsetSd` from two. The SDK sends only the fields in
 * `SCORED_HUMANNESS_FIELDS`; the `@deprecated` ones came from older SDKs, which the
 * collector still accepts (their values within bounds) and ignores. (`…Cv` was a
 * coefficient of variation, standard deviation / mean.)
 */
export interface HumannessEvent extends EventBase {
  type: 'humanness';
  // Automation traits, read once per document at idle (booleans: true when seen).
  webdriver?: boolean;
  /** `Headless` in the user agent or its Client Hints brands. */
  headless?: boolean;
  automationGlobals?: AutomationGlobal[];
  /** Absent when WebGL could not be read (none, blocked, not yet read). */
  softwareWebgl?: boolean;
  /** The renderer's name, sent only when it is a software rasteriser. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  webglRenderer?: string;
  noPlugins?: boolean;
  /** `navigator.plugins` and `navigator.mimeTypes` disagree (one empty, the other not). @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  pluginMismatch?: boolean;
  noLanguages?: boolean;
  /** `navigator.language` is not the first of `navigator.languages`. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  languageMismatch?: boolean;
  /** Notifications denied yet the Permissions API says "prompt" (old headless Chrome). @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  permissionMismatch?: boolean;
  /** Outer window larger than the screen, a 0×0 outer window or screen. */
  oddScreen?: boolean;
  /** `navigator.platform` or the Client Hints platform contradicts the user agent's OS. */
  platformMismatch?: boolean;
  // Input events by `isTrusted`.
  trustedEvents?: number;
  untrustedEvents?: number;
  /** ms from the page view's start to the first pointer, key, touch or wheel input. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  firstInteractionMs?: number;
  // Pointer path (mouse and pen, sampled at most 60 times a second).
  pointerMoves?: number;
  /** Stops of more than 100 ms between moves; each splits the path into segments. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  pointerPauses?: number;
  /** Mean over segments of straight distance / path length (1 = a ruler line). @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  straightness?: number;
  /** px/s. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  speedMean?: number;
  /** @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  speedCv?: number;
  /** Standard deviation of the acceleration along the path, px/s². @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  accelSd?: number;
  /** Mean absolute change of direction between samples, radians (curvature). */
  turnMean?: number;
  /** Its standard deviation (jitter). @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  turnSd?: number;
  // Clicks.
  clicks?: number;
  /** Pointer clicks (not keyboard, not touch) with no pointer move since the last click. */
  clicksWithoutPointerMove?: number;
  /** Clicks within 2% of the target's centre. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  centredClicks?: number;
  /** Distance from the target's centre, in half-sizes of the target (0 centre, 1 edge). */
  clickOffsetMean?: number;
  clickOffsetSd?: number;
  /** pointerdown → pointerup, ms. */
  pressMean?: number;
  /** @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  pressCv?: number;
  // Keys (timing only).
  keys?: number;
  /** keydown → keyup, ms. */
  keyHoldMean?: number;
  /** @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  keyHoldCv?: number;
  /** keydown → next keydown within 2 s, ms. */
  keyIntervalMean?: number;
  /** @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  keyIntervalCv?: number;
  // Scroll, touch, focus.
  /** @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  scrolls?: number;
  /** Gaps of 50 ms – 2 s between scroll events (not the frames of one smooth scroll), ms. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  scrollIntervalMean?: number;
  /** @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  scrollIntervalCv?: number;
  touches?: number;
  /** Window focus and blur events. @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  focusChanges?: number;
  /** @deprecated Sent by older SDKs only; read by no rule: accepted and ignored. */
  visibilityChanges?: number;
}

/**
 * The humanness fields the collector's rules read (`collector/src/scoring/evidence/readClientSummary.ts`),
 * and so the only ones the SDK sends. A rule that reads a new field adds it here first.
 */
export const SCORED_HUMANNESS_FIELDS = [
  'webdriver',
  'headless',
  'automationGlobals',
  'softwareWebgl',
  'noPlugins',
  'oddScreen',
  'noLanguages',
  'platformMismatch',
  'trustedEvents',
  'pointerMoves',
  'turnMean',
  'untrustedEvents',
  'clicksWithoutPointerMove',
  'clicks',
  'clickOffsetMean',
  'clickOffsetSd',
  'pressMean',
  'keys',
  'keyHoldMean',
  'keyIntervalMean',
  'touches',
] as const satisfies ReadonlyArray<keyof HumannessEvent>;

export type SightlineEvent =
  | PageviewEvent
  | CustomEvent
  | ClickEvent
  | ScrollEvent
  | EngagementEvent
  | TimingEvent
  | VitalEvent
  | ErrorEvent
  | HumannessEvent;

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
