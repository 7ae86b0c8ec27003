import type { DeviceClass, PageContext } from '@sightline/protocol';

/** Touch-first screens by their shorter side: phones under 600 CSS px, tablets under 1100. */
function deviceClass(): DeviceClass {
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const short = Math.min(screen.width, screen.height);
  if (coarse && short < 600) return 'mobile';
  if (coarse && short < 1100) return 'tablet';
  return 'desktop';
}

/** Where the page is seen: sent with each pageview (sizes in CSS pixels). */
export function pageContext(): PageContext {
  let timezone: string | undefined;
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // very old engines: the collector falls back to the address for the country
  }
  return {
    screen: `${screen.width | 0}x${screen.height | 0}`,
    viewport: `${innerWidth | 0}x${innerHeight | 0}`,
    language: navigator.language ? navigator.language.slice(0, 35) : undefined,
    timezone: timezone?.slice(0, 64),
    device: deviceClass(),
  };
}
