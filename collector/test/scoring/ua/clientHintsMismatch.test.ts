import { describe, expect, it } from 'vitest';
import { scoreClientHintsMismatch } from '../../../src/scoring/ua/clientHintsMismatch.js';
import { BROWSERS, CHROME_WINDOWS, type BrowserProfile } from '../utils/browsers.js';
import { browserSession } from '../utils/buildEvidence.js';

const FIREFOX = BROWSERS.find((b) => b.label === 'Firefox / Windows')!;
const SAFARI = BROWSERS.find((b) => b.label === 'Safari / macOS')!;
const hints = CHROME_WINDOWS.hints!;

const cases: Array<[string, BrowserProfile, number]> = [
  [
    'Chromium 120 hints under a Chrome 124 UA',
    { ...CHROME_WINDOWS, hints: { ...hints, ua: '"Chromium";v="120", "Google Chrome";v="120"' } },
    0.6,
  ],
  ['hints under a Firefox UA', { ...FIREFOX, hints }, 0.6],
  ['hints under a Safari UA', { ...SAFARI, hints }, 0.6],
  [
    'platform Linux under a Windows UA (UA overridden by automation)',
    { ...CHROME_WINDOWS, hints: { ...hints, platform: '"Linux"' } },
    0.35,
  ],
  ['mobile ?1 under a desktop UA', { ...CHROME_WINDOWS, hints: { ...hints, mobile: '?1' } }, 0.35],
  [
    'mobile ?0 under an Android phone UA',
    { ...BROWSERS[4]!, hints: { ...BROWSERS[4]!.hints!, mobile: '?0' } },
    0.35,
  ],
];

describe('scoreClientHintsMismatch', () => {
  it.each(cases)('%s → ua:client-hints-mismatch', (_label, profile, strength) => {
    expect(scoreClientHintsMismatch(browserSession(profile))).toEqual([
      { family: 'ua', name: 'client-hints-mismatch', strength },
    ]);
  });

  it.each(BROWSERS.map((b) => [b.label, b] as const))(
    '%s with its own hints → nothing',
    (_label, profile) => {
      expect(scoreClientHintsMismatch(browserSession(profile))).toEqual([]);
    },
  );

  it('says nothing when Chrome sends no hints (plain-HTTP collector)', () => {
    const { hints: _none, ...bare } = CHROME_WINDOWS;
    expect(scoreClientHintsMismatch(browserSession(bare))).toEqual([]);
  });
});
