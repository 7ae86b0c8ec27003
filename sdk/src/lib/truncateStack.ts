import { clamp } from './clamp.js';

/** A stack line that is a frame: V8 `    at f (url:1:2)`, Firefox/Safari `f@url:1:2`. */
const FRAME = /^\s*at\s|@.*:\d+:\d+$/;

/**
 * The head of a stack (its message lines and first `maxFrames` frames), cut to `maxLength`.
 * The top frames are the ones that locate an error; the rest mostly repeat a framework.
 */
export function truncateStack(stack: string, maxFrames: number, maxLength: number): string {
  const kept: string[] = [];
  let frames = 0;
  for (const line of stack.split('\n')) {
    if (FRAME.test(line) && ++frames > maxFrames) break;
    kept.push(line);
  }
  return clamp(kept.join('\n'), maxLength);
}
