/**
 * The full script-tag bundle (`/s.js`): every capture module. Attributes: see
 * `startFromScript.ts`.
 */
import { createClickCapture } from './capture/clicks.js';
import { captureEngagement } from './capture/engagement.js';
import { captureErrors } from './capture/errors.js';
import { captureHumanness } from './capture/humanness.js';
import { capturePageviews } from './capture/pageview.js';
import { captureScroll } from './capture/scroll.js';
import { captureTiming } from './capture/timing.js';
import { captureVitals } from './capture/vitals.js';
import { startFromScript } from './startFromScript.js';

startFromScript(({ captureText }) => [
  capturePageviews,
  createClickCapture({ text: captureText }),
  captureScroll,
  captureEngagement,
  captureErrors,
  captureTiming,
  captureVitals,
  captureHumanness,
]);
