/**
 * `ua:empty`, `ua:malformed`: a user agent no browser sends. Every browser sends one, starting
 * `Mozilla/5.0 (` (https://www.rfc-editor.org/rfc/rfc9110#name-user-agent is loose, browsers
 * are not). Declared bots are `declaredBot`'s, not counted twice here.
 */
import { isbot } from 'isbot';
import { MEDIUM, STRONG } from '../strength.js';
import type { RuleResult, SessionEvidence } from '../types.js';

/** Shortest real browser UAs are ~70 chars (`Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/… Firefox/128.0`). */
const MIN_BROWSER_UA_LENGTH = 40;

/** Empty UA: browsers cannot send none; privacy proxies that strip it are rare. Alone it decides. */
const EMPTY_STRENGTH = 0.8;

/** Tokens that claim a browser engine or browser. */
const CLAIMS_BROWSER =
  /\b(Chrome|CriOS|Firefox|FxiOS|Safari|AppleWebKit|Gecko|Edg|OPR|Trident|Presto|Opera)\//;

/** Windows NT versions that exist (XP … 11, which still says 10.0). */
const WINDOWS_NT = new Set(['5.0', '5.1', '5.2', '6.0', '6.1', '6.2', '6.3', '10.0']);

/** Chrome and Firefox majors are 1–3 digits, a fourth is decades away; 0 never shipped. */
const MAX_MAJOR = 999;

function impossibleVersion(ua: string): boolean {
  for (const m of ua.matchAll(/\b(Chrome|Firefox|Edg|OPR)\/([^\s;)]*)/g)) {
    const major = Number.parseInt(m[2] ?? '', 10);
    if (!/^\d+(\.\d+)*$/.test(m[2] ?? '') || !(major >= 1 && major <= MAX_MAJOR)) return true;
  }
  const nt = /Windows NT ([\d.]+)/.exec(ua);
  if (nt && !WINDOWS_NT.has(nt[1] ?? '')) return true;
  // Every Chromium UA carries its engine token; a "Chrome/…" without AppleWebKit is hand-made.
  return /\bChrome\/\d/.test(ua) && !/AppleWebKit\//.test(ua);
}

export function scoreMalformedUserAgent(evidence: SessionEvidence): RuleResult[] {
  const ua = evidence.userAgent.trim();
  if (ua === '') return [{ family: 'ua', name: 'empty', strength: EMPTY_STRENGTH }];
  if (isbot(ua)) return [];
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ua)) return [{ family: 'ua', name: 'malformed', strength: STRONG }];
  if (CLAIMS_BROWSER.test(ua)) {
    const prefixed = ua.startsWith('Mozilla/5.0 (') || ua.startsWith('Opera/9.80 (');
    if (!prefixed || impossibleVersion(ua)) return [{ family: 'ua', name: 'malformed', strength: STRONG }];
    return [];
  }
  // Neither a browser nor a bot that says so: an unknown program.
  if (ua.length < MIN_BROWSER_UA_LENGTH) return [{ family: 'ua', name: 'malformed', strength: STRONG }];
  return [{ family: 'ua', name: 'unknown', strength: MEDIUM }];
}
