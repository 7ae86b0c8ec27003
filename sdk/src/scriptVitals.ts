/**
 * The Web Vitals chunk (`/s.vitals.js`, an ES module): `/s.js` imports it when the page is
 * first idle, so web-vitals (≈3 KB gzip) stays out of the script tag's budget. Every metric
 * it reports is read from buffered performance entries, so starting late loses nothing but
 * a page left before then (see `capture/vitals.ts`).
 */
export { captureVitals } from './capture/vitals.js';
