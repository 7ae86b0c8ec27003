import type { DeviceClass, PageContext } from '@sightline/protocol';

/** Touch-first screens by their shorter side: phones under 600 CSS px, tablets under 1100. */
function deviceClass(): DeviceClass {
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const short = Math.min(screen.width, screen.height);
  if (coarse && short < 600) return 'mobile';
  if (coarse && short < 1100) return 'tablet';
  return 'desktop';
}

/**
 * The UTC offset as `UTC+01:00`. Not the IANA name: `Intl.DateTimeFormat()` loads ICU data
 * on first use, measured at 45–60 ms of main thread in Chromium here — a long task on every
 * first page load — while `getTimezoneOffset` costs nothing.
 */
export function utcOffset(date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  const abs = Math.abs(minutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The viewport size (CSS pixels). Reading it makes the browser lay the page out at once:
 * 10–30 ms measured on the example article while it is still loading, so the first
 * pageview of a load reads it after the first frame (capture/pageview.ts).
 */
export const viewportSize = (): string => `${innerWidth | 0}x${innerHeight | 0}`;

/** Where the page is seen: sent with each pageview (sizes in CSS pixels), but the viewport. */
export function pageContext(): PageContext {
  const timezone = utcOffset();
  return {
    screen: `${screen.width | 0}x${screen.height | 0}`,
    language: navigator.language ? navigator.language.slice(0, 35) : undefined,
    timezone,
    device: deviceClass(),
  };
}
