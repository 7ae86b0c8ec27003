/**
 * The core script-tag bundle (`/s.core.js`): pageviews, clicks, scroll depth, engaged
 * time and errors, without load timing and Web Vitals. Attributes: see `startFromScript.ts`.
 */
import { createClickCapture } from './capture/clicks.js';
import { captureEngagement } from './capture/engagement.js';
import { captureErrors } from './capture/errors.js';
import { capturePageviews } from './capture/pageview.js';
import { captureScroll } from './capture/scroll.js';
import { startFromScript } from './startFromScript.js';

startFromScript(({ captureText }) => [
  capturePageviews,
  createClickCapture({ text: captureText }),
  captureScroll,
  captureEngagement,
  captureErrors,
]);
