/**
 * The labelled sets, from the UA lists the bots bench ships, each UA counted once:
 * - tune: the 100 of `top-user-agents` (MIT), with hand labels only, and the hand-labelled
 *   cases of `parseUserAgent`'s unit test (written with the rules: a training set for them).
 *   Mappings and rules are changed by looking at this set's errors, never at the report set's.
 * - report: the distinct UAs of `user-agents` (Intoli, BSD-2; 10,000 rows weighted by traffic
 *   that repeat UAs) not in the tune set. Beside the hand labels, each carries labels its rows
 *   give from the browser that sent it, which no UA parser made: `deviceCategory`, the system
 *   that `navigator.platform` names and the engine that `navigator.vendor` names. A UA whose
 *   rows disagree takes the label of most traffic (`weight`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HAND_LABELS } from './handLabels.mjs';

const require = createRequire(import.meta.url);
const CASES = new URL('../../collector/test/enrich/userAgentCases.ts', import.meta.url);
const shape = (ua) => ua.replace(/\d+/g, '#');
const byShape = new Map(HAND_LABELS.map(([s, browsers, os, device]) => [s, { browsers, os, device }]));

function handLabel(ua) {
  const label = byShape.get(shape(ua));
  if (!label) throw new Error(`no hand label for ${ua} (add its shape to handLabels.mjs)`);
  return label;
}

/** What `navigator.platform` says of the system; Linux on a phone or tablet is Android. */
function platformSystems(platform, device) {
  if (platform === 'Win32') return ['Windows'];
  if (platform === 'MacIntel') return ['macOS'];
  if (/^(?:iPhone|iPad|iPod)/.test(platform)) return ['iOS'];
  if (/^Linux/.test(platform)) return device === 'desktop' ? ['Linux', 'ChromeOS'] : ['Android'];
  return null;
}

const VENDOR_ENGINES = { 'Google Inc.': 'Blink', 'Apple Computer, Inc.': 'WebKit', '': 'Gecko' };

/** The unit test's cases, `[label, ua, browser, os, device]`, read from its TypeScript source. */
function unitTestCases() {
  const text = readFileSync(CASES, 'utf8');
  const array = text
    .slice(text.indexOf('Case[] = [') + 8)
    .trim()
    .replace(/;$/, '');
  return new Function(`return ${array}`)().map(([, ua, browser, os, device]) => ({
    ua,
    hand: { browsers: browser && [browser], os, device },
  }));
}

export function loadSets() {
  const top = require('top-user-agents');
  const cases = unitTestCases().filter((c) => !top.includes(c.ua));
  const tuneSet = new Set([...top, ...cases.map((c) => c.ua)]);
  const file = join(dirname(require.resolve('user-agents')), 'user-agents.json');
  const rows = JSON.parse(readFileSync(file, 'utf8'));
  const heaviest = new Map();
  const labelsOf = new Map();
  for (const r of rows) {
    const key = `${r.deviceCategory}|${r.platform}|${r.vendor}`;
    const weights = labelsOf.get(r.userAgent) ?? labelsOf.set(r.userAgent, new Map()).get(r.userAgent);
    weights.set(key, (weights.get(key) ?? 0) + r.weight);
    if ((heaviest.get(r.userAgent)?.w ?? -1) < weights.get(key))
      heaviest.set(r.userAgent, { w: weights.get(key), r });
  }
  const report = [...heaviest]
    .filter(([ua]) => !tuneSet.has(ua))
    .map(([ua, { r }]) => ({
      ua,
      hand: handLabel(ua),
      data: {
        device: r.deviceCategory,
        systems: platformSystems(r.platform, r.deviceCategory),
        engine: VENDOR_ENGINES[r.vendor] ?? null,
      },
      traffic: [...labelsOf.get(ua).values()].reduce((a, b) => a + b, 0),
    }));
  return {
    tune: [...top.map((ua) => ({ ua, hand: handLabel(ua) })), ...cases],
    tuneCounts: { top: top.length, cases: cases.length },
    report,
    counts: {
      rows: rows.length,
      distinct: heaviest.size,
      conflicting: [...labelsOf.values()].filter((w) => w.size > 1).length,
      inTune: heaviest.size - report.length,
    },
  };
}
