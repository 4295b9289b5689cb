import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { charterDiff, describeDiff, type CharterPromise } from '@csp/domain';
import { startTestApi, type TestApi } from '../../test/test-api.js';
import { API_PASSWORD, withDatabase } from '../../test/global-setup.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../test/factories.js';
import { SYSTEM_SSO_SETTINGS, type RequestContext } from '../core/context.js';
import { createAppDataSource } from '../core/database/data-source.js';
import { openRequestDatabase } from '../core/tenancy/request-database.js';
import { entities } from '../modules/index.js';
import { DEFAULT_FEEDBACK_SETTINGS, DEFAULT_WEBHOOK_SETTINGS, readConfig } from '../core/config.js';
import { seedChartersDemo, type DemoClientRef } from './charters.js';

let api: TestApi;
let admin: SignedIn;
let dataSource: DataSource;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  const [row] = await api.ownerQuery<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(withDatabase(inject('testServerUrl'), row!.name));
  url.username = 'csp_api';
  url.password = API_PASSWORD;
  dataSource = createAppDataSource(url.toString(), entities, { poolSize: 2 });
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await api.close();
});

/** The admin's request context, as the lead's demo seed hands it over, committed at the end. */
async function asAdmin(work: (context: RequestContext) => Promise<void>) {
  const context: RequestContext = {
    viewer: {
      kind: 'member',
      tenantId: admin.tenantId,
      memberId: admin.memberId,
      role: 'ADMIN',
      clientId: null,
      sessionId: randomUUID(),
    },
    db: openRequestDatabase(dataSource),
    loaders: new Map(),
    requestId: randomUUID(),
    session: { set: () => undefined, clear: () => undefined },
    settings: {
      sessionDays: 1,
      publicUrl: 'http://localhost',
      webhooks: DEFAULT_WEBHOOK_SETTINGS,
      feedback: DEFAULT_FEEDBACK_SETTINGS,
      mailDelivery: 'KEPT',
      emailLinkSecret: readConfig().emailLinkSecret,
      sso: SYSTEM_SSO_SETTINGS,
    },
  };
  await context.db.enterTenant({ tenantId: admin.tenantId, clientId: null });
  await work(context);
  await context.db.finish('commit');
}

describe('the charters demo', () => {
  it('publishes a charter for each client, a second version for one and a draft for another', async () => {
    const industries = ['BANKING_FINANCE', 'TELECOMMUNICATIONS', 'EDUCATION'] as const;
    const clients: DemoClientRef[] = [];
    for (const industry of industries) {
      clients.push({ id: await createClient(api, admin, { industry }), name: industry, industry });
    }
    await asAdmin((context) => seedChartersDemo(context, clients, '2026-03-01'));

    const rows = await api.ownerQuery<{
      client_id: string;
      number: number;
      status: string;
      promises: CharterPromise[];
      purpose: string;
      why: string;
      everything_else: string;
    }>(
      'SELECT client_id, number, status, promises, purpose, why, everything_else FROM charter_versions ORDER BY number',
    );
    const of = (clientId: string) => rows.filter((r) => r.client_id === clientId);
    expect(of(clients[0]!.id).map((r) => r.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
    expect(of(clients[1]!.id).map((r) => r.status)).toEqual(['PUBLISHED', 'DRAFT']);
    expect(of(clients[2]!.id).map((r) => r.status)).toEqual(['PUBLISHED']);

    const [v1, v2] = of(clients[0]!.id).map((r) => ({
      purposeStatement: { purpose: r.purpose, why: r.why, everythingElse: r.everything_else },
      promises: r.promises,
    }));
    const diff = charterDiff(v1!, v2!);
    // Four bank promises; v2 moves the third to the top, raises the first's standard from 85 to 90 %, drops the
    // second and adds one at the end.
    expect(diff.removed.map((p) => p.position)).toEqual([2]);
    expect(diff.added.map((p) => p.position)).toEqual([4]);
    expect(diff.changed.map((c) => c.fields.map((f) => f.field))).toEqual([['standard']]);
    expect(diff.reordered).toHaveLength(1);
    expect(describeDiff(diff)).toContain(
      'The standard of promise "A person answers when you call" changed from "Calls answered by a person within 60 seconds, target 85 %" to "Calls answered by a person within 60 seconds, target 90 %".',
    );
  });
});
