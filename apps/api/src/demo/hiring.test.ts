import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppDataSource } from '../core/database/data-source.js';
import { inScriptContext } from '../core/tenancy/script-context.js';
import { entities } from '../modules/index.js';
import { startTestApi, type TestApi } from '../../test/test-api.js';
import { API_PASSWORD, withDatabase } from '../../test/global-setup.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../test/factories.js';
import { seedHiringDemo } from './hiring.js';

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

/** Runs the seed as the lead's demo does: the services in a script context, as the consultancy's admin. */
async function seed(clients: { id: string; name: string; industry: string }[]) {
  const [database] = await api.ownerQuery<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(withDatabase(inject('testServerUrl'), database!.name));
  url.username = 'csp_api';
  url.password = API_PASSWORD;
  const dataSource = createAppDataSource(url.toString(), entities, { poolSize: 2 });
  await dataSource.initialize();
  try {
    await inScriptContext(dataSource, async (context) => {
      await context.db.enterTenant({ tenantId: admin.tenantId, clientId: null });
      context.viewer = {
        kind: 'member',
        tenantId: admin.tenantId,
        memberId: admin.memberId,
        role: 'ADMIN',
        clientId: null,
        sessionId: 'demo-seed',
      };
      await seedHiringDemo(context, clients, '2026-03-01');
    });
  } finally {
    await dataSource.destroy();
  }
}

describe('the hiring demo', () => {
  it('gives the hotel a ready front-desk profile with ranked candidates, one flagged, and a draft elsewhere', async () => {
    const hotel = await createClient(api, admin, { name: 'Tidewater Hotels', industry: 'HOSPITALITY' });
    const telco = await createClient(api, admin, { name: 'ClearCall', industry: 'TELECOMMUNICATIONS' });
    await seed([
      { id: telco, name: 'ClearCall', industry: 'TELECOMMUNICATIONS' },
      { id: hotel, name: 'Tidewater Hotels', industry: 'HOSPITALITY' },
    ]);
    const response = await api.graphql<{
      hotel: {
        roleProfiles: {
          title: string;
          ready: boolean;
          candidates: {
            rank: number;
            flagged: boolean;
            complete: boolean;
            fit: number;
            scorecard: { candidateRef: string };
          }[];
        }[];
      };
      telco: { roleProfiles: { title: string; ready: boolean; readinessGaps: { message: string }[] }[] };
    }>(
      `query ($hotel: ID!, $telco: ID!) {
         hotel: client(id: $hotel) { roleProfiles { title ready candidates { rank flagged complete fit scorecard { candidateRef } } } }
         telco: client(id: $telco) { roleProfiles { title ready readinessGaps { message } } }
       }`,
      { hotel, telco },
      admin,
    );
    const [host] = response.data.hotel.roleProfiles;
    expect(host).toMatchObject({ title: 'Front-desk host', ready: true });
    // FD-2031: (100·30 + 75·15 + 50·15 + 75·20 + 100·20) / 100 = 83.75
    // FD-2032: (75·30 + 75·15 + 100·15 + 50·20 + 75·20) / 100 = 73.75
    // FD-2034: (75·30 + 50·15 + 25·15) / 60 = 56.25, two criteria still unscored
    // FD-2033: (25·30 + 100·15 + 100·15 + 100·20 + 100·20) / 100 = 77.5, above FD-2032, but warmth scored 2
    // flags them, so they rank last
    expect(
      host?.candidates.map((c) => [c.rank, c.scorecard.candidateRef, c.fit, c.flagged, c.complete]),
    ).toEqual([
      [1, 'FD-2031', 83.75, false, true],
      [2, 'FD-2032', 73.75, false, true],
      [3, 'FD-2034', 56.25, false, false],
      [4, 'FD-2033', 77.5, true, true],
    ]);
    expect(response.data.telco.roleProfiles).toEqual([
      {
        title: 'Contact-centre agent',
        ready: false,
        readinessGaps: [{ message: 'The weights add up to 90; add 10 more to reach 100.' }],
      },
    ]);
  });
});
