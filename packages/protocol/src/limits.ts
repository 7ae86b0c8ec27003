/**
 * Bounds of the wire format, shared by the SDK (which never builds a batch past them)
 * and the collector (which answers 400/413 past them).
 */
export const MAX_BODY_BYTES = 512 * 1024;
export const MAX_EVENTS_PER_BATCH = 500;
export const MAX_ID_LENGTH = 64;
export const MAX_URL_LENGTH = 2048;
export const MAX_TITLE_LENGTH = 512;
export const MAX_NAME_LENGTH = 128;
export const MAX_USER_LENGTH = 256;
export const MAX_PROPS = 32;
export const MAX_PROP_VALUE_LENGTH = 512;
/** Events older than this are accepted as sent (offline queues, imports). */
export const MAX_EVENT_AGE_MS = 31 * 24 * 3600 * 1000;
/** Clock skew tolerated for events that claim to come from the future. */
export const MAX_FUTURE_SKEW_MS = 10 * 60 * 1000;
export const MAX_SELECTOR_LENGTH = 256;
export const MAX_TEXT_LENGTH = 256;
export const MAX_MESSAGE_LENGTH = 1024;
export const MAX_STACK_LENGTH = 4096;
