import type { CaptureContext, LeaveReason } from '../../src/types.js';
import { createRecordingContext } from './createRecordingContext.js';

/**
 * A recording capture context (see `createRecordingContext`) that also keeps the leave
 * handlers, so a test leaves the page the way the client does: `leave('hidden')`.
 */
export function createFakeCaptureContext() {
  const recording = createRecordingContext();
  const leaveHandlers = new Set<(reason: LeaveReason) => void>();
  const ctx: CaptureContext = {
    ...recording.ctx,
    onLeave: (handler) => {
      leaveHandlers.add(handler);
      return () => leaveHandlers.delete(handler);
    },
  };
  const leave = (reason: LeaveReason): void => {
    for (const handler of [...leaveHandlers]) handler(reason);
  };
  return { ...recording, ctx, leave, leaveHandlers };
}
