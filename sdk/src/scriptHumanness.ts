/**
 * The humanness chunk (`/s.humanness.js`, an ES module): `/s.js` imports it when the page is
 * first idle and hands it the input it buffered until then (`lib/deferCapture.ts`), so the
 * script tag carries only that small buffer, and behaviour statistics still start at the
 * first interaction.
 */
export { createHumannessCapture } from './capture/humanness.js';
