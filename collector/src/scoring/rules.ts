/** Every rule `scoreSession` runs, one per file. */
import { scoreSyntheticInput } from './behavior/syntheticInput.js';
import { scoreAutomation } from './client/automation.js';
import { scoreEnvironment } from './client/environment.js';
import { scoreDatacenter } from './net/datacenter.js';
import { scoreHeaderAnomalies } from './rate/headerAnomalies.js';
import { scoreNoClientSignals } from './rate/noClientSignals.js';
import { scoreRegularity } from './rate/regularity.js';
import { scoreRequestRate } from './rate/requestRate.js';
import type { Rule } from './types.js';
import { scoreClientHintsMismatch } from './ua/clientHintsMismatch.js';
import { scoreDeclaredBot } from './ua/declaredBot.js';
import { scoreMalformedUserAgent } from './ua/malformed.js';

export const RULES: readonly Rule[] = [
  scoreDeclaredBot,
  scoreMalformedUserAgent,
  scoreClientHintsMismatch,
  scoreAutomation,
  scoreEnvironment,
  scoreSyntheticInput,
  scoreRequestRate,
  scoreRegularity,
  scoreNoClientSignals,
  scoreHeaderAnomalies,
  scoreDatacenter,
];
