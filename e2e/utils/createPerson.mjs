/**
 * A person's hands on an X display: pointer moves along curved paths with variable speed,
 * clicks with a press duration, wheel scrolling in bursts, typing with varying hold and
 * gap times — all posted through XTest by `xdotool`, as a real mouse and keyboard would.
 */
import { aimAt, keyTimings, pointerPath, pressMs, readMs } from './humanMotion.mjs';
import { xdotool, xdotoolScript } from './xdotool.mjs';

/** X keysyms of the characters typed here that are not their own name. */
const KEYSYMS = {
  '@': 'at',
  '.': 'period',
  ':': 'colon',
  '/': 'slash',
  '-': 'minus',
  _: 'underscore',
  ' ': 'space',
};
const sleep = (ms) => `sleep ${(Math.max(0, ms) / 1000).toFixed(3)}`;

/**
 * @param {{ display: string, random: ReturnType<import('./humanMotion.mjs').createRandom> }} options
 */
export async function createPerson({ display, random }) {
  const where = await xdotool(display, ['getmouselocation', '--shell']);
  let at = { x: Number(/X=(\d+)/.exec(where)?.[1] ?? 0), y: Number(/Y=(\d+)/.exec(where)?.[1] ?? 0) };
  const run = (commands) => xdotoolScript(display, commands);

  const moveCommands = (to) => {
    const commands = pointerPath(at, to, random).flatMap((p) => [sleep(p.delay), `mousemove ${p.x} ${p.y}`]);
    at = to;
    return commands;
  };

  return {
    /** Moves to a screen point. */
    moveTo: (to) => run(moveCommands(to)),
    /** Moves into a screen box (off its centre), pauses to aim, presses and releases. */
    async click(box) {
      await run([
        ...moveCommands(aimAt(box, random)),
        sleep(readMs(random, 80, 300)),
        'mousedown 1',
        sleep(pressMs(random)),
        'mouseup 1',
      ]);
    },
    /** Turns the wheel `notches` times (down when positive) in bursts with reading pauses. */
    async scroll(notches) {
      const button = notches > 0 ? 5 : 4;
      const commands = [];
      for (let i = 0; i < Math.abs(notches); i++) {
        commands.push(
          `click ${button}`,
          sleep(i % 4 === 3 ? readMs(random, 400, 1000) : random.between(40, 140)),
        );
      }
      await run(commands);
    },
    /** Types `text` key by key (keydown, hold, keyup, gap). */
    async type(text) {
      const commands = [];
      for (const { char, hold, gap } of keyTimings(text, random)) {
        const keysym = KEYSYMS[char] ?? char;
        commands.push(sleep(gap), `keydown ${keysym}`, sleep(hold), `keyup ${keysym}`);
      }
      await run(commands);
    },
    /** A key chord such as `ctrl+l` or `Return`. */
    key: (chord) => run([sleep(readMs(random, 150, 400)), `key ${chord}`]),
    /** Does nothing for a while, as a reader does. */
    pause: (lo, hi) => run([sleep(readMs(random, lo, hi))]),
  };
}
