import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEBIAN_PG_MAJOR,
  findDebianPostgres,
  pgTool,
  startThrowawayPostgres,
  throwawayFolder,
  type ThrowawayPostgres,
} from '../../../test/debian-postgres.js';
import { signUpConsultancy } from '../../../test/factories.js';
import { startApiOn, type TestApi } from '../../../test/test-api.js';
import { migrations } from '../../migrations/index.js';
import { DEMO_ACCOUNT, DEMO_CLIENTS } from '../../demo/demo-programme.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { readConfig, REPO_ROOT } from '../config.js';
import { provisionDatabase } from './provision.js';

/**
 * Issue #7: the backup routine of infra/README.md, run as written. The product is provisioned on one server the
 * way production is (the README's roles, migrations as the owner, the API as a role that owns nothing), loaded
 * with the demo consultancy and a second one, dumped, and restored into a fresh database on a fresh server; the
 * restored API must give the same answers, keep tenants apart, and take writes.
 *
 * The servers are Debian's PostgreSQL 15 rather than the embedded 18 of the other tests: the embedded package
 * ships no pg_dump, and Debian 12's pg_dump (15) refuses a newer server.
 */

const README = path.join(REPO_ROOT, 'infra/README.md');
const passwordOf = (role: string) => `${role}-backup-test`;
const as = (role: string) => ({ user: role, password: passwordOf(role) });

let source: ThrowawayPostgres | undefined;
let target: ThrowawayPostgres | undefined;
const dumps = throwawayFolder('csp-dump-');
const dumpFile = path.join(dumps.path, 'csp.dump');
let sourceApi: TestApi | undefined;
let restoredApi: TestApi | undefined;

interface Viewer {
  token: string;
}
let admin: Viewer;
let leader: Viewer;
let otherAdmin: Viewer;
let leaderClientId: string;
let otherClientId: string;

/**
 * Why the tools are missing and how to install them, when this machine has none and cannot make them (no
 * apt-get, no network): the steps are then skipped with that message rather than failed.
 */
let unavailable: string | undefined;

// Finding the tools may mean fetching Debian's packages on the first run (about 20 MB), hence the long timeout.
beforeAll(async () => {
  const tools = await findDebianPostgres((line) => console.log(`backup: ${line}`));
  if (tools.found) console.log(`backup: PostgreSQL ${DEBIAN_PG_MAJOR} tools from ${tools.tools.source}`);
  else console.warn(`backup: skipped. ${(unavailable = tools.message)}`);
}, 600_000);

beforeAll(async () => {
  if (unavailable) return;
  const started = await Promise.allSettled([startThrowawayPostgres(), startThrowawayPostgres()]);
  // Kept even when the other one failed, so that afterAll stops it.
  [source, target] = started.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
  for (const result of started) if (result.status === 'rejected') throw result.reason;
}, 60_000);

// The steps build on each other: after a failure, the later ones are skipped rather than failing for want of a
// server or an API, so the first failure is the one reported.
let failed = false;
beforeEach(({ onTestFailed, skip }) => {
  if (unavailable) skip(unavailable);
  if (failed) skip('an earlier step failed');
  onTestFailed(() => {
    failed = true;
  });
});

afterAll(async () => {
  await sourceApi?.close();
  await restoredApi?.close();
  await Promise.all([source?.stop(), target?.stop()]);
  dumps.remove();
}, 30_000);

/**
 * The SQL blocks of infra/README.md that create the roles, with a password in place of each '…', one statement
 * at a time (CREATE DATABASE cannot run in the implicit transaction of a multi-statement query).
 */
