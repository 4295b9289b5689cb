import { ProgrammeReportEntity } from './entities.js';
import { reportDownload } from './report-download.js';
import { monthlyReportJob } from './monthly-report-job.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { createProgrammeReport } from './create-report.js';

export const reports = {
  name: 'reports',
  resolvers,
  entities: [ProgrammeReportEntity],
  routes: [reportDownload],
  scheduledJobs: [monthlyReportJob],
};
