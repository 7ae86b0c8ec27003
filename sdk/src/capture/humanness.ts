/**
 * Humanness: one compact `humanness` summary per page view, sent when the page is left,
 * of what tells a person from a script — never a pointer trace, never a key value.
 *
 * - Automation traits (`navigator.webdriver`, headless markers, automation globals, screen,
 *   plugin, language and platform inconsistencies, a software WebGL renderer) are read once
 *   per document when the main thread is first idle, never on the load path; a page left
 *   before that gets the cheap ones read at leave, and WebGL follows in a later summary.
 * - Behaviour is folded into running statistics (O(1) memory): pointer path straightness,
 *   speed, acceleration and turning between pauses; press durations; click offsets from
 *   the target's centre; clicks with no pointer move before them; key hold and interval
 *   times; scroll cadence; touches; focus and visibility changes; time to first input.
 *
 * Each summary is cumulative for its page view (`pv`): the first leave always sends one, a
 * later leave (the tab hidden again) only when new input arrived. On an SPA `navigate` the
 * behaviour starts over for the next page view; the traits are the document's and stay.
 * No single trait decides anything: people browse from VMs and remote desktops (software
 * WebGL), Linux (no plugins), odd screens and privacy browsers. The collector weighs them.
 */
import { MAX_RENDERER_LENGTH } from '@sightline/protocol';
import { clamp } from '../lib/clamp.js';
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
/** Shorter segments are a hand's tremor: their straightness says nothing. */
const MIN_SEGMENT_PX = 20;
/** A click this close to the target's centre (in half-sizes) is dead centre. */
const CENTRED = 0.02;
/** Key and scroll intervals longer than this are pauses, not cadence. */
const BURST_MS = 2000;
/**
 * Scroll events closer than this are frames of one smooth-scroll animation (the browser's
 * own, as regular for a person as for a script): cadence is the gaps between animations.
 */