function readmeSql(mark: string): string[] {
  const blocks = [...fs.readFileSync(README, 'utf8').matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const block = blocks.find((sql) => sql.includes(mark));
  if (!block) throw new Error(`infra/README.md has no sql block with ${mark}`);
  return block
    .split(/;[^\n]*\n/)
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map((statement) =>
      statement.replace(
        /^(CREATE ROLE (\w+) .*PASSWORD )'…'/,
        (_, head: string, role: string) => `${head}${pg.escapeLiteral(passwordOf(role))}`,
      ),
    );
}

async function asSuperuser<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** What production does at start-up with DATABASE_URL and MIGRATION_DATABASE_URL set. */
function provision(server: ThrowawayPostgres, database: string) {
  return provisionDatabase(
    {
      ...readConfig({}),
      databaseUrl: server.url(database, as('csp_api')),
      migrationDatabaseUrl: server.url(database, as('csp_owner')),
    },
    () => undefined,
  );
}

async function graphql<T = Record<string, unknown>>(
  api: TestApi,
  viewer: Viewer | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await api.graphql<T>(query, variables, { token: viewer?.token ?? null });
  expect(response.errors, query).toBeUndefined();
  return response.data;
}

async function logIn(api: TestApi, email: string, password: string): Promise<Viewer> {
  const data = await graphql<{ logIn: { token: string | null } }>(
    api,
    null,
    'mutation ($input: LogInInput!) { logIn(input: $input) { token } }',
    { input: { email, password } },
  );
  expect(data.logIn.token, email).toBeTruthy();
  return { token: data.logIn.token! };
}

const CLIENTS = `{ clients(first: 20) { totalCount nodes {
  id name industry size region status createdAt updatedAt leaders { name email }
  workshop { commonPurpose pointOfDifferentiation gaps beliefs { statement linked } values { statement linked } }
  engagements { id title kind status startsOn endsOn phase leadConsultant { name } team { name }
    milestones { id title dueOn done doneAt overdue } }
  roleProfiles { id title ready weightTotal revision candidates { rank fit flagged complete } }
} } }`;

const CHARTER = `query ($clientId: ID!) { charter(clientId: $clientId) {
  id createdAt published { number } currentDraft { number }
  versions { id number status revision createdAt updatedAt publishedAt createdBy { name } publishedBy { name }
    purposeStatement { purpose why everythingElse } promises { key title description position }
    signOff { signedAt signedBy { name } } }
} }`;

const AUDITS = `{ audits(first: 50) { totalCount nodes {
  id title status conductedOn publishedAt submittedAt revision client { name } framework { key latestVersion }
  scores { overall answered total notApplicable flagged sections { key score answered } criteria { key score points } }
  deltas { overall { previous current change } }
  previous { id }
  benchmark { contributors unavailableReason overall { count lowerQuartile median upperQuartile } }
  responses { criterionKey score notApplicable evidence note internal updatedAt }
} } }`;

const ACTIONS = `{ actions(first: 100) { totalCount nodes {
  id description status priority dueOn overdue revision createdAt updatedAt completedAt
  owner { name } client { name } finding { auditId criterionKey change improved } promise { promiseKey title }
  notes { body createdAt author { name } }
} } }`;

const ACTIVITY = `{ activity(first: 100) { totalCount nodes {
  id action objectType objectId changedFields occurredAt requestId actor { name }
} } }`;

const PEOPLE = `{ consultancy { id name createdAt } me { id name email role client { name } }
  members(first: 100) { totalCount nodes { id name email role createdAt client { name } } }
  upcomingMilestones(first: 100) { id title dueOn overdue } }`;

const LEADER = `{ me { name role client { id name } }
  clients(first: 100) { totalCount nodes { id name engagements { title status } } }
  audits(first: 100) { totalCount nodes { id status scores { overall } } }
  actions(first: 100) { totalCount nodes { id description status } }
  mine: actions(mine: true) { totalCount } }`;

/**
 * The demo's year of quarter-hour measurements makes its export larger than one answer may be by default (16 MB;
 * users download it from GET /exports/consultancy). The comparison asks the GraphQL field, which records nothing in
 * the activity trail (a download records itself, and the restored trail would then differ), with room for it.
 */
const EXPORT_BUDGET = { ...readConfig().budget, responseBytes: 128 * 1024 * 1024 };

/** The export, without its timestamp, and with each table's rows in one order whatever the heap order. */
function normalisedExport(data: { consultancyExport: { tables: Record<string, unknown[]> } }) {
  const { tables } = data.consultancyExport;
  return Object.fromEntries(
    Object.entries(tables).map(([table, rows]) => [table, rows.map((row) => JSON.stringify(row)).sort()]),
  );
}

/** Every question the comparison asks, in order, as [label, answer]. */
async function answers(api: TestApi): Promise<[string, unknown][]> {
  const asked: [string, unknown][] = [];
  const clients = await graphql<{ clients: { nodes: { id: string; name: string }[] } }>(api, admin, CLIENTS);
  asked.push(['admin: clients', clients]);
  for (const client of clients.clients.nodes) {
    asked.push([
      `admin: charter of ${client.name}`,
      await graphql(api, admin, CHARTER, { clientId: client.id }),
    ]);
  }
  asked.push(['admin: audits', await graphql(api, admin, AUDITS)]);
  asked.push(['admin: actions', await graphql(api, admin, ACTIONS)]);
  asked.push(['admin: activity', await graphql(api, admin, ACTIVITY)]);
  asked.push(['admin: people', await graphql(api, admin, PEOPLE)]);
  asked.push(['admin: export', normalisedExport(await graphql(api, admin, '{ consultancyExport }'))]);
  asked.push(['leader: programme', await graphql(api, leader, LEADER)]);
  asked.push(['leader: charter', await graphql(api, leader, CHARTER, { clientId: leaderClientId })]);
  asked.push(['leader: audits', await graphql(api, leader, AUDITS)]);
  asked.push(['other consultancy: clients', await graphql(api, otherAdmin, CLIENTS)]);
  return asked;
}

/** Row count and a checksum of every table, read as a superuser (no row-level security). */
async function tableSums(url: string): Promise<Record<string, string>> {
  return asSuperuser(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    const sums: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ n: number; sum: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS sum
           FROM ${pg.escapeIdentifier(name)} t`,
      );
      sums[name] = `${rows[0]!.n} ${rows[0]!.sum}`;
    }
    return sums;
  });
}

/** What protects tenants, from the catalog: policies, RLS flags, owners and the API role's grants. */
async function protections(url: string) {
  return asSuperuser(url, async (client) => {
    const policies = await client.query(
      `SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies
        WHERE schemaname = 'public' ORDER BY 1, 2`,
    );
    const tables = await client.query(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) AS owner
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
    );
    const grants = await client.query(
      `SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
         FROM information_schema.role_table_grants WHERE grantee = 'csp_app' GROUP BY 1 ORDER BY 1`,
    );
    const functions = await client.query(
      `SELECT p.proname, p.prosecdef, pg_get_userbyid(p.proowner) AS owner,
              has_function_privilege('csp_api', p.oid, 'EXECUTE') AS api_may_execute
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1`,
    );
    return {
      policies: policies.rows,
      tables: tables.rows,
      grants: grants.rows,
      functions: functions.rows,
    };
  });
}

let before: [string, unknown][];

describe(`a pg_dump of the product, restored into a fresh database (PostgreSQL ${DEBIAN_PG_MAJOR})`, () => {
  it('provisions the database as infra/README.md says, migrates it as the owner and loads the demo', async () => {
    const superuserUrl = source!.url('postgres');
    await asSuperuser(superuserUrl, async (client) => {
      for (const statement of readmeSql('CREATE ROLE csp_owner')) await client.query(statement);
      for (const statement of readmeSql('csp_backup')) await client.query(statement);
    });
    const database = await provision(source!, 'csp');
    expect(database.appliedMigrations).toHaveLength(migrations.length);

    sourceApi = await startApiOn({
      appUrl: database.appUrl,
      ownerUrl: source!.url('csp'),
      budget: EXPORT_BUDGET,
    });
    expect(await seedDemo(sourceApi.dataSource)).toMatchObject({ created: true });

    // A second consultancy, so that the restored database has tenants to keep apart.
    otherAdmin = { token: (await signUpConsultancy(sourceApi, 'Elsewhere Advisory')).token };
    const created = await graphql<{ createClient: { client: { id: string } } }>(
      sourceApi,
      otherAdmin,
      'mutation { createClient(input: { name: "Only Elsewhere Ltd", industry: RETAIL }) { client { id } } }',
    );
    otherClientId = created.createClient.client.id;

    admin = await logIn(sourceApi, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
    leader = await logIn(sourceApi, 'sam@harbourline.example', DEMO_ACCOUNT.password);
    const me = await graphql<{ me: { client: { id: string } } }>(
      sourceApi,
      leader,
      '{ me { client { id } } }',
    );
    leaderClientId = me.me.client.id;

    before = await answers(sourceApi);
    const byLabel = new Map(before);
    // The comparison is only worth something if there is a programme to compare.
    expect(byLabel.get('admin: clients')).toMatchObject({ clients: { totalCount: DEMO_CLIENTS.length } });
    expect(JSON.stringify(byLabel.get('admin: audits'))).toContain('"status":"PUBLISHED"');
    expect(JSON.stringify(byLabel.get('admin: charter of Harbourline Bank'))).toContain(
      '"signOff":{"signedAt"',
    );
    expect(byLabel.get('leader: programme')).toMatchObject({ clients: { totalCount: 1 } });
  }, 60_000);

  it('cannot be dumped by the owner, whom FORCE ROW LEVEL SECURITY binds', async () => {
    await expect(
      pgTool('pg_dump', [
        '--format=custom',
        `--file=${dumpFile}.owner`,
        `--dbname=${source!.url('csp', as('csp_owner'))}`,
      ]),
    ).rejects.toThrow(/row-level security/);
  });

  it('is dumped by the csp_backup role, and the archive reads back', async () => {
    await sourceApi!.close();
    sourceApi = undefined;
    const version = await pgTool('pg_dump', ['--version']);
    const server = await asSuperuser(source!.url('postgres'), async (client) => {
      const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
      return rows[0]!.server_version;
    });
    console.log(`backup: ${version.trim()} against server ${server}`);

    await pgTool('pg_dump', [
      '--format=custom',
      `--file=${dumpFile}`,
      `--dbname=${source!.url('csp', as('csp_backup'))}`,
    ]);
    const listing = await pgTool('pg_restore', ['--list', dumpFile]);
    expect(listing).toMatch(/TABLE DATA public activity_trail csp_owner/);
    expect(listing).toMatch(/POLICY public clients tenant_isolation/);
  });

  it('restores into a fresh database on a fresh server with only the roles created first', async () => {
    await asSuperuser(target!.url('postgres'), async (client) => {
      for (const statement of readmeSql('CREATE ROLE csp_owner')) await client.query(statement);
    });
    const connection = { PGHOST: '127.0.0.1', PGPORT: String(target!.port), PGUSER: 'postgres' };
    await pgTool('createdb', ['--owner=csp_owner', 'csp_restored'], {
      env: { ...connection, PGPASSWORD: new URL(target!.url('postgres')).password },
    });
    await pgTool('pg_restore', [
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${target!.url('csp_restored')}`,
      dumpFile,
    ]);

    const database = await provision(target!, 'csp_restored');
    expect(database.appliedMigrations, 'nothing left to migrate').toEqual([]);
    expect(await tableSums(target!.url('csp_restored'))).toEqual(await tableSums(source!.url('csp')));
    expect(await protections(target!.url('csp_restored'))).toEqual(await protections(source!.url('csp')));
    restoredApi = await startApiOn({
      appUrl: database.appUrl,
      ownerUrl: target!.url('csp_restored'),
      budget: EXPORT_BUDGET,
    });
  }, 30_000);

  it('gives the same answers, to the same sessions, as before the dump', async () => {
    const after = await answers(restoredApi!);
    expect(after.map(([label]) => label)).toEqual(before.map(([label]) => label));
    for (const [index, [label, answer]] of after.entries()) expect(answer, label).toEqual(before[index]![1]);
  });

  it('still keeps tenants and clients apart', async () => {
    const leaderClients = await graphql<{ clients: { nodes: { id: string }[] } }>(
      restoredApi!,
      leader,
      '{ clients(first: 100) { nodes { id } } }',
    );
    expect(leaderClients.clients.nodes.map((c) => c.id)).toEqual([leaderClientId]);
    const seenByDemo = await graphql<{ client: { id: string } | null }>(
      restoredApi!,
      admin,
      'query ($id: ID!) { client(id: $id) { id } }',
      { id: otherClientId },
    );
    expect(seenByDemo.client).toBeNull();

    // Below the API: the restored database still refuses its role everything outside a tenant.
    const api = new pg.Client({ connectionString: target!.url('csp_restored', as('csp_api')) });
    await api.connect();
    try {
      const { rows } = await api.query<{ n: number }>('SELECT count(*)::int AS n FROM clients');
      expect(rows[0]!.n).toBe(0);
      await expect(api.query('SELECT * FROM sign_in_directory')).rejects.toThrow(/permission denied/);
      await expect(api.query('UPDATE activity_trail SET action = action')).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await api.end();
    }
  });

  it('takes writes', async () => {
    const created = await graphql<{
      createClient: { client: { id: string; name: string } | null; userErrors: unknown[] };
    }>(
      restoredApi!,
      admin,
      'mutation { createClient(input: { name: "After The Restore", industry: RETAIL }) { client { id name } userErrors { message } } }',
    );
    expect(created.createClient.userErrors).toEqual([]);
    const clients = await graphql<{ clients: { totalCount: number } }>(
      restoredApi!,
      admin,
      '{ clients { totalCount } }',
    );
    expect(clients.clients.totalCount).toBe(DEMO_CLIENTS.length + 1);
    const activity = await graphql<{ activity: { nodes: { action: string; objectId: string }[] } }>(
      restoredApi!,
      admin,
      '{ activity(first: 1) { nodes { action objectId } } }',
    );
    expect(activity.activity.nodes[0]).toEqual({
      action: 'createClient',
      objectId: created.createClient.client!.id,
    });
    const leaderClients = await graphql<{ clients: { totalCount: number } }>(
      restoredApi!,
      leader,
      '{ clients { totalCount } }',
    );
    expect(leaderClients.clients.totalCount).toBe(1);
    // A new sign-in works too (it writes a session and claims nothing new in the sign-in directory).
    await logIn(restoredApi!, 'priya@northbridge.example', DEMO_ACCOUNT.password);
  });
});
