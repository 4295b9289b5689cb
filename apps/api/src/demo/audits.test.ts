import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppDataSource } from '../core/database/data-source.js';
import { inScriptContext } from '../core/tenancy/script-context.js';
import type { RequestContext } from '../core/context.js';
import { entities } from '../modules/index.js';
import { startTestApi, type TestApi } from '../../test/test-api.js';
import { API_PASSWORD, withDatabase } from '../../test/global-setup.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../test/factories.js';
import { createCharter } from '../../test/audits-factories.js';
import { seedAuditsDemo, type DemoClientRef } from './audits.js';
import { findingsForActions } from '../modules/audits/findings.js';

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

/** Runs work as the consultancy's admin in a script context, as the lead's demo seed does. */
async function asAdmin<T>(work: (context: RequestContext) => Promise<T>): Promise<T> {
  const [database] = await api.ownerQuery<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(withDatabase(inject('testServerUrl'), database!.name));
  url.username = 'csp_api';
  url.password = API_PASSWORD;
  const dataSource = createAppDataSource(url.toString(), entities, { poolSize: 2 });
  await dataSource.initialize();
  try {
    return await inScriptContext(dataSource, async (context) => {
      await context.db.enterTenant({ tenantId: admin.tenantId, clientId: null });
      context.viewer = {
        kind: 'member',
        tenantId: admin.tenantId,
        memberId: admin.memberId,
        role: 'ADMIN',
        clientId: null,
        sessionId: 'demo-seed',
      };
      return work(context);
    });
  } finally {
    await dataSource.destroy();
  }
}

const HISTORY = `query ($id: ID!) { client(id: $id) { audits {
  id status conductedOn framework { key }
  responses { evidence }
  deltas { overall { change } }
  trend { overall { direction } }
  promisesKept { title linked answered score }
} } }`;

interface History {
  client: {
    audits: {
      id: string;
      status: string;
      conductedOn: string;
      framework: { key: string };
      responses: { evidence: string | null }[];
      deltas: { overall: { change: number | null } } | null;
      trend: { overall: { direction: string } };
      promisesKept: { title: string; linked: number; answered: number; score: number | null }[];
    }[];
  };
}

describe('the audits demo', () => {
  it('gives every client published audits months apart, with deltas, trends and evidence', async () => {
    const names = ['Harbourline Bank', 'Tidewater Hotels', 'Greenleaf Grocers'];
    const industries = ['BANKING_FINANCE', 'HOSPITALITY', 'RETAIL'];
    const clients: DemoClientRef[] = [];
    for (const [i, name] of names.entries()) {
      clients.push({
        id: await createClient(api, admin, { name, industry: industries[i] }),
        name,
        industry: industries[i]!,
      });
    }
    await createCharter(api, admin.tenantId, clients[0]!.id, [
      { key: 'p-own', title: 'One person sees your problem through' },
      { key: 'p-fast', title: 'Urgent things are handled first' },
    ]);
    const today = '2026-03-01';
    await asAdmin((context) => seedAuditsDemo(context, clients, today));

    for (const [i, client] of clients.entries()) {
      const response = await api.graphql<History>(HISTORY, { id: client.id }, admin);
      const values = response.data.client.audits.filter((a) => a.framework.key === 'aeiou-values');
      const published = values.filter((a) => a.status === 'PUBLISHED');
      expect(published.map((a) => a.conductedOn)).toEqual(['2025-11-01', '2025-05-05']);
      // The follow-up improved on the first audit, and says so.
      expect(published[0]?.deltas?.overall.change).toBeGreaterThan(10);
      expect(published[0]?.trend.overall.direction).toBe('IMPROVING');
      expect(published[1]?.deltas).toBeNull();
      expect(published.every((a) => a.responses.every((r) => (r.evidence ?? '').length > 20))).toBe(true);
      const obstacles = response.data.client.audits.filter((a) => a.framework.key === 'five-obstacles');
      expect(obstacles.map((a) => a.status)).toEqual(
        i === 0 ? ['PUBLISHED', 'PUBLISHED'] : i === 1 ? ['SUBMITTED', 'PUBLISHED'] : [],
      );
      if (i === 0) {
        expect(values[0]).toMatchObject({ status: 'IN_PROGRESS', conductedOn: '2026-02-26' });
        expect(published[0]?.promisesKept).toEqual([
          expect.objectContaining({ title: 'One person sees your problem through', linked: 2, answered: 2 }),
          expect.objectContaining({ title: 'Urgent things are handled first', linked: 2, answered: 2 }),
        ]);
      }
    }

    // The first audit's findings, worst first, ready for the actions module.
    const first = (
      await api.graphql<History>(HISTORY, { id: clients[1]!.id }, admin)
    ).data.client.audits.find((a) => a.conductedOn === '2025-05-05');
    const findings = await asAdmin((context) => findingsForActions(context, first!.id));
    expect(findings[0]).toMatchObject({ auditId: first!.id, criterionKey: 'staff-ideas-adopted', points: 0 });
    expect(findings.every((f) => f.points <= 25)).toBe(true);
    expect(await asAdmin((context) => findingsForActions(context, 'not-an-id'))).toEqual([]);
  });
});
