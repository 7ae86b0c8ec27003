/**
 * Headers of every dashboard response. The page shows strings that visitors' browsers sent
 * (URLs, titles, error messages …), so it runs no inline script at all: a payload that
 * slipped into the DOM could not run, and would be reported to `/dashboard/csp-report`.
 */
import type { FastifyReply } from 'fastify';

export const CSP_REPORT_PATH = '/dashboard/csp-report';

export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // uPlot positions its parts through element.style (CSSOM), which CSP allows.
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  `report-uri ${CSP_REPORT_PATH}`,
].join('; ');

/**
 * `same-origin`, not `no-referrer`: under `no-referrer` a form POST carries `Origin: null`,
 * and sign-in checks the origin. Nothing on the page links out (event URLs are shown as text).
 */
export function setSecurityHeaders(reply: FastifyReply): void {
  reply
    .header('content-security-policy', DASHBOARD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('cross-origin-resource-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
}
