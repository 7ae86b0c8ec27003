/**
 * Input timing and paths as a person's hand makes them, generated from a seed: pointer moves
 * along a cubic Bézier curve bowed to one side, slow-fast-slow with noise and a pixel of
 * tremor, sometimes overshooting and correcting; press durations of 60–160 ms; clicks off
 * the target's centre; key holds and gaps that vary (a burst, a hesitation). The human-like
 * bot variant of `pnpm bench:bots` uses the same generator with other seeds.
 */

/** mulberry32: a small seeded PRNG, so a run can be replayed. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    /** Roughly normal (sum of three uniforms), mean 0, sd ≈ `sd`. */
    gauss: (sd) => (next() + next() + next() - 1.5) * 2 * sd,
  };
}

/** Sampling interval of a mouse as the X server sees it, ms (with noise added per step). */
const STEP_MS = 14;

/**
 * Points from `from` to `to`, each with the delay before it (ms).
 * @returns {Array<{ x: number, y: number, delay: number }>}
 */
export function pointerPath(from, to, random) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const distance = Math.hypot(dx, dy);
  if (distance < 1) return [];
  // Fitts-like duration: longer moves take longer, not proportionally.
  const duration = 180 + 110 * Math.log2(1 + distance / 12) + random.between(-40, 80);
  const steps = Math.max(4, Math.round(duration / STEP_MS));
  // Control points bowed to one side by up to a fifth of the distance.
  const bow = random.gauss(distance * 0.12);
  const nx = -dy / distance;
  const ny = dx / distance;
  const c1 = { x: from.x + dx * 0.3 + nx * bow, y: from.y + dy * 0.3 + ny * bow };
  const c2 = {
    x: from.x + dx * 0.7 + nx * bow * random.between(0.3, 1.1),
    y: from.y + dy * 0.7 + ny * bow * random.between(0.3, 1.1),
  };
  // A fast move sometimes overshoots a little and comes back.
  const overshoot = distance > 150 && random.next() < 0.35 ? random.between(4, 12) : 0;
  const end = { x: to.x + (dx / distance) * overshoot, y: to.y + (dy / distance) * overshoot };
  const points = [];
  for (let i = 1; i <= steps; i++) {
    const u = i / steps;
    // Slow-fast-slow (smoothstep) with noise in the progress.
    const s = Math.min(1, Math.max(0, u * u * (3 - 2 * u) + random.gauss(0.006)));
    const k = 1 - s;
    const x = k ** 3 * from.x + 3 * k * k * s * c1.x + 3 * k * s * s * c2.x + s ** 3 * end.x;
    const y = k ** 3 * from.y + 3 * k * k * s * c1.y + 3 * k * s * s * c2.y + s ** 3 * end.y;
    const tremor = i < steps ? 1 : 0;
    points.push({
      x: Math.round(x + random.gauss(0.6) * tremor),
      y: Math.round(y + random.gauss(0.6) * tremor),
      delay: Math.max(4, STEP_MS + random.gauss(4)),
    });
  }
  if (overshoot) {
    for (let i = 1; i <= 4; i++) {
      points.push({
        x: Math.round(end.x + ((to.x - end.x) * i) / 4),
        y: Math.round(end.y + ((to.y - end.y) * i) / 4),
        delay: random.between(20, 45),
      });
    }
  }
  return points;
}

/** A point inside a box, off its centre the way people aim (never dead centre). */
export function aimAt(box, random) {
  const fx = Math.min(0.8, Math.max(0.2, 0.5 + random.gauss(0.15)));
  const fy = Math.min(0.75, Math.max(0.25, 0.5 + random.gauss(0.12)));
  return { x: Math.round(box.x + box.width * fx), y: Math.round(box.y + box.height * fy) };
}

/** How long a mouse button stays down, ms. */
export const pressMs = (random) => random.between(60, 160);

/** Hold and gap before each character of `text`, ms: bursts of a few keys, a hesitation now and then. */
export function keyTimings(text, random) {
  return [...text].map((char, i) => ({
    char,
    hold: random.between(50, 120),
    gap: i === 0 ? 0 : random.next() < 0.08 ? random.between(300, 700) : random.between(60, 180),
  }));
}

/** Reading pauses between actions, ms. */
export const readMs = (random, lo = 300, hi = 1200) => random.between(lo, hi);
