export type * from './types.js';
export { scoreSession, combineFindings, FAMILY_CAPS, IS_BOT_THRESHOLD } from './scoreSession.js';
export { RULES } from './rules.js';
export {
  addRequest,
  createEvidence,
  type AddRequestInput,
  type EvidenceEvent,
} from './evidence/addRequest.js';
export { readClientSummary } from './evidence/readClientSummary.js';
export { readRequestFacts, type RequestFacts, type RequestHeaders } from './evidence/readRequestFacts.js';
