/**
 * The chunk of load timing and Web Vitals (`/s.vitals.js`, an ES module): `/s.js` imports
 * it when the page is first idle, so web-vitals (≈3 KB gzip) stays out of the script tag.
 * Both read what the browser keeps for the page after the fact (the navigation entry,
 * buffered performance entries), so starting late loses nothing but a page that is left
 * before the chunk is there (see `lib/deferCapture.ts`).
 */
export { captureTiming } from './capture/timing.js';
export { captureVitals } from './capture/vitals.js';
