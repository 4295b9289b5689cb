import type { DataSource } from 'typeorm';
import type { RequestContext } from '../core/context.js';
import { inScriptContext } from '../core/tenancy/script-context.js';
import { signUp } from '../modules/accounts/service.js';
import { createClient } from '../modules/clients/service.js';
import { saveWorkshop } from '../modules/clients/workshop-service.js';
import { changeEngagementStatus, createEngagement } from '../modules/engagements/service.js';
import { acceptInvitation, inviteMember } from '../modules/members/service.js';
import { addDays } from '../modules/engagements/milestone-service.js';
import { DEMO_ACCOUNT, DEMO_CLIENTS, DEMO_CONSULTANT, type DemoClient } from './demo-programme.js';

/**
 * Loads the demo consultancy through the same services (and so the same rules) as the API. Runs once: if the demo
 * email can already sign in, nothing is added.
 */
export async function seedDemo(dataSource: DataSource) {
  const { email, password } = DEMO_ACCOUNT;
  const exists = await dataSource.query('SELECT sign_in_tenant($1) AS tenant_id', [email]);
  if (exists[0]?.tenant_id) return { email, password, created: false };

  const invitations: { token: string; name: string }[] = [];
  await inScriptContext(dataSource, async (context) => {
    const account = expectOk(await signUp(context, DEMO_ACCOUNT));
    const today = new Date().toISOString().slice(0, 10);
    const consultant = expectOk(
      await inviteMember(context, { email: DEMO_CONSULTANT.email, role: 'CONSULTANT' }),
    );
    invitations.push({ token: consultant.token!, name: DEMO_CONSULTANT.name });
    for (const demo of DEMO_CLIENTS) {
      const clientId = await seedClient(context, demo, today);
      if (demo.leader) {
        const input = { email: demo.leader.email, role: 'CLIENT_LEADER', clientId };
        invitations.push({
          token: expectOk(await inviteMember(context, input)).token!,
          name: demo.leader.name,
        });
      }
    }
    return account;
  });
  for (const invitation of invitations) {
    await inScriptContext(dataSource, async (context) =>
      expectOk(await acceptInvitation(context, { token: invitation.token, name: invitation.name, password })),
    );
  }
  return { email, password, created: true };
}

async function seedClient(context: RequestContext, demo: DemoClient, today: string): Promise<string> {
  const { client } = expectOk(
    await createClient(context, {
      name: demo.name,
      industry: demo.industry,
      size: demo.size,
      region: demo.region,
      status: demo.status,
    }),
  );
  const clientId = client!.id;
  if (demo.workshop) expectOk(await saveWorkshop(context, { clientId, ...demo.workshop }));
  for (const engagement of demo.engagements) {
    const created = expectOk(
      await createEngagement(context, {
        clientId,
        title: engagement.title,
        kind: engagement.kind,
        summary: engagement.summary,
        phase: engagement.phase,
        startsOn: addDays(today, engagement.startsIn),
        endsOn: addDays(today, engagement.endsIn),
        milestones: engagement.milestones.map((m) => ({
          title: m.title,
          dueOn: addDays(today, m.dueIn),
          phase: m.phase,
          done: m.done ?? false,
        })),
      }),
    );
    for (const status of engagement.path) {
      expectOk(await changeEngagementStatus(context, { id: created.engagement!.id, status }));
    }
  }
  return clientId;
}

function expectOk<T extends { userErrors: { field: string; message: string }[] }>(payload: T): T {
  if (payload.userErrors.length) {
    throw new Error(
      `Demo data was refused: ${payload.userErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
    );
  }
  return payload;
}