const SCROLL_FRAME_MS = 50;
/** The traits are read at the first idle moment, or after this long at the latest. */
const IDLE_TIMEOUT_MS = 5000;
/** Wire bounds (see `humannessEventSchema`). */
const MAX_COUNT = 1_000_000;
const MAX_CV = 100;
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
    const now = (): number => performance.now();
    let traits: Record<string, unknown> | undefined;

    // This page view's behaviour (see `reset`).
    let count: Record<string, number>;
    let speed: RunningStats, accel: RunningStats, turn: RunningStats, straight: RunningStats;
    let press: RunningStats, offset: RunningStats, hold: RunningStats, keyGap: RunningStats;
    let scrollGap: RunningStats;
    let start: number, first: number;
    // Last pointer sample, the current segment's start and length, last direction and speed.
    let x: number, y: number, t: number, sx: number, sy: number, path: number, dir: number, v: number;
    let moved: boolean, touch: boolean;
    let down: number, keyDown: number, lastKey: number, lastScroll: number;
    let changed: boolean, sent: boolean;

    const reset = (): void => {
      count = {};
      speed = stats();
      accel = stats();
      turn = stats();
      straight = stats();
      press = stats();
      offset = stats();
      hold = stats();
      keyGap = stats();
      scrollGap = stats();
      start = first = t = lastKey = lastScroll = -Infinity;
      down = keyDown = dir = v = NaN;
      path = 0;
      moved = touch = changed = sent = false;
    };
    const add = (name: string): void => {
      count[name] = (count[name] ?? 0) + 1;
    };

    const endSegment = (): void => {
      if (path > MIN_SEGMENT_PX) addSample(straight, Math.hypot(x - sx, y - sy) / path);
      sx = x;
      sy = y;
      path = 0;
    };

    const move = (px: number, py: number, at: number): void => {
      if (!isFinite(px + py)) return;
      add('pointerMoves');
      const dt = at - t;
      if (dt > PAUSE_MS) {
        if (t > -Infinity) add('pointerPauses');
        x = px;
        y = py;
        endSegment();
        dir = v = NaN;
      } else {
        const dx = px - x;
        const dy = py - y;
        const d = Math.hypot(dx, dy);
        if (!d) return;
        path += d;
        const s = (d / dt) * 1000;
        addSample(speed, s);
        if (v === v) addSample(accel, ((s - v) / dt) * 1000);
        v = s;
        const a = Math.atan2(dy, dx);
        // The smaller angle between the two directions, 0..π.
        const turned = Math.abs(a - dir);
        if (turned === turned) addSample(turn, turned > Math.PI ? 2 * Math.PI - turned : turned);
        dir = a;
        x = px;
        y = py;
      }
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
      const off = Math.hypot((event.clientX - box.left - w) / w, (event.clientY - box.top - h) / h);
      addSample(offset, off);
      if (off < CENTRED) add('centredClicks');
    };

    const onInput = (event: Event, at: number, box?: DOMRect): void => {
      const type = event.type;
      add(event.isTrusted ? 'trustedEvents' : 'untrustedEvents');
      changed = true;
      if (first < start && !/up$|click/.test(type)) first = at;
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

    const onScroll = (at: number): void => {
      add('scrolls');
      changed = true;
      const gap = at - lastScroll;
      if (gap > SCROLL_FRAME_MS && gap < BURST_MS) addSample(scrollGap, gap);
      lastScroll = at;
    };

    const handle = safely(([event, at, box]: HumanInput) => {
      const type = event.type;
      if (type === 'scroll') onScroll(at);
      // Not news on their own: a tab switched back and forth sends nothing new.
      else if (type === 'visibilitychange') add('visibilityChanges');
      else if (type === 'focus' || type === 'blur') add('focusChanges');
      else onInput(event, at, box);
    }, onError);

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
      if (!renderer) renderer = undefined;
      if (renderer !== undefined) {
        const software = SOFTWARE.test(renderer);
        // The renderer's name identifies a GPU model: sent only when it is a software one.
        (traits as Record<string, unknown>).softwareWebgl = software;
        if (software)
          (traits as Record<string, unknown>).webglRenderer = clamp(renderer, MAX_RENDERER_LENGTH);
        changed = true;
      }
      // Old headless Chrome: notifications denied, yet the Permissions API says "prompt".
      if (typeof Notification === 'function' && Notification.permission === 'denied') {
        navigator.permissions?.query({ name: 'notifications' }).then((status) => {
          (traits as Record<string, unknown>).permissionMismatch = status.state === 'prompt';
          changed = true;
        }, onError);
      }
    }, onError);

    /** `<name>Mean` and, from two samples, `<name>Cv` (sd / mean) or `<name>Sd`, capped at `max`. */
    const put = (
      out: Record<string, unknown>,
      name: string,
      s: RunningStats,
      max = Infinity,
      spread = 'Cv',
    ): void => {
      if (!s[0]) return;
      const sd = standardDeviation(s);
      out[`${name}Mean`] = wireNumber(Math.min(s[1], max), 2);
      if (s[0] > 1) {
        out[name + spread] =
          spread === 'Sd'
            ? wireNumber(Math.min(sd, max), 2)
            : s[1]
              ? wireNumber(Math.min(sd / s[1], MAX_CV), 2)
              : undefined;
      }
    };

    const summary = (): Record<string, unknown> => {
      const out: Record<string, unknown> = { ...traits };
      for (const name in count) out[name] = Math.min(count[name] as number, MAX_COUNT);
      if (first > start) out.firstInteractionMs = wireNumber(first - Math.max(start, 0));
      if (straight[0]) out.straightness = wireNumber(Math.min(straight[1], 1), 2);
      put(out, 'speed', speed, 100_000);
      if (accel[0] > 1) out.accelSd = wireNumber(Math.min(standardDeviation(accel), 10_000_000));
      put(out, 'turn', turn, Math.PI, 'Sd');
      put(out, 'clickOffset', offset, 100, 'Sd');
      // Durations: `wireNumber` drops one past a day.
      put(out, 'press', press);
      put(out, 'keyHold', hold);
      put(out, 'keyInterval', keyGap);
      put(out, 'scrollInterval', scrollGap);
      return out;
    };

    const leave = safely((reason: LeaveReason) => {
      readTraits();
      endSegment();
      if (changed || !sent) ctx.emit('humanness', summary());
      sent = true;
      changed = false;
      if (reason === 'navigate') {
        reset();
        start = now();
      }
    }, onError);

    reset();
    // The document's own start (navigation start) for the first page view.
    start = 0;
    early?.forEach(handle);
    const stops = [...listenHumanInput(handle), onIdle(readSlowTraits, IDLE_TIMEOUT_MS), ctx.onLeave(leave)];
    if (early && document.visibilityState === 'hidden') leave('hidden');

    return () => {
      for (const stop of stops) stop();
    };
  };

/** Humanness from the moment it is started (the npm build starts it with `init`). */
export const captureHumanness: Capture = createHumannessCapture();
