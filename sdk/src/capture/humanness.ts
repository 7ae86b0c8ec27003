/**
 * Humanness: one compact `humanness` summary per page view, sent when the page is left,
 * of what tells a person from a script — never a pointer trace, never a key value.
 *
 * - Automation traits (`navigator.webdriver`, headless markers, automation globals, screen,
 *   plugin, language and platform traits, a software WebGL renderer) are read once per
 *   document when the main thread is first idle, never on the load path; a page left
 *   before that gets the cheap ones read at leave, and WebGL follows in a later summary.
 * - Behaviour is folded into running statistics (O(1) memory): input events by `isTrusted`,
 *   pointer turning between samples, press durations, click offsets from the target's
 *   centre, clicks with no pointer move before them, key hold and interval times, touches.
 *
 * Only what the collector's rules read is sent (`SCORED_HUMANNESS_FIELDS`): the fields older
 * SDKs also sent (path straightness, speed, acceleration, scroll cadence, time to first
 * input, spreads, focus and visibility changes …) fed no rule and are no longer measured.
 *
 * Each summary is cumulative for its page view (`pv`): the first leave always sends one, a
 * later leave (the tab hidden again) only when new input arrived. On an SPA `navigate` the
 * behaviour starts over for the next page view; the traits are the document's and stay.
 * No single trait decides anything: people browse from VMs and remote desktops (software
 * WebGL), Linux (no plugins), odd screens and privacy browsers. The collector weighs them.
 */
import { listenHumanInput, type HumanInput } from '../lib/humanInput.js';
import { onIdle } from '../lib/onIdle.js';
import { readAutomationTraits } from '../lib/readAutomationTraits.js';
import { readWebglRenderer } from '../lib/readWebglRenderer.js';
import { addSample, standardDeviation, type RunningStats } from '../lib/runningStats.js';
import { safely } from '../lib/safely.js';
import { storageOf } from '../lib/storageOf.js';
import { wireNumber } from '../lib/wireNumber.js';
import type { Capture, LeaveReason } from '../types.js';

/** Pointer moves closer together than this are skipped: at most ~60 samples a second. */
const SAMPLE_MS = 16;
/** A gap between moves longer than this is a pause: it ends a path segment. */
const PAUSE_MS = 100;
/** Key intervals longer than this are pauses, not cadence. */
const BURST_MS = 2000;
/** The traits are read at the first idle moment, or after this long at the latest. */
const IDLE_TIMEOUT_MS = 5000;
/** Wire bounds (see `humannessEventSchema`). */
const MAX_COUNT = 1_000_000;
/** Rasterisers without a GPU: SwiftShader (Chrome's fallback), Mesa llvmpipe/softpipe, Microsoft Basic Render. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Where the WebGL renderer's name ('' without WebGL) is kept, in localStorage. */
const RENDERER_KEY = 'sightline_gl';

const stats = (): RunningStats => [0, 0, 0];

/**
 * The humanness capture, reading first the input in `early` (what came before it started,
 * oldest first: `/s.js` buffers it until this chunk is there), so behaviour statistics
 * start at the first interaction. Started late (`early` given) on a page already hidden,
 * it sends its summary at once: the leave that hid the page came before it.
 */
