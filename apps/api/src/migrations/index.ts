import { CreateTenancyAndAccounts1763800000000 } from './1763800000000-create-tenancy-and-accounts.js';
import { CreateEngagementsAndWorkshops1763800001000 } from './1763800001000-create-engagements-and-workshops.js';
import { CreateCharters1763800002000 } from './1763800002000-create-charters.js';
import { CreateAudits1763800003000 } from './1763800003000-create-audits.js';
import { CreateHiringCriteria1763800004000 } from './1763800004000-create-hiring-criteria.js';
import { CreateActions1763800005000 } from './1763800005000-create-actions.js';
import { CreateApiKeys1763800006000 } from './1763800006000-create-api-keys.js';
import { CreateActivityTrail1763800007000 } from './1763800007000-create-activity-trail.js';
import { AllowConsultancyDeletion1763800008000 } from './1763800008000-allow-consultancy-deletion.js';
import { CreateWebhooks1763800009000 } from './1763800009000-create-webhooks.js';
import { TrackSignInFailures1763800010000 } from './1763800010000-track-sign-in-failures.js';
import { CreatePendingSignUps1763800011000 } from './1763800011000-create-pending-sign-ups.js';
import { FreezeAuditBenchmarks1763800012000 } from './1763800012000-freeze-audit-benchmarks.js';
import { ClaimWebhooksPerTenant1763800013000 } from './1763800013000-claim-webhooks-per-tenant.js';
import { BenchmarkNamesItsTenant1763800014000 } from './1763800014000-benchmark-names-its-tenant.js';
import { CreateServiceLevels1763800015000 } from './1763800015000-create-service-levels.js';
import { CreateComplaints1763800017000 } from './1763800017000-create-complaints.js';
import { CreateCustomerJourneys1763800016000 } from './1763800016000-create-customer-journeys.js';
import { CreateCustomerFeedback1763800018000 } from './1763800018000-create-customer-feedback.js';
import { TotalFeedbackPerMonth1763800020000 } from './1763800020000-total-feedback-per-month.js';
import { IndexComplaintResolutionTimes1763800021000 } from './1763800021000-index-complaint-resolution-times.js';
import { ReadClientFenceOncePerStatement1763800022000 } from './1763800022000-read-client-fence-once-per-statement.js';
import { KeepProgrammeReportSnapshots1763800026000 } from './1763800026000-keep-programme-report-snapshots.js';
import { ScheduleWorkAndKeepDigestItems1763800028000 } from './1763800028000-schedule-work-and-keep-digest-items.js';
import { ScheduleMonthlyReports1763800029000 } from './1763800029000-schedule-monthly-reports.js';
import { CreateSingleSignOn1763800030000 } from './1763800030000-create-single-sign-on.js';
import { TotalComplaintsPerMonth1763800023000 } from './1763800023000-total-complaints-per-month.js';
import { MailOutbox1763800024000 } from './1763800024000-mail-outbox.js';
import { EmailPreferences1763800025000 } from './1763800025000-email-preferences.js';
import { MaskMailSecrets1763800027000 } from './1763800027000-mask-mail-secrets.js';
import { PreTenantMailOutbox1763800027500 } from './1763800027500-pre-tenant-mail-outbox.js';

/** In the order they run. A landed migration is never edited: a change is a new file here. */
export const migrations = [
  CreateTenancyAndAccounts1763800000000,
  CreateEngagementsAndWorkshops1763800001000,
  CreateCharters1763800002000,
  CreateAudits1763800003000,
  CreateHiringCriteria1763800004000,
  CreateActions1763800005000,
  CreateApiKeys1763800006000,
  CreateActivityTrail1763800007000,
  AllowConsultancyDeletion1763800008000,
  CreateWebhooks1763800009000,
  TrackSignInFailures1763800010000,
  CreatePendingSignUps1763800011000,
  FreezeAuditBenchmarks1763800012000,
  ClaimWebhooksPerTenant1763800013000,
  BenchmarkNamesItsTenant1763800014000,
  CreateServiceLevels1763800015000,
  CreateCustomerJourneys1763800016000,
  CreateComplaints1763800017000,
  CreateCustomerFeedback1763800018000,
  TotalFeedbackPerMonth1763800020000,
  IndexComplaintResolutionTimes1763800021000,
  ReadClientFenceOncePerStatement1763800022000,
  TotalComplaintsPerMonth1763800023000,
  MailOutbox1763800024000,
  EmailPreferences1763800025000,
  KeepProgrammeReportSnapshots1763800026000,
  MaskMailSecrets1763800027000,
  PreTenantMailOutbox1763800027500,
  ScheduleWorkAndKeepDigestItems1763800028000,
  ScheduleMonthlyReports1763800029000,
  CreateSingleSignOn1763800030000,
];
