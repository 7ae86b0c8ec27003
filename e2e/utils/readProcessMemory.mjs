/**
 * Resident memory of another process, as the kernel counts it (`/proc/<pid>/status`): `VmRSS`
 * now and `VmHWM`, the peak since the process started. Linux only.
 */
import { readFileSync } from 'node:fs';

/** @param {number} pid @returns {{ rssMiB: number, peakMiB: number }} */
export function readProcessMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakMiB: Math.round(kib('VmHWM') / 1024) };
}
