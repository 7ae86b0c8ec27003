import { engagementEventSchema } from '@sightline/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { captureEngagement } from '../../src/capture/engagement.js';
import { createFakeCaptureContext } from '../utils/createFakeCaptureContext.js';
import { overrideProperty, restoreProperties } from '../utils/overrideProperty.js';
import { pageshowEvent } from '../utils/pageshowEvent.js';
import { trackListeners } from '../utils/trackListeners.js';

const MINUTE = 60_000;

let fake: ReturnType<typeof createFakeCaptureContext>;
let stop: (() => void) | undefined;

function start(): void {
  fake = createFakeCaptureContext();
  stop = captureEngagement(fake.ctx);
}

/** The engaged times sent so far. */
const sent = (): unknown[] => fake.emitted.map((e) => (e.type === 'engagement' ? e.fields.ms : e));

function setVisibility(state: DocumentVisibilityState): void {
  overrideProperty(document, 'visibilityState', state);
  document.dispatchEvent(new Event('visibilitychange'));
}

/**
 * One step of a timeline: wait ms, or a page event. `hide` is what the browser and client
 * do together: the document turns hidden, then the client runs the `hidden` leave.
 */
type Step = number | 'hide' | 'show' | 'blur' | 'focus' | 'input' | 'navigate' | 'pagehide' | 'pageshow';

function run(steps: Step[]): void {
  for (const step of steps) {
    if (typeof step === 'number') vi.advanceTimersByTime(step);
    else if (step === 'hide') {
      setVisibility('hidden');
      fake.leave('hidden');
    } else if (step === 'show') setVisibility('visible');
    else if (step === 'blur' || step === 'focus') window.dispatchEvent(new Event(step));
    else if (step === 'input') document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    else if (step === 'pageshow') window.dispatchEvent(pageshowEvent(true));
    else fake.leave(step);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  overrideProperty(document, 'visibilityState', 'visible');
  overrideProperty(document, 'hasFocus', () => true);
});

