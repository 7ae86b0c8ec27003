/**
 * The core script-tag bundle (`/s.core.js`): pageviews (SPA navigations included), custom
 * events, identify, opt-out and the durable queue; no interaction capture. Attributes: see
 * `startFromScript.ts`.
 */
import { capturePageviews } from './capture/pageview.js';
import { startFromScript } from './startFromScript.js';

startFromScript(() => [capturePageviews]);
