/** Every tab, in the order of the tab bar. A new report tab is one module added here. */
import { botsTab } from './bots.js';
import { engagementTab } from './engagement.js';
import { errorsTab } from './errors.js';
import { eventsTab } from './events.js';
import { overviewTab } from './overview.js';
import { pagesTab } from './pages.js';
import { pathsTab } from './paths.js';
import { problemsTab } from './problems.js';
import { realtimeTab } from './realtime.js';
import { sessionsTab } from './sessions.js';
import type { Tab } from './types.js';
import { userTab } from './user.js';
import { vitalsTab } from './vitals.js';

export const TABS: readonly Tab[] = [
  overviewTab,
  pagesTab,
  pathsTab,
  engagementTab,
  problemsTab,
  eventsTab,
  vitalsTab,
  errorsTab,
  botsTab,
  realtimeTab,
  userTab,
  sessionsTab,
];
