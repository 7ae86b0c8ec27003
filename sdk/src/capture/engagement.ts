/**
 * Engaged time: how long the page was visible and its reader active within the last
 * `IDLE_MS`. Window focus is not required: a reader with the page on a second screen, or
 * with focus in the browser's address bar or a devtools pane, is reading; hidden time never
 * counts (mature trackers agree: Plausible counts visible time, GA4 the foreground page). Each leave sends the time since the previous send, so a tab
 * shown and hidden five times reports each stretch once, and a tab that was read and then
 * closed never reports 0 s. Time comes from `performance.now()` deltas taken at the
 * transitions (monotonic, no interval timer, nothing to do while the page is idle).
 */
import { listen } from '../lib/listen.js';
import { safely } from '../lib/safely.js';
import type { Capture } from '../types.js';

/**
 * Counting stops this long after the last input (pointer, key, wheel, touch, scroll), so a
 * tab left open and focused overnight is not a nine-hour read; the five minutes after the
 * last input still count (reading a long article needs no input). Input resumes counting.
 */
const IDLE_MS = 5 * 60_000;
/** The collector's bound for `ms` (a day): past it, the event would void its whole batch. */
const MAX_MS = 86_400_000;
/** Seen in the capture phase, so scrolling inside an element counts too. */
const INPUTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'];

export const captureEngagement: Capture = (ctx) => {
  const now = (): number => performance.now();
  // Between `pagehide` and `pageshow` the page may sit in the back/forward cache.
  let frozen = false;
  // Visible and not frozen: the clock runs from `since`, until idle.
  let counting = false;
  let since = now();
  let lastInput = since;
  // Engaged ms not sent yet.
  let total = 0;

  /** Adds the counted time up to `at` to `total`, and restarts the stretch there. */
  const settle = (at: number): void => {
    if (counting) total += Math.max(0, Math.min(at, lastInput + IDLE_MS) - since);
    since = at;
  };

  /** Re-reads the page's state after a transition; coming back to the page is activity. */
  const update = (): void => {
    const at = now();
    settle(at);
    const was = counting;
    counting = !frozen && document.visibilityState === 'visible';
    if (counting && !was) lastInput = at;
  };

  const onChange = safely(
    (event: Event) => {
      if (event.type === 'pageshow') frozen = false;
      update();
    },
    (error) => ctx.debug('engagement not updated', error),
  );

  // A timestamp per input: cheap enough for `pointermove` without throttling.
  const onInput = (): void => {
    const at = now();
    // After an idle gap, close the stretch at the idle cut-off and restart it now.
    if (at - lastInput > IDLE_MS) settle(at);
    lastInput = at;
  };

  const stops = [
    listen(document, 'visibilitychange', onChange),
    listen(window, 'pageshow', onChange),
    ...INPUTS.map((type) => listen(window, type, onInput, true)),
    ctx.onLeave((reason) => {
      settle(now());
      if (reason === 'pagehide') {
        frozen = true;
        counting = false;
      }
      const ms = Math.min(Math.round(total), MAX_MS);
      total = 0;
      if (ms > 0) ctx.emit('engagement', { ms });
    }),
  ];
  update();

  return () => {
    for (const stop of stops) stop();
  };
};
