/**
 * The full script-tag bundle (`/s.js`): every capture module. Web Vitals come in a chunk,
 * `s.vitals.js` beside this script (same directory), imported when the page is first idle.
 * Attributes: see `startFromScript.ts`.
 */
import { createClickCapture } from './capture/clicks.js';
import { captureEngagement } from './capture/engagement.js';
import { captureErrors } from './capture/errors.js';
import { captureHumanness } from './capture/humanness.js';
import { capturePageviews } from './capture/pageview.js';
import { captureScroll } from './capture/scroll.js';
import { captureTiming } from './capture/timing.js';
import { deferCapture } from './lib/deferCapture.js';
import { startFromScript } from './startFromScript.js';

// Read now: `currentScript` is only set while this script first runs.
const src = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

startFromScript(({ captureText }) => [
  capturePageviews,
  createClickCapture({ text: captureText }),
  captureScroll,
  captureEngagement,
  captureErrors,
  captureTiming,
  deferCapture(() =>
    import(/* @vite-ignore */ new URL('s.vitals.js', src).href).then(
      (chunk: typeof import('./scriptVitals.js')) => chunk.captureVitals,
    ),
  ),
  captureHumanness,
]);
