/**
 * Resident memory of another process, as the kernel counts it (`/proc/<pid>/status`): `VmRSS`
 * now, split into anonymous memory (heap, buffers) and file pages (code, and SQLite's
 * memory-mapped database), and `VmHWM`, the peak since the process started. Linux only.
 */
import { readFileSync } from 'node:fs';

/** @param {number} pid @returns {{ rssMiB: number, anonMiB: number, fileMiB: number, peakMiB: number }} */
export function readProcessMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field) =>
    Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024);
  return { rssMiB: mib('VmRSS'), anonMiB: mib('RssAnon'), fileMiB: mib('RssFile'), peakMiB: mib('VmHWM') };
}
