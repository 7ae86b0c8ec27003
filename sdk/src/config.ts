/** User options → resolved configuration, with defaults applied once. */
import { MAX_ID_LENGTH } from '@sightline/protocol';
import { capturePageviews } from './capture/pageview.js';
import type { Capture } from './types.js';

export interface SightlineOptions {
  /** Site id registered on the collector (`SITES`). Required. */
  site: string;
  /** Collector origin, e.g. `https://stats.example.com`. Default: the page's own origin. */
  endpoint?: string;
  /** Ingest path on the collector (change it to pass ad blockers). Default `/v1/collect`. */
  collectPath?: string;
  /** Capture modules to run. Default: pageviews. */
  capture?: Capture[];
  /** Honour Do-Not-Track and Global Privacy Control (no events at all). Default true. */
  respectDnt?: boolean;
  /** Log dropped events and transport decisions to the console. */
  debug?: boolean;
  /** Longest wait before a queued event is sent, in ms. Default 1000. */
  flushInterval?: number;
  /** Events per request. Default 20. */
  maxBatch?: number;
}

export interface SightlineConfig {
  site: string;
  collectUrl: string;
  capture: Capture[];
  respectDnt: boolean;
  debug: boolean;
  flushInterval: number;
  maxBatch: number;
}

const SITE_ID = /^[A-Za-z0-9_.:-]+$/;

/** Throws (synchronously, from `init` only) when a required option is wrong. */
export function resolveConfig(options: SightlineOptions): SightlineConfig {
  if (!options || typeof options.site !== 'string' || !SITE_ID.test(options.site) || options.site.length > MAX_ID_LENGTH) {
    throw new TypeError('sightline: init({ site }) needs the site id registered on the collector');
  }
  const base = (options.endpoint || location.origin).replace(/\/+$/, '');
  const path = options.collectPath || '/v1/collect';
  return {
    site: options.site,
    collectUrl: base + (path.startsWith('/') ? path : `/${path}`),
    capture: options.capture || [capturePageviews],
    respectDnt: options.respectDnt !== false,
    debug: !!options.debug,
    flushInterval: options.flushInterval ?? 1000,
    // NaN would make every batch empty: the queue would never drain.
    maxBatch: Math.min(Math.max(Number.isFinite(options.maxBatch) ? (options.maxBatch as number) : 20, 1), 100),
  };
}
