/** Every tab, in the order of the tab bar. A new report tab is one module added here. */
import { errorsTab } from './errors.js';
import { overviewTab } from './overview.js';
import { sessionsTab } from './sessions.js';
import type { Tab } from './types.js';

export const TABS: readonly Tab[] = [overviewTab, errorsTab, sessionsTab];
