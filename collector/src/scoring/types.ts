/**
 * What the humanness scoring reads and returns. `SessionEvidence` is accumulated cheaply at
 * ingest (`evidence/addRequest.ts`) and stored as a small JSON blob on the session: counts
 * and summaries only — never the client address and no raw header value but the user agent,
 * which sessions already keep. Rules (one per file) turn it into `RuleResult`s;
 * `scoreSession` combines them into a `Score`.
 */

/** Families of evidence, as the public contract names them (`ua:crawler`, `net:datacenter` …). */
export type Family = 'ua' | 'client' | 'behavior' | 'rate' | 'net';

/** Sec-CH-UA, Sec-CH-UA-Platform and Sec-CH-UA-Mobile, parsed (low-entropy hints only). */
export interface ClientHints {
  /** Brands with their major version, GREASE brands (`Not A;Brand`) left out. */
  brands: Array<{ brand: string; major: string }>;
  /** `Windows`, `macOS`, `Linux`, `Android`, `Chrome OS` …; null when not sent. */
  platform: string | null;
  /** null when not sent. */
  mobile: boolean | null;
}

/** Counts over the session's requests of header traits that tell browsers from scripts. */
export interface HeaderSummary {
  /** Requests without Accept-Language. */
  noAcceptLanguage: number;
  /** Requests with `Accept-Language: *`, which no browser sends (Node's fetch does). */
  wildcardAcceptLanguage: number;
  /** Requests that came over HTTPS: browsers send Sec-Fetch-* only to secure origins. */
  secure: number;
  /** HTTPS requests without any Sec-Fetch-* header. */
  secureWithoutFetchMetadata: number;
  /** Requests whose header set no browser sends (class `bare`, see `readRequestFacts`). */
  bare: number;
  /** Requests that carried Sec-CH-UA. */
  withClientHints: number;
}

/** Arrival pattern of a series (requests by server time, pageviews by event time). */
export interface TimingSummary {
  count: number;
  firstTs: number;
  lastTs: number;
  /** Welford running statistics of the intervals between consecutive items, in ms. */
  intervals: number;
  intervalMean: number;
  intervalM2: number;
  /** Start of the current one-minute bucket and its count; the highest count seen. */
  minuteStart: number;
  minuteCount: number;
  peakPerMinute: number;
}

/** Events of the session by type; `other` takes types this version does not know. */
export interface EventCounts {
  pageview: number;
  click: number;
  scroll: number;
  engagement: number;
  timing: number;
  vital: number;
  error: number;
  custom: number;
  humanness: number;
  other: number;
  /** Pageviews without the screen and viewport every SDK pageview carries. */
  pageviewWithoutContext: number;
  /**
   * Pageviews whose viewport is exactly the screen: no browser frame, no taskbar — headless
   * browsers, kiosks, full-screen mode. Absent in evidence stored before it was counted.
   */
  pageviewFillingScreen?: number;
}

/** Network origin, computed at ingest from the client address, which is then forgotten. */
export interface NetworkSummary {
  /** Requests looked up, and of those, from a hosting / data-centre network. */
  requests: number;
  datacenter: number;
  /** Autonomous system of the latest request, when known. */
  asn?: number;
  asnOrg?: string;
}

/**
 * Traits and behaviour statistics of the SDK's humanness summary (`HumannessEvent`, same
 * names; the latest summary's value of each field): every field is optional and scored only
 * where present.
 */
export interface ClientSummary {
  /** `navigator.webdriver` was true. */
  webdriver?: boolean;
  /** Headless traits (HeadlessChrome in `navigator.userAgent`, missing window chrome …). */
  headless?: boolean;
  /** Globals left by automation tools (`__playwright…`, `callPhantom`, `cdc_…`). */
  automationGlobals?: string[];
  /** WebGL renders in software (SwiftShader, llvmpipe): VMs and remote desktops do too. */
  softwareWebgl?: boolean;
  /** `navigator.plugins` is empty: Linux and some privacy browsers too. */
  noPlugins?: boolean;
  /** Screen size no common device has, or viewport larger than the screen. */
  oddScreen?: boolean;
  /** `navigator.languages` is empty. */
  noLanguages?: boolean;
  /** `navigator.platform` contradicts the user agent's operating system. */
  platformMismatch?: boolean;
  /** Input events seen, by `isTrusted` (synthetic events are untrusted). */
  trustedEvents?: number;
  untrustedEvents?: number;
  /** Pointer moves sampled (at most ~60 a second). */
  pointerMoves?: number;
  /** Mean absolute change of direction between pointer samples, radians. */
  turnMean?: number;
  /** Clicks that came without any pointer movement before them. */
  clicksWithoutPointerMove?: number;
  /** Clicks of the page view (keyboard and touch ones included). */
  clicks?: number;
  /** Pointer clicks' distance from the target's centre, in half-sizes: mean and spread. */
  clickOffsetMean?: number;
  clickOffsetSd?: number;
  /** pointerdown → pointerup, ms (mean; present from one press). */
  pressMean?: number;
  /** Keys pressed (no values); their hold and interval means, ms. */
  keys?: number;
  keyHoldMean?: number;
  keyIntervalMean?: number;
  /** Touches seen: soft keyboards and taps have their own timing. */
  touches?: number;
}

export interface SessionEvidence {
  /** Version of this shape, for stored blobs. */
  v: 1;
  /** The latest user agent ('' when none was sent) and how often it changed. */
  userAgent: string;
  userAgentChanges: number;
  /**
   * The latest user agent before `userAgent` that differed from it: a script that overrides
   * the page's UA can leak its real one in requests the override does not reach (beacons).
   */
  otherUserAgent?: string;
  /** Client hints of the latest request that carried them. */
  clientHints: ClientHints | null;
  headers: HeaderSummary;
  requests: TimingSummary;
  pageviews: TimingSummary;
  events: EventCounts;
  network: NetworkSummary;
  /** Rate of the hashed client across its sessions, when ingest can tell (optional). */
  visitor?: { requestsLastMinute?: number; sessionsLastHour?: number };
  client?: ClientSummary;
}

/** One finding of one rule. */
export interface RuleResult {
  family: Family;
  /** Short name: the reason string is `${family}:${name}`. */
  name: string;
  /**
   * How strongly this alone points to a bot, as a probability-like 0..1 (see `strength.ts`):
   * a decisive trait is near 1, a weak one that people also show is near 0.1.
   */
  strength: number;
}

export type Rule = (evidence: SessionEvidence) => RuleResult[];

export interface Score {
  botScore: number;
  isBot: boolean;
  /** `family:name`, strongest first. */
  reasons: string[];
  evidence: 'sufficient' | 'insufficient';
}
