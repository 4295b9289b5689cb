import { seedFeedbackDemo } from './feedback.js';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../core/context.js';
import { inScriptContext } from '../core/tenancy/script-context.js';
import { logIn, confirmSignUp, signUpMailing, signUpTokenIn } from '../modules/accounts/index.js';
import { latestMailTo, preTenantMailJob } from '../modules/mail/index.js';
import { seedActionsDemo } from './actions.js';
import { seedAuditsDemo } from './audits.js';
import { publishedCharterOf, signOffCharterVersion } from '../modules/charters/index.js';
import { seedChartersDemo } from './charters.js';
import { seedComplaintsDemo } from './complaints.js';
import { createClient, saveWorkshop } from '../modules/clients/index.js';
import { changeEngagementStatus, createEngagement, addDays } from '../modules/engagements/index.js';
import { seedHiringDemo } from './hiring.js';
import { seedServiceLevelsDemo } from './service-levels.js';
import { seedSingleSignOnDemo } from './single-sign-on.js';
import { seedTouchPointsDemo } from './touch-points.js';
import { invitationTokenIn, acceptInvitation, inviteMember } from '../modules/members/index.js';
import { DEMO_ACCOUNT, DEMO_CLIENTS, DEMO_CONSULTANT, type DemoClient } from './demo-programme.js';

interface Invitee {
  token: string;
  name: string;
  email: string;
  clientId?: string;
}

/**
 * Loads the demo consultancy through the same services (and so the same rules) as the API: clients, engagements,
 * charters, audits months apart, hiring profiles, then the people, their actions, a year of measured service for
 * two clients (with a breach and the action raised from it), a single sign-on connection half set up, and the
 * leaders' sign-offs. Runs once:
 * if the demo email can already sign in, nothing is added.
 */
export async function seedDemo(dataSource: DataSource) {
  const { email, password } = DEMO_ACCOUNT;
  const exists = await dataSource.query('SELECT sign_in_tenant($1) AS tenant_id', [email]);
  if (exists[0]?.tenant_id) return { email, password, created: false };
  const today = new Date().toISOString().slice(0, 10);

  // Signed up the way anyone is: the link comes by mail, here read from the outbox by the mail's id and followed
  // at once.
  const mailId = await inScriptContext(dataSource, async (context) => {
    const { payload, mailId } = await signUpMailing(context, DEMO_ACCOUNT);
    expectOk(payload);
    return mailId;
  });
  const mailed = mailId ? await preTenantMailJob(dataSource, mailId) : null;
  const token = signUpTokenIn(mailed?.text ?? '');
  if (!token) throw new Error('The demo sign-up sent no confirmation link.');

  const { clients, invitees } = await inScriptContext(dataSource, async (context) => {
    expectOk(await confirmSignUp(context, { token, password }));
    const invitees: Invitee[] = [
      await invite(context, DEMO_CONSULTANT.email, DEMO_CONSULTANT.name, 'CONSULTANT'),
    ];
    const clients = [];
    for (const demo of DEMO_CLIENTS) {
      const id = await seedClient(context, demo, today);
      clients.push({ id, name: demo.name, industry: demo.industry });
      if (demo.leader)
        invitees.push(await invite(context, demo.leader.email, demo.leader.name, 'CLIENT_LEADER', id));
    }
    await seedChartersDemo(context, clients, today);
    await seedAuditsDemo(context, clients, today);
    await seedHiringDemo(context, clients, today);
    return { clients, invitees };
  });

  const memberIds = new Map<string, string>();
  for (const invitee of invitees) {
    const accepted = await inScriptContext(dataSource, async (context) =>
      expectOk(await acceptInvitation(context, { token: invitee.token, name: invitee.name, password })),
    );
    memberIds.set(invitee.email, accepted.member!.id);
  }
  const leaders = invitees.filter((i) => i.clientId);

  await inScriptContext(dataSource, async (context) => {
    expectOk(await logIn(context, { email, password }));
    const owners = {
      consultantId: memberIds.get(DEMO_CONSULTANT.email)!,
      leaderOf: new Map(leaders.map((l) => [l.clientId!, memberIds.get(l.email)!])),
    };
    await seedActionsDemo(context, clients, today, owners);
    await seedServiceLevelsDemo(context, clients, new Date(), owners);
    await seedComplaintsDemo(context, clients, new Date(), owners);
    await seedTouchPointsDemo(context, clients, today, owners);
    await seedFeedbackDemo(context, clients, new Date(), owners);
    await seedSingleSignOnDemo(context);
  });
  for (const leader of leaders) {
    await inScriptContext(dataSource, async (context) => {
      expectOk(await logIn(context, { email: leader.email, password }));
      const charter = await context.db.read((db) => publishedCharterOf(db, leader.clientId!));
      if (charter) expectOk(await signOffCharterVersion(context, { versionId: charter.versionId }));
    });
  }
  return { email, password, created: true };
}

async function invite(
  context: RequestContext,
  email: string,
  name: string,
  role: 'CONSULTANT' | 'CLIENT_LEADER',
  clientId?: string,
): Promise<Invitee> {
  expectOk(await inviteMember(context, { email, role, clientId }));
  // Invitations come by mail too: the seed reads each link from the outbox, as the invitee would from their inbox.
  const mailed = await context.db.read((db) => latestMailTo(db, email));
  const token = invitationTokenIn(mailed ?? '');
  if (!token) throw new Error(`The demo invitation for ${email} sent no link.`);
  return { token, name, email, clientId };
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
