import { captureHumanness } from '../../src/capture/humanness.js';
import type { LeaveReason } from '../../src/types.js';
import { createFakeCaptureContext } from './createFakeCaptureContext.js';

const stops: Array<() => void> = [];

/**
 * Starts `captureHumanness` on a fake context; `leave(reason)` leaves the page and returns
 * the latest summary, `summaries()` all of them. `stopHumanness()` stops every one started.
 */
export function startHumanness() {
  const fake = createFakeCaptureContext();
  const stop = captureHumanness(fake.ctx);
  stops.push(stop);
  const summaries = () => fake.emitted.filter((e) => e.type === 'humanness').map((e) => e.fields);
  const leave = (reason: LeaveReason = 'hidden') => {
    fake.leave(reason);
    const all = summaries();
    return all[all.length - 1] as Record<string, unknown>;
  };
  return { ...fake, stop, summaries, leave };
}

export function stopHumanness(): void {
  while (stops.length) stops.pop()?.();
}
