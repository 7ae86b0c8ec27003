/**
 * `/s.js` loads humanness as a chunk at idle and hands it the input buffered until then
 * (`deferCapture` + `listenHumanInput`, as in `src/script.ts`): behaviour statistics must
 * still start at the first interaction.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createHumannessCapture } from '../../src/capture/humanness.js';
import { deferCapture } from '../../src/lib/deferCapture.js';
import { listenHumanInput, type HumanInput } from '../../src/lib/humanInput.js';
import { createFakeCaptureContext } from '../utils/createFakeCaptureContext.js';
import { dispatchTrusted } from '../utils/dispatchTrusted.js';
import { overrideProperty, restoreProperties } from '../utils/overrideProperty.js';
import { placedButton } from '../utils/placedButton.js';
import { pointerClick } from '../utils/pointerInput.js';

/** happy-dom has no requestIdleCallback: `onIdle` falls back to its 2 s timeout. */
const IDLE_MS = 2000;

let stop: () => void = () => undefined;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
  overrideProperty(navigator, 'webdriver', false);
});

afterEach(() => {
  stop();
  restoreProperties();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Humanness as `/s.js` starts it: a chunk loaded at idle, handed the early input. */
function startDeferred() {
  const fake = createFakeCaptureContext();
  const load = vi.fn(async (early: HumanInput[]) => createHumannessCapture(early));
  stop = deferCapture(load, listenHumanInput)(fake.ctx);
  const summaries = () => fake.emitted.filter((e) => e.type === 'humanness').map((e) => e.fields);
  return { ...fake, load, summaries };
}

function typeKeys(n: number, holdMs: number): void {
  for (let i = 0; i < n; i++) {
    vi.advanceTimersByTime(150);
    dispatchTrusted(document.body, new KeyboardEvent('keydown', { bubbles: true, key: 'a' }));
    vi.advanceTimersByTime(holdMs);
    dispatchTrusted(document.body, new KeyboardEvent('keyup', { bubbles: true, key: 'a' }));
  }
}

describe('humanness loaded at idle', () => {
  test('input before the chunk came is in the statistics, from the first interaction on', async () => {
    vi.advanceTimersByTime(300);
    const page = startDeferred();
    const button = placedButton();
    // Before idle: a click at the button's exact centre, held 90 ms, and three keys.
    vi.advanceTimersByTime(200);
    pointerClick(button, 140, 220, 90);
    typeKeys(3, 100);
    expect(page.load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(page.load).toHaveBeenCalledTimes(1);
    // After: two more keys, held longer.
    typeKeys(2, 160);
    page.leave('hidden');
    const [summary] = page.summaries();
    expect(summary).toMatchObject({
      clicks: 1,
      clickOffsetMean: 0,
      pressMean: 90,
      keys: 5,
      keyHoldMean: 124,
      trustedEvents: 13,
    });
  });

  test('each early input is read once, and the buffer stops when the chunk starts', async () => {
    const fake = createFakeCaptureContext();
    const buffered = vi.fn();
    stop = deferCapture(
      async (early: HumanInput[]) => createHumannessCapture(early),
      (push) => listenHumanInput((input) => (buffered(), push(input))),
    )(fake.ctx);
    typeKeys(2, 100);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    typeKeys(1, 100);
    expect(buffered).toHaveBeenCalledTimes(4);
    fake.leave('hidden');
    expect(fake.emitted.find((e) => e.type === 'humanness')?.fields).toMatchObject({
      keys: 3,
      trustedEvents: 6,
    });
  });

  test('a chunk that never loads: the buffer stops listening', async () => {
    const fake = createFakeCaptureContext();
    const pushed = vi.fn();
    stop = deferCapture(
      () => Promise.reject(new Error('404')),
      (push) => listenHumanInput((input) => (pushed(), push(input))),
    )(fake.ctx);
    typeKeys(1, 50);
    expect(pushed).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    typeKeys(1, 50);
    expect(pushed).toHaveBeenCalledTimes(2);
  });

  test('started on a page hidden before it came: the summary is sent at once', async () => {
    const page = startDeferred();
    typeKeys(1, 80);
    overrideProperty(document, 'visibilityState', 'hidden');
    // The leave that hides the page starts the load; the summary cannot wait for the next.
    page.leave('hidden');
    await vi.advanceTimersByTimeAsync(0);
    expect(page.load).toHaveBeenCalledTimes(1);
    expect(page.summaries()).toEqual([expect.objectContaining({ keys: 1, keyHoldMean: 80 })]);
  });
});
