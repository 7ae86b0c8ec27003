import { engagementReport } from './engagement.js';
import { errorsReport } from './errors.js';
import { overviewReport } from './overview.js';
import { problemsReport } from './problems.js';
import type { Report } from './types.js';

/** Every report served at `GET /v1/reports/<name>`. */
export const reports: Record<string, Report<unknown>> = {
  overview: overviewReport as Report<unknown>,
  errors: errorsReport as Report<unknown>,
  engagement: engagementReport as Report<unknown>,
  problems: problemsReport as Report<unknown>,
};
