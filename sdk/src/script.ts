/**
 * The full script-tag bundle (`/s.js`): every capture module. Two chunks beside this script
 * (same directory) are imported when the page is first idle: `s.vitals.js` (load timing and
 * Web Vitals, read after the fact) and `s.humanness.js` (humanness, handed the input this
 * script buffered until then). Attributes: see `startFromScript.ts`.
 */
import { createClickCapture } from './capture/clicks.js';
import { captureEngagement } from './capture/engagement.js';
import { captureErrors } from './capture/errors.js';
import { capturePageviews } from './capture/pageview.js';
import { captureScroll } from './capture/scroll.js';
import { deferCapture } from './lib/deferCapture.js';
import { listenHumanInput } from './lib/humanInput.js';
import { startFromScript } from './startFromScript.js';

// Read now: `currentScript` is only set while this script first runs.
const src = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
const chunk = (name: string) => import(/* @vite-ignore */ new URL(name, src).href);
// One module for both: the browser fetches and runs it once.
const vitals = (): Promise<typeof import('./scriptVitals.js')> => chunk('s.vitals.js');

startFromScript(({ captureText }) => [
  capturePageviews,
  createClickCapture({ text: captureText }),
  captureScroll,
  captureEngagement,
  captureErrors,
  deferCapture(() => vitals().then((c) => c.captureTiming)),
  deferCapture(() => vitals().then((c) => c.captureVitals)),
  deferCapture(
    (early) =>
      (chunk('s.humanness.js') as Promise<typeof import('./scriptHumanness.js')>).then((c) =>
        c.createHumannessCapture(early),
      ),
    listenHumanInput,
  ),
]);
