import { describe, expect, test } from 'vitest';
import { truncateStack } from '../../src/lib/truncateStack.js';

const v8 = (frames: number): string =>
  [
    'TypeError: boom',
    ...Array.from({ length: frames }, (_, i) => `    at f${i} (https://site.test/app.js:${i + 1}:5)`),
  ].join('\n');
const firefox = (frames: number): string =>
  Array.from({ length: frames }, (_, i) => `f${i}@https://site.test/app.js:${i + 1}:5`).join('\n');

describe('truncateStack', () => {
  test.each([
    ['V8, 3 frames: kept whole', v8(3), 3, 4],
    ['V8, 30 frames: message line + 10 frames', v8(30), 10, 11],
    ['Firefox, 30 frames: 10 frames', firefox(30), 10, 10],
    ['Firefox, 10 frames: kept whole', firefox(10), 10, 10],
  ])('%s', (_name, stack, frames, lines) => {
    const out = truncateStack(stack, 10, 4096);
    expect(out.split('\n')).toHaveLength(lines);
    expect(out.split('\n').filter((line) => /^\s*at |@/.test(line))).toHaveLength(frames);
    expect(stack.startsWith(out)).toBe(true);
  });

  test('a multi-line message (with an @ in it) is kept and does not count as frames', () => {
    const stack = `Error: line one\nmail me@site.test\n${v8(12).split('\n').slice(1).join('\n')}`;
    const out = truncateStack(stack, 10, 4096).split('\n');
    expect(out.slice(0, 2)).toEqual(['Error: line one', 'mail me@site.test']);
    expect(out).toHaveLength(12);
  });

  test('cut to maxLength', () => {
    const stack = `Error: ${'x'.repeat(10_000)}\n    at f (a.js:1:1)`;
    expect(truncateStack(stack, 10, 4096)).toHaveLength(4096);
  });
});
