/**
 * What may reach data without naming its tenant, each with the reason. The statement test
 * (apps/api/test/tenant-statements.ts) fails the test run on any statement that reads or writes a tenant table
 * without `tenant_id = $n` (in its WHERE or a join), unless it is listed in CROSS_TENANT_STATEMENTS, and on any
 * call of one of our database functions not listed in DATABASE_FUNCTIONS (the test cannot see inside a function).
 * On Citus, whatever crosses tenants is a multi-shard statement or a write to a reference table: none is on a
 * request's hot path.
 */
export interface CrossTenantStatement {
  /** The statement to the letter (whitespace aside). */
  sql: string;
  reason: string;
}

/** Statements on tenant tables that name no tenant. None: each crossing is a function below. */
export const CROSS_TENANT_STATEMENTS: readonly CrossTenantStatement[] = [];

export interface DatabaseFunction {
  /** True when it reads or writes more than the request's tenant. */
  crossesTenants: boolean;
  reason: string;
}

/** Every function of ours a statement may call, and whether (and why) it crosses tenants. */
export const DATABASE_FUNCTIONS: Readonly<Record<string, DatabaseFunction>> = {
  sign_in_tenant: {
    crossesTenants: true,
    reason:
      'Sign-in: which consultancy an email belongs to, asked before any tenant is known (sign_in_directory).',
  },
  claim_sign_in_email: {
    crossesTenants: true,
    reason:
      'An email signs in to one consultancy only: sign-up, invitations and email changes claim it globally.',
  },
  release_sign_in_email: {
    crossesTenants: true,
    reason: 'Gives an email back to the global sign-in directory when its member goes.',
  },
  release_tenant_sign_ins: {
    crossesTenants: true,
    reason: "Deleting a consultancy gives its members' emails back to the global sign-in directory.",
  },
  sso_domain_route: {
    crossesTenants: true,
    reason:
      'Single sign-on: which consultancy and connection a verified email domain signs in through, asked before ' +
      'any tenant is known (sso_domain_routes, a reference table on Citus).',
  },
  claim_sso_domain: {
    crossesTenants: true,
    reason: 'A verified domain routes to one consultancy only: verifying it claims it deployment-wide.',
  },
  release_sso_domain: {
    crossesTenants: true,
    reason:
      'Gives a domain back to the deployment-wide routes when its consultancy removes it or its connection.',
  },
  release_tenant_sso_domains: {
    crossesTenants: true,
    reason: 'Deleting a consultancy gives its verified domains back to the deployment-wide routes.',
  },
  begin_sign_up: {
    crossesTenants: true,
    reason: 'Sign-up before the consultancy exists: the pending sign-up is global (pending_sign_ups).',
  },
  pending_sign_up: {
    crossesTenants: true,
    reason: 'Reads a pending sign-up by its emailed link, before the consultancy exists.',
  },
  consume_sign_up: {
    crossesTenants: true,
    reason: 'Uses up the emailed sign-up link once, as the consultancy is created.',
  },
  webhook_tenants_due: {
    crossesTenants: true,
    reason:
      'The webhook worker finds which consultancies have deliveries due; it then claims per consultancy, ' +
      'with the tenant in the WHERE (modules/webhooks/worker.ts).',
  },
  mail_tenants_due: {
    crossesTenants: true,
    reason:
      'The mail worker finds which consultancies have mail due; it then claims per consultancy, ' +
      'with the tenant in the WHERE (modules/mail/worker.ts).',
  },
  scheduled_work_tenants_due: {
    crossesTenants: true,
    reason:
      'The scheduled-work runner finds which consultancies have work due (reminders, digests, monthly reports); ' +
      'it then claims per consultancy, with the tenant in the WHERE (core/scheduled-work.ts).',
  },
  queue_pre_tenant_mail: {
    crossesTenants: true,
    reason:
      'Sign-up mail, queued before the consultancy exists: the pre-tenant outbox is global (pre_tenant_mail).',
  },
  claim_pre_tenant_mail: {
    crossesTenants: true,
    reason:
      'The mail worker leases the due pre-tenant mail (sign-up mail), which belongs to no consultancy ' +
      '(modules/mail/worker.ts).',
  },
  pre_tenant_mail_job: {
    crossesTenants: true,
    reason:
      'Reads one pre-tenant mail by its id, to send it (the mail worker) or to follow its link (the demo).',
  },
  keep_pre_tenant_mail: {
    crossesTenants: true,
    reason: 'Marks a pre-tenant mail kept, not sent, when no SMTP server is configured.',
  },
  record_pre_tenant_mail: {
    crossesTenants: true,
    reason: "Records a pre-tenant mail's attempt: sent, tried again later, or failed.",
  },
  feedback_link_tenant: {
    crossesTenants: true,
    reason:
      'A public feedback answer: which consultancy a link token belongs to, asked before any tenant is known ' +
      '(feedback_link_directory); the request then enters that tenant (modules/feedback/public-form.ts).',
  },
  claim_feedback_token: {
    crossesTenants: true,
    reason:
      "A new feedback link's public token, claimed in the global directory for the request's consultancy.",
  },
  release_tenant_feedback_tokens: {
    crossesTenants: true,
    reason: "Deleting a consultancy gives its feedback links' tokens back to the global directory.",
  },
  industry_benchmark_rows: {
    crossesTenants: false,
    reason:
      'Takes the tenant as its first argument and names it in its WHERE (other clients of one consultancy).',
  },
  app_tenant: {
    crossesTenants: false,
    reason: "The request's tenant setting, as the row-level security policies read it.",
  },
  app_client: {
    crossesTenants: false,
    reason: "The request's client fence, as the row-level security policies read it.",
  },
};
