import { AUTOMATION_GLOBALS, type AutomationGlobal } from '@sightline/protocol';

interface UserAgentData {
  brands?: Array<{ brand: string }>;
  platform?: string;
}

export interface AutomationTraits {
  webdriver: boolean;
  headless: boolean;
  automationGlobals?: AutomationGlobal[];
  noPlugins?: boolean;
  noLanguages: boolean;
  oddScreen: boolean;
  platformMismatch: boolean;
}

/** ChromeDriver's injected keys: `$cdc_asdjflasutopfhvcZLmcfl_`, `cdc_adoQpoasnfa76pfcZLmcfl_Array` … */
const CDC = /^\$?cdc_/;
/** A window may overhang the screen by its shadow and borders; more is a made-up size. */
const SCREEN_SLACK_PX = 64;

/** The operating system family a UA or platform string names: Apple, Windows, Linux-like, or ''. */
function osOf(text = ''): string {
  return /mac|iphone|ipad|ipod|darwin/i.test(text)
    ? 'a'
    : /win/i.test(text)
      ? 'w'
      : /linux|android|cros|chrome os|x11|bsd/i.test(text)
        ? 'l'
        : '';
}

/**
 * Traits of the page's environment that automation leaves, read synchronously (no WebGL,
 * no Permissions API): cheap property reads plus one pass over the window's own keys.
 * Each is weak alone — Linux has no plugins, VMs odd screens, UA switchers a wrong
 * platform — so the collector weighs them together. Only traits a collector rule reads.
 */
export function readAutomationTraits(): AutomationTraits {
  const nav = navigator as Navigator & { userAgentData?: UserAgentData };
  const ua = nav.userAgent;
  const data = nav.userAgentData;
  const found: AutomationGlobal[] = AUTOMATION_GLOBALS.filter(
    (name) => name !== 'cdc' && (name in window || name in document),
  );
  if ([window, document].some((target) => Object.keys(target).some((key) => CDC.test(key))))
    found.push('cdc');
  const plugins = nav.plugins?.length;
  const uaOs = osOf(ua);
  const differs = (other?: string): boolean => !!uaOs && !!osOf(other) && osOf(other) !== uaOs;
  return {
    webdriver: nav.webdriver === true,
    headless: /headless/i.test(ua) || !!data?.brands?.some((b) => /headless/i.test(b.brand)),
    automationGlobals: found.length ? found : undefined,
    noPlugins: plugins === undefined ? undefined : plugins === 0,
    noLanguages: !nav.languages?.length,
    oddScreen:
      !screen.width ||
      !screen.height ||
      (!outerWidth && !outerHeight) ||
      outerWidth > screen.width + SCREEN_SLACK_PX ||
      outerHeight > screen.height + SCREEN_SLACK_PX,
    platformMismatch: differs(nav.platform) || differs(data?.platform),
  };
}
