export { init, track, identify, optOut, optIn, flush, shutdown } from './api.js';
export { capturePageviews } from './capture/pageview.js';
export type { SightlineOptions } from './config.js';
export type { Capture, CaptureContext, Props } from './types.js';
