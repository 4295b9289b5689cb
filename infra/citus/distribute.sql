-- Distributes the Service Programme schema on a Citus cluster, by tenant (the consultancy).
--
-- Run on the coordinator, as the owner role (csp_owner), once the migrations have been applied there and before
-- any tenant data is loaded (distributing a table with rows copies them, which works but takes a lock for the
-- duration). See infra/citus/README.md.
--
-- Every tenant table is hash-distributed on tenant_id and co-located with consultancies, so all of one tenant's
-- rows, in every table, live on the same worker: each request's transaction (one tenant, set by the API) is routed
-- to one node, and every foreign key (all of them include tenant_id) is checked on that node.
--
-- The order is the foreign-key order: a table is distributed only after every table it references.
-- apps/api/src/core/database/citus.test.ts checks this file against the migrated catalog.

BEGIN;

-- The tenants themselves: the anchor of the co-location group.
SELECT create_distributed_table('consultancies', 'tenant_id');

-- Accounts.
SELECT create_distributed_table('clients', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('users', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('sessions', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('invitations', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('sign_in_failures', 'tenant_id', colocate_with => 'consultancies');

-- Workshops and engagements.
SELECT create_distributed_table('client_workshops', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('workshop_entries', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('engagements', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('engagement_team_members', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('milestones', 'tenant_id', colocate_with => 'consultancies');

-- Charters.
SELECT create_distributed_table('charters', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('charter_versions', 'tenant_id', colocate_with => 'consultancies');

-- Audits: the consultancy's own framework copies are tenant tables. The built-in frameworks are not in the database
-- at all (they live in code, packages/domain), so there is no frameworks reference table.
SELECT create_distributed_table('audit_frameworks', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('audit_framework_versions', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('audits', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('audit_responses', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('promise_criterion_links', 'tenant_id', colocate_with => 'consultancies');

-- Hiring criteria.
SELECT create_distributed_table('role_profiles', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('hiring_criteria', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('candidate_scorecards', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('candidate_scores', 'tenant_id', colocate_with => 'consultancies');

-- Customer journeys: the journey row each edit locks, stages, touch points, their links and the history. Before actions, whose
-- touch_point_id references touch_points.
SELECT create_distributed_table('customer_journeys', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('journey_stages', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('touch_points', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('touch_point_promises', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('touch_point_criteria', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('journey_changes', 'tenant_id', colocate_with => 'consultancies');

-- Complaints: the client's categories, the log, and the months a category was announced rising. Before actions, whose
-- complaint_id and complaint_category_id reference them.
SELECT create_distributed_table('complaint_categories', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('complaints', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('complaint_rising_announcements', 'tenant_id', colocate_with => 'consultancies');
-- Their totals per UTC month's core, category and touch point, kept with every complaint: what the patterns read.
SELECT create_distributed_table('complaint_monthly_totals', 'tenant_id', colocate_with => 'consultancies');

-- Customer feedback: links, the answers customers send through them, invitations. Before actions,
-- which point at the answer they were raised from.
SELECT create_distributed_table('feedback_links', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('feedback_invitations', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('feedback_responses', 'tenant_id', colocate_with => 'consultancies');
-- Their totals per link, month and score, kept with every answer: what the client's summary reads.
SELECT create_distributed_table('feedback_monthly_totals', 'tenant_id', colocate_with => 'consultancies');

-- Programme reports as handed out (the file, its SHA-256 and its download link's hash), each of one client.
SELECT create_distributed_table('programme_reports', 'tenant_id', colocate_with => 'consultancies');

-- Actions.
SELECT create_distributed_table('actions', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('action_notes', 'tenant_id', colocate_with => 'consultancies');

-- Service levels: the definition versions, the measurements as received, their rollup per period, corrections.
SELECT create_distributed_table('service_levels', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('service_level_versions', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('service_level_measurements', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('service_level_periods', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('service_level_corrections', 'tenant_id', colocate_with => 'consultancies');

-- Third-party access and the activity trail.
SELECT create_distributed_table('api_keys', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('activity_trail', 'tenant_id', colocate_with => 'consultancies');

-- Webhooks: endpoints and their secrets, the outbox of events, deliveries and their attempts. The delivery worker
-- finds the consultancies with due deliveries (webhook_tenants_due, a read across shards), then claims per
-- consultancy with tenant_id in the WHERE, which Citus routes to one shard: see README.md.
SELECT create_distributed_table('webhook_endpoints', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('webhook_secrets', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('webhook_events', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('webhook_deliveries', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('webhook_attempts', 'tenant_id', colocate_with => 'consultancies');

-- Mail: the outbox and the suppressed addresses. Like webhooks, the worker finds the consultancies with mail due
-- (mail_tenants_due, a read across shards), then claims per consultancy with tenant_id in the WHERE.
SELECT create_distributed_table('mail_outbox', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('mail_suppressions', 'tenant_id', colocate_with => 'consultancies');
-- Email preferences: each member's choice per kind of email and their digest settings, read with the member.
SELECT create_distributed_table('email_preferences', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('email_digest_settings', 'tenant_id', colocate_with => 'consultancies');
-- Scheduled work (reminders, digests, monthly reports) and what waits for each member's digest. Like the outboxes,
-- scheduled_work_tenants_due reads across shards; every claim and run names its tenant.
SELECT create_distributed_table('scheduled_work', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('digest_items', 'tenant_id', colocate_with => 'consultancies');
-- Single sign-on: connections, their domains, access requests, the state of each sign-in, consumed assertions and
-- provider sessions. Every callback carries its tenant (in the state token or the ACS URL), so each names it.
SELECT create_distributed_table('sso_connections', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('sso_domains', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('sso_access_requests', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('sso_sign_in_attempts', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('sso_used_assertions', 'tenant_id', colocate_with => 'consultancies');
SELECT create_distributed_table('sso_sessions', 'tenant_id', colocate_with => 'consultancies');

-- Global tables. The sign-in directory maps an email to its consultancy before anyone is signed in, so it cannot
-- be keyed by tenant: it is a reference table (a full copy on every node). It has no foreign key into tenant
-- tables, which Citus would refuse for a reference table.
SELECT create_reference_table('sign_in_directory');
-- Sign-ups waiting for their emailed link: no tenant exists until the link is used, so global in the same way.
SELECT create_reference_table('pending_sign_ups');
-- Mail sent before a consultancy exists (the sign-up mails): global in the same way, drained by the mail worker.
SELECT create_reference_table('pre_tenant_mail');
-- A public feedback link's token maps to its consultancy before any tenant is known (an anonymous answer), so
-- global in the same way as the sign-in directory.
SELECT create_reference_table('feedback_link_directory');
-- A verified single sign-on domain maps to its consultancy's connection before anyone is signed in.
SELECT create_reference_table('sso_domain_routes');

-- The TypeORM `migrations` table stays a plain table on the coordinator: only migrations read or write it.

COMMIT;
