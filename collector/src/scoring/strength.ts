/**
 * Strength tiers that rules use, so that "how much does this alone say" is decided once.
 * They combine by noisy-OR (`scoreSession.ts`), with `IS_BOT_THRESHOLD` = 0.7:
 * - decisive: alone makes a bot (declared crawler UA, navigator.webdriver).
 * - strong: alone does not; with any medium trait it does.
 * - medium: three of them (in families that are not capped low) make a bot, two do not.
 * - weak: traits real people show (Linux, VMs, privacy browsers); never decide anything.
 */
export const DECISIVE = 0.97;
export const STRONG = 0.6;
export const MEDIUM = 0.35;
export const WEAK = 0.1;
