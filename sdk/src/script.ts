/**
 * The full script-tag bundle (`/s.js`): every capture module. Load timing and Web Vitals
 * come in a chunk, `s.vitals.js` beside this script (same directory), imported when the page
 * is first idle. Attributes: see `startFromScript.ts`.
 */
import { createClickCapture } from './capture/clicks.js';
import { captureEngagement } from './capture/engagement.js';
import { captureErrors } from './capture/errors.js';
import { captureHumanness } from './capture/humanness.js';
import { capturePageviews } from './capture/pageview.js';
import { captureScroll } from './capture/scroll.js';
import { deferCapture } from './lib/deferCapture.js';
import { startFromScript } from './startFromScript.js';

// Read now: `currentScript` is only set while this script first runs.
const src = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
// One module for both: the browser fetches and runs it once.
const chunk = (): Promise<typeof import('./scriptVitals.js')> =>
  import(/* @vite-ignore */ new URL('s.vitals.js', src).href);

startFromScript(({ captureText }) => [
  capturePageviews,
  createClickCapture({ text: captureText }),
  captureScroll,
  captureEngagement,
  captureErrors,
  deferCapture(() => chunk().then((c) => c.captureTiming)),
  deferCapture(() => chunk().then((c) => c.captureVitals)),
  captureHumanness,
]);