export const createHumannessCapture =
  (early?: HumanInput[]): Capture =>
  (ctx) => {
    const onError = (error: unknown): void => ctx.debug('humanness not captured', error);
    let traits: Record<string, unknown> | undefined;

    // This page view's behaviour (see `reset`).
    let count: Record<string, number>;
    let turn: RunningStats, press: RunningStats, offset: RunningStats;
    let hold: RunningStats, keyGap: RunningStats;
    // Last pointer sample and direction.
    let x: number, y: number, t: number, dir: number;
    let moved: boolean, touch: boolean;
    let down: number, keyDown: number, lastKey: number;
    let changed: boolean, sent: boolean;

    const reset = (): void => {
      count = {};
      turn = stats();
      press = stats();
      offset = stats();
      hold = stats();
      keyGap = stats();
      t = lastKey = -Infinity;
      down = keyDown = dir = NaN;
      moved = touch = changed = sent = false;
    };
    const add = (name: string): void => {
      count[name] = (count[name] ?? 0) + 1;
    };

    const move = (px: number, py: number, at: number): void => {
      if (!isFinite(px + py)) return;
      add('pointerMoves');
      // After a pause the path starts over: no turn is measured across it.
      if (at - t > PAUSE_MS) dir = NaN;
      else {
        const dx = px - x;
        const dy = py - y;
        if (!dx && !dy) return;
        const a = Math.atan2(dy, dx);
        // The smaller angle between the two directions, 0..π.
        const turned = Math.abs(a - dir);
        if (turned === turned) addSample(turn, turned > Math.PI ? 2 * Math.PI - turned : turned);
        dir = a;
      }
      x = px;
      y = py;
      t = at;
    };

    /** `box`: the target's box when the click came (none: not an element). */
    const onClick = (event: MouseEvent, box?: DOMRect): void => {
      add('clicks');
      // `detail` is 0 for a click made by the keyboard (Enter, Space) or by `el.click()`.
      if (!event.detail || touch) return;
      if (!moved) add('clicksWithoutPointerMove');
      moved = false;
      if (!box) return;
      const w = box.width / 2;
      const h = box.height / 2;
      if (!w || !h) return;
      addSample(offset, Math.hypot((event.clientX - box.left - w) / w, (event.clientY - box.top - h) / h));
    };

    const onInput = (event: Event, at: number, box?: DOMRect): void => {
      const type = event.type;
      add(event.isTrusted ? 'trustedEvents' : 'untrustedEvents');
      changed = true;
      const pointer = event as PointerEvent;
      if (type === 'pointermove') {
        if (pointer.pointerType === 'touch') return;
        moved = true;
        if (at - t >= SAMPLE_MS) move(pointer.clientX, pointer.clientY, at);
      } else if (type === 'pointerdown') {
        down = at;
        touch = pointer.pointerType === 'touch';
      } else if (type === 'pointerup') {
        if (down === down) addSample(press, at - down);
        down = NaN;
      } else if (type === 'click') onClick(pointer, box);
      else if (type === 'keydown') {
        if ((event as KeyboardEvent).repeat) return;
        add('keys');
        if (at - lastKey < BURST_MS) addSample(keyGap, at - lastKey);
        lastKey = keyDown = at;
      } else if (type === 'keyup') {
        // The last key pressed: with keys rolled over, an approximation that needs no key identity.
        if (keyDown === keyDown) addSample(hold, at - keyDown);
        keyDown = NaN;
      } else if (type === 'touchstart') add('touches');
    };

    const handle = safely(([event, at, box]: HumanInput) => onInput(event, at, box), onError);

    const readTraits = (): void => {
      traits ??= { ...readAutomationTraits() };
    };
    const readSlowTraits = safely(() => {
      readTraits();
      // A WebGL context costs milliseconds of main thread and a GPU process round trip: read
      // once per browser and kept (the renderer does not change between page loads).
      const storage = storageOf(window);
      let renderer: string | null | undefined = null;
      try {
        renderer = storage?.getItem(RENDERER_KEY);
      } catch {
        // storage denied: read it this time
      }
      if (renderer == null) {
        renderer = readWebglRenderer() ?? '';
        try {
          storage?.setItem(RENDERER_KEY, renderer);
        } catch {
          // quota or denied: read again next time
        }
      }
      // Only whether it is a software one is sent: the renderer's name identifies a GPU model.
      if (renderer) {
        (traits as Record<string, unknown>).softwareWebgl = SOFTWARE.test(renderer);
        changed = true;
      }
    }, onError);

    /** `<name>Mean`, capped at `max`. */
    const put = (out: Record<string, unknown>, name: string, s: RunningStats, max = Infinity): void => {
      if (s[0]) out[`${name}Mean`] = wireNumber(Math.min(s[1], max), 2);
    };

    const summary = (): Record<string, unknown> => {
      const out: Record<string, unknown> = { ...traits };
      for (const name in count) out[name] = Math.min(count[name] as number, MAX_COUNT);
      put(out, 'turn', turn, Math.PI);
      put(out, 'clickOffset', offset, 100);
      // The offsets' spread, from two clicks on.
      if (offset[0] > 1) out.clickOffsetSd = wireNumber(Math.min(standardDeviation(offset), 100), 2);
      // Durations: `wireNumber` drops one past a day.
      put(out, 'press', press);
      put(out, 'keyHold', hold);
      put(out, 'keyInterval', keyGap);
      return out;
    };

    const leave = safely((reason: LeaveReason) => {
      readTraits();
      if (changed || !sent) ctx.emit('humanness', summary());
      sent = true;
      changed = false;
      if (reason === 'navigate') reset();
    }, onError);

    reset();
    early?.forEach(handle);
    const stops = [...listenHumanInput(handle), onIdle(readSlowTraits, IDLE_TIMEOUT_MS), ctx.onLeave(leave)];
    if (early && document.visibilityState === 'hidden') leave('hidden');

    return () => {
      for (const stop of stops) stop();
    };
  };

/** Humanness from the moment it is started (the npm build starts it with `init`). */
export const captureHumanness: Capture = createHumannessCapture();
