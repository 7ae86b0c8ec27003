import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { dispatchTrusted } from '../utils/dispatchTrusted.js';
import { overrideProperty, restoreProperties } from '../utils/overrideProperty.js';
import { placedButton } from '../utils/placedButton.js';
import { movePointer, pointerClick, pointerEvent } from '../utils/pointerInput.js';
import { startHumanness, stopHumanness } from '../utils/startHumanness.js';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
  overrideProperty(navigator, 'webdriver', false);
});

afterEach(() => {
  stopHumanness();
  restoreProperties();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('behaviour', () => {
  /** A hand: curved strokes at varying speed with a little tremor, pauses between strokes. */
  function humanSession(el: Element): void {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let x = 10;
    let y = 500;
    for (let stroke = 0; stroke < 4; stroke++) {
      const steps = 25;
      const tx = 120 + stroke * 5;
      const ty = 215 + stroke * 2;
      const sx = x;
      const sy = y;
      for (let i = 1; i <= steps; i++) {
        // Ease in and out along a bowed curve.
        const p = (1 - Math.cos((Math.PI * i) / steps)) / 2;
        const bow = Math.sin(Math.PI * p) * 80;
        movePointer(
          sx + (tx - sx) * p + bow + random() * 2,
          sy + (ty - sy) * p + random() * 2,
          16 + Math.round(random() * 20),
        );
      }
      x = tx;
      y = ty;
      vi.advanceTimersByTime(150 + Math.round(random() * 400));
      pointerClick(el, tx, ty, 70 + Math.round(random() * 80));
      vi.advanceTimersByTime(300);
      x = 10 + random() * 50;
      y = 480 + random() * 40;
      movePointer(x, y, 20);
    }
  }

  test('teleporting instant clicks at exact centres differ clearly from a hand', () => {
    const bot = startHumanness();
    const botButton = placedButton();
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(500);
      pointerClick(botButton, 140, 220, 0, false);
    }
    const botSummary = bot.leave();
    bot.stop();

    const human = startHumanness();
    humanSession(placedButton());
    const humanSummary = human.leave();

    expect(botSummary).toMatchObject({
      clicks: 6,
      clicksWithoutPointerMove: 6,
      clickOffsetMean: 0,
      clickOffsetSd: 0,
      pressMean: 0,
      untrustedEvents: 18,
    });
    expect(botSummary).not.toHaveProperty('pointerMoves');
    expect(botSummary).not.toHaveProperty('trustedEvents');

    expect(humanSummary).toMatchObject({ clicks: 4 });
    expect(humanSummary).not.toHaveProperty('clicksWithoutPointerMove');
    expect(humanSummary).not.toHaveProperty('untrustedEvents');
    expect(humanSummary.turnMean).toBeGreaterThan(0.02);
    expect(humanSummary.clickOffsetMean).toBeGreaterThan(0.2);
    expect(humanSummary.clickOffsetSd).toBeGreaterThan(0);
    expect(humanSummary.pressMean).toBeGreaterThan(60);
  });

  test('a ruler-straight path: no turning', () => {
    const page = startHumanness();
    for (let i = 1; i <= 20; i++) movePointer(i * 10, i * 5, 20);
    expect(page.leave()).toMatchObject({ pointerMoves: 20, turnMean: 0 });
  });

  test('pointer moves are sampled at most every 16 ms', () => {
    const page = startHumanness();
    for (let i = 1; i <= 10; i++) movePointer(i, 0, 4);
    movePointer(100, 0, 500);
    expect(page.leave()).toMatchObject({ pointerMoves: 4 });
  });

  test('no turn is measured across a pause: the path starts over', () => {
    const page = startHumanness();
    // Right, right; a pause; then down, down: a right angle only if the pause were ignored.
    movePointer(10, 0, 20);
    movePointer(20, 0, 20);
    movePointer(30, 0, 20);
    movePointer(30, 10, 500);
    movePointer(30, 20, 20);
    movePointer(30, 30, 20);
    expect(page.leave()).toMatchObject({ pointerMoves: 6, turnMean: 0 });
  });

  test('touch: taps count as touches, not as teleporting clicks or pointer paths', () => {
    const page = startHumanness();
    const el = placedButton();
    dispatchTrusted(el, new Event('touchstart', { bubbles: true }));
    dispatchTrusted(el, pointerEvent('pointermove', 130, 210, 'touch'));
    dispatchTrusted(el, pointerEvent('pointerdown', 130, 210, 'touch'));
    dispatchTrusted(el, pointerEvent('pointerup', 130, 210, 'touch'));
    dispatchTrusted(el, new MouseEvent('click', { bubbles: true, clientX: 130, clientY: 210, detail: 1 }));
    const summary = page.leave();
    expect(summary).toMatchObject({ touches: 1, clicks: 1 });
    expect(summary).not.toHaveProperty('clicksWithoutPointerMove');
    expect(summary).not.toHaveProperty('pointerMoves');
  });

  test('keyboard clicks (detail 0) are not teleports', () => {
    const page = startHumanness();
    dispatchTrusted(placedButton(), new MouseEvent('click', { bubbles: true, detail: 0 }));
    const summary = page.leave();
    expect(summary).toMatchObject({ clicks: 1 });
    expect(summary).not.toHaveProperty('clicksWithoutPointerMove');
    expect(summary).not.toHaveProperty('clickOffsetMean');
  });

  test('key timing without key values', () => {
    const page = startHumanness();
    const input = document.createElement('input');
    document.body.append(input);
    const typed = ['ж', 'ß', '€', '☃', 'Ω', 'ø'];
    const holds = [80, 120, 95, 150, 70, 110];
    for (const [i, key] of typed.entries()) {
      vi.advanceTimersByTime(100 + i * 30);
      const init = { bubbles: true, key, code: `KeyQ${i}` };
      dispatchTrusted(input, new KeyboardEvent('keydown', init));
      vi.advanceTimersByTime(holds[i] as number);
      dispatchTrusted(input, new KeyboardEvent('keyup', init));
    }
    // A held key's auto-repeat is not a keystroke.
    dispatchTrusted(input, new KeyboardEvent('keydown', { key: 'ж', repeat: true }));
    const summary = page.leave();
    expect(summary).toMatchObject({ keys: 6, keyHoldMean: 104.17, trustedEvents: 13 });
    expect(summary.keyIntervalMean).toBeGreaterThan(200);
    const json = JSON.stringify(page.emitted);
    for (const key of typed) expect(json).not.toContain(key);
    expect(json).not.toContain('KeyQ');
  });

  test('scrolls, focus and visibility changes are no input: they send nothing new', () => {
    const page = startHumanness();
    const first = page.leave();
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    page.leave();
    expect(page.summaries()).toEqual([first]);
    dispatchTrusted(document.body, new Event('wheel', { bubbles: true }));
    expect(page.leave()).toMatchObject({ trustedEvents: 1 });
  });
});
