import { captureClicks } from './capture/clicks.js';
import { captureEngagement } from './capture/engagement.js';
import { captureErrors } from './capture/errors.js';
import { captureHumanness } from './capture/humanness.js';
import { capturePageviews } from './capture/pageview.js';
import { captureScroll } from './capture/scroll.js';
import { captureTiming } from './capture/timing.js';
import { captureVitals } from './capture/vitals.js';

/** Pageviews, clicks, scroll depth, engaged time and errors. */
export const coreCaptures = [capturePageviews, captureClicks, captureScroll, captureEngagement, captureErrors];

/** Every capture module: what `/s.js` runs. */
export const allCaptures = [...coreCaptures, captureTiming, captureVitals, captureHumanness];
