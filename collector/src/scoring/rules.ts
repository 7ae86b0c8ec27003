/** Every rule `scoreSession` runs, one per file. */
import { scoreCentredClicks } from './behavior/centredClicks.js';
import { scoreInstantPress } from './behavior/instantPress.js';
import { scoreRoboticKeys } from './behavior/roboticKeys.js';
import { scoreRulerPointer } from './behavior/rulerPointer.js';
import { scoreSyntheticInput } from './behavior/syntheticInput.js';
import { scoreAutomation } from './client/automation.js';
import { scoreEnvironment } from './client/environment.js';
import { scoreNoBrowserFrame } from './client/noBrowserFrame.js';
import { scoreDatacenter } from './net/datacenter.js';
import { scoreHeaderAnomalies } from './rate/headerAnomalies.js';
import { scoreNoClientSignals } from './rate/noClientSignals.js';
import { scoreRegularity } from './rate/regularity.js';
import { scoreRequestRate } from './rate/requestRate.js';
import type { Rule } from './types.js';
import { scoreChangedUserAgent } from './ua/changedUserAgent.js';
import { scoreClientHintsMismatch } from './ua/clientHintsMismatch.js';
import { scoreDeclaredBot } from './ua/declaredBot.js';
import { scoreMalformedUserAgent } from './ua/malformed.js';
import { scoreNoClientHints } from './ua/noClientHints.js';

export const RULES: readonly Rule[] = [
  scoreDeclaredBot,
  scoreMalformedUserAgent,
  scoreClientHintsMismatch,
  scoreNoClientHints,
  scoreChangedUserAgent,
  scoreAutomation,
  scoreEnvironment,
  scoreNoBrowserFrame,
  scoreSyntheticInput,
  scoreCentredClicks,
  scoreInstantPress,
  scoreRoboticKeys,
  scoreRulerPointer,
  scoreRequestRate,
  scoreRegularity,
  scoreNoClientSignals,
  scoreHeaderAnomalies,
  scoreDatacenter,
];
