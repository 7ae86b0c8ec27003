/**
 * The three parsers under test, each read into `parseUserAgent`'s names so that they can be
 * compared with one another and with the labels: the collector's `parseUserAgent` (since
 * 2026-12 its browser is ua-parser-js's, renamed; system and device are its own rules; the rules
 * it had for the browser are in git history), `ua-parser-js` 1.x alone (MIT; 2.x is AGPL) and
 * `bowser`. A library's names are mapped by what they mean (from its docs), never by looking at
 * the labels; a name with no mapping is kept as it is. ua-parser-js's browser names take the
 * collector's renames (`BROWSER_NAMES`), so the two rows differ only in system and device.
 */
import { createRequire } from 'node:module';
import { parseUserAgent } from '../../collector/dist/enrich/parseUserAgent.js';
import { BARE_WEBKIT, BROWSER_NAMES } from '../../collector/dist/enrich/userAgentRules.js';

const require = createRequire(import.meta.url);
const UAParser = require('ua-parser-js');
const Bowser = require('bowser');

const DESKTOP_SYSTEMS = new Set(['Windows', 'macOS', 'Linux', 'ChromeOS']);
const LINUX_DISTRIBUTIONS =
  /^(?:Ubuntu|Kubuntu|Debian|Fedora|Arch|Mint|Linux Mint|Gentoo|SUSE|openSUSE|Red Hat|CentOS|Manjaro|Slackware)$/;

const UA_PARSER_SYSTEMS = { 'Mac OS': 'macOS', 'Chromium OS': 'ChromeOS' };

const BOWSER_BROWSERS = {
  'Microsoft Edge': 'Edge',
  'Samsung Internet for Android': 'Samsung Internet',
  'Google Search': 'Google app',
  'Opera Touch': 'Opera',
  'Opera Coast': 'Opera',
  Chromium: 'Chrome',
  'UC Browser': 'UC Browser',
};
const BOWSER_SYSTEMS = { 'Chrome OS': 'ChromeOS' };

const renamed = (table, name) => (name ? (table[name] ?? name) : null);
const linux = (os) => (os && LINUX_DISTRIBUTIONS.test(os) ? 'Linux' : os);

function uaParser(ua) {
  const r = new UAParser(ua).getResult();
  const os = linux(renamed(UA_PARSER_SYSTEMS, r.os.name));
  const type = r.device.type;
  // No device type means a desktop in ua-parser-js 1.x, when the system is a desktop one.
  const device =
    type === 'mobile' || type === 'tablet' ? type : !type && DESKTOP_SYSTEMS.has(os) ? 'desktop' : null;
  const name = r.browser.name;
  const browser = name === BARE_WEBKIT ? (os === 'iOS' ? 'iOS WebView' : null) : renamed(BROWSER_NAMES, name);
  return { browser, os, device };
}

function bowser(ua) {
  const r = Bowser.parse(ua);
  const os = linux(renamed(BOWSER_SYSTEMS, r.os.name));
  const type = r.platform.type;
  return {
    browser: renamed(BOWSER_BROWSERS, r.browser.name),
    os,
    device: type === 'mobile' || type === 'tablet' || type === 'desktop' ? type : null,
  };
}

/** name → { parse (mapped), raw (as the library is called at ingest, for timing), files } */
export const PARSERS = {
  'collector (parseUserAgent)': {
    parse: parseUserAgent,
    raw: parseUserAgent,
    files: ['collector/dist/enrich/parseUserAgent.js', 'collector/dist/enrich/userAgentRules.js'],
    uses: 'ua-parser-js',
  },
  'ua-parser-js': {
    parse: uaParser,
    raw: (ua) => new UAParser(ua).getResult(),
    package: 'ua-parser-js',
  },
  bowser: { parse: bowser, raw: (ua) => Bowser.parse(ua), package: 'bowser' },
};
