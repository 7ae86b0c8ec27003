import { botsReport } from './bots.js';
import { engagementReport } from './engagement.js';
import { errorsReport } from './errors.js';
import { eventsReport } from './events.js';
import { overviewReport } from './overview.js';
import { pagesReport } from './pages.js';
import { pathsReport } from './paths.js';
import { problemsReport } from './problems.js';
import { realtimeReport } from './realtime.js';
import type { Report } from './types.js';
import { vitalsReport } from './vitals.js';

/** Every report served at `GET /v1/reports/<name>`. */
export const reports: Record<string, Report<unknown>> = {
  overview: overviewReport as Report<unknown>,
  pages: pagesReport as Report<unknown>,
  paths: pathsReport as Report<unknown>,
  events: eventsReport as Report<unknown>,
  vitals: vitalsReport as Report<unknown>,
  engagement: engagementReport as Report<unknown>,
  problems: problemsReport as Report<unknown>,
  bots: botsReport as Report<unknown>,
  errors: errorsReport as Report<unknown>,
  realtime: realtimeReport as Report<unknown>,
};