afterEach(() => {
  stop?.();
  stop = undefined;
  restoreProperties();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('captureEngagement: accumulation', () => {
  test.each<[string, Step[], number[]]>([
    ['visible and focused, then hidden: that time (no 0 s visit)', [12_500, 'hide'], [12_500]],
    ['visible and focused, then the page is left', [3000, 'pagehide'], [3000]],
    ['visible but not focused (a second screen) counts', [1000, 'blur', 5000, 'focus', 2000, 'pagehide'], [8000]],
    ['hidden time does not count', [1000, 'hide', MINUTE, 'show', 500, 'pagehide'], [1000, 500]],
    [
      'blur while hidden, focus while hidden',
      [1000, 'blur', 'hide', 'focus', 5000, 'show', 2000, 'pagehide'],
      [1000, 2000],
    ],
    [
      'shown but not focused: counts from shown',
      [1000, 'blur', 'hide', 5000, 'show', 3000, 'focus', 1000, 'pagehide'],
      [1000, 4000],
    ],
    [
      'each leave sends the time since the last one',
      [1000, 'hide', 9000, 'show', 2000, 'hide'],
      [1000, 2000],
    ],
    ['navigate splits the time between the pages', [1500, 'navigate', 2500, 'pagehide'], [1500, 2500]],
    [
      'time in the back/forward cache does not count',
      [1000, 'pagehide', MINUTE, 'pageshow', 2000, 'pagehide'],
      [1000, 2000],
    ],
  ])('%s', (_name, steps, expected) => {
    start();
    run(steps);
    expect(sent()).toEqual(expected);
  });

  test.each<[string, DocumentVisibilityState, boolean, Step[], number[]]>([
    ['started visible without focus: counts from the start', 'visible', false, [4000, 'focus', 1000, 'pagehide'], [5000]],
    [
      'started hidden (background tab): counts from shown',
      'hidden',
      true,
      [4000, 'show', 2000, 'pagehide'],
      [2000],
    ],
  ])('%s', (_name, visibility, hasFocus, steps, expected) => {
    overrideProperty(document, 'visibilityState', visibility);
    overrideProperty(document, 'hasFocus', () => hasFocus);
    start();
    run(steps);
    expect(sent()).toEqual(expected);
  });

  test('the client may run the hidden leave before or after our own visibilitychange listener', () => {
    start();
    run([2000]);
    fake.leave('hidden'); // client first
    setVisibility('hidden');
    run([5000, 'show', 1000]);
    setVisibility('hidden'); // our listener first
    fake.leave('hidden');
    expect(sent()).toEqual([2000, 1000]);
  });
});

describe('captureEngagement: idle', () => {
  test.each<[string, Step[], number[]]>([
    ['no input for 10 minutes: 5 minutes count', [10 * MINUTE, 'pagehide'], [5 * MINUTE]],
    [
      'input at 4 minutes, left at 10: 4 + 5 minutes',
      [4 * MINUTE, 'input', 6 * MINUTE, 'pagehide'],
      [9 * MINUTE],
    ],
    ['input after an idle gap resumes counting', [7 * MINUTE, 'input', MINUTE, 'pagehide'], [6 * MINUTE]],
    [
      'regular input keeps counting',
      [4 * MINUTE, 'input', 4 * MINUTE, 'input', 4 * MINUTE, 'pagehide'],
      [12 * MINUTE],
    ],
    [
      'coming back to the tab is activity',
      [6 * MINUTE, 'hide', MINUTE, 'show', 2 * MINUTE, 'pagehide'],
      [5 * MINUTE, 2 * MINUTE],
    ],
    [
      'the idle clock runs across a navigate',
      [3 * MINUTE, 'navigate', 10 * MINUTE, 'pagehide'],
      [3 * MINUTE, 2 * MINUTE],
    ],
  ])('%s', (_name, steps, expected) => {
    start();
    run(steps);
    expect(sent()).toEqual(expected);
  });

  test.each(['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'])(
    '%s is input, even inside an element',
    (type) => {
      start();
      run([4 * MINUTE]);
      const box = document.createElement('div');
      document.body.append(box);
      box.dispatchEvent(new Event(type)); // scroll does not bubble: seen in the capture phase
      run([4 * MINUTE, 'pagehide']);
      box.remove();
      expect(sent()).toEqual([8 * MINUTE]);
    },
  );

  test('a day at most per event (the schema bound), however long the reader stays', () => {
    start();
    for (let i = 0; i < (25 * 60) / 4; i++) run([4 * MINUTE, 'input']);
    run(['pagehide']);
    expect(sent()).toEqual([engagementEventSchema.properties.ms.maximum]);
  });
});

describe('captureEngagement: no zero sends', () => {
  test.each<[string, Step[], number[]]>([
    ['left at once', ['pagehide'], []],
    ['hidden the whole time', ['hide', 5000, 'pagehide'], []],
    ['hidden twice in a row', [1000, 'hide', 'hide', 'pagehide'], [1000]],
    ['navigate while hidden', [1000, 'hide', 'navigate', 5000, 'pagehide'], [1000]],
    ['shown and hidden again at once', [1000, 'hide', 'show', 'hide'], [1000]],
  ])('%s', (_name, steps, expected) => {
    start();
    run(steps);
    expect(sent()).toEqual(expected);
  });
});

describe('captureEngagement: stop()', () => {
  test('removes every listener and the leave handler', () => {
    const listeners = trackListeners({ window, document });
    start();
    expect(listeners.active().length).toBeGreaterThan(0);
    stop?.();
    stop = undefined;
    expect(listeners.active()).toEqual([]);
    expect(fake.leaveHandlers.size).toBe(0);
  });

  test('uses passive listeners only', () => {
    const add = vi.spyOn(window, 'addEventListener');
    start();
    for (const call of add.mock.calls) expect(call[2]).toMatchObject({ passive: true });
  });
});
