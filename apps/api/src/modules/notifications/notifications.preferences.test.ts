import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../core/config.js';
import { inScriptContext } from '../../core/tenancy/script-context.js';
import { startTestApi, type TestApi, unchecked } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import type { SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';
import { digestSettingsOf, recipientDelivery } from './recipient-delivery.js';
import { unsubscribeHeaders, unsubscribeUrl, type UnsubscribeTarget } from './unsubscribe-links.js';

const PREFERENCES = graphql(`
  query NotificationsMyEmailPreferences {
    myEmailPreferences {
      kinds {
        kind
        label
        description
        delivery
        isDefault
      }
      digest {
        cadence
        weekday
        timeZone
        isDefault
        nextDigestAt
      }
    }
  }
`);

const SET_PREFERENCE = graphql(`
  mutation NotificationsSetEmailPreference($input: SetEmailPreferenceInput!) {
    setEmailPreference(input: $input) {
      preferences {
        kinds {
          kind
          delivery
          isDefault
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

const SET_DIGEST = graphql(`
  mutation NotificationsSetDigestSettings($input: SetDigestSettingsInput!) {
    setDigestSettings(input: $input) {
      preferences {
        digest {
          cadence
          weekday
          timeZone
          isDefault
          nextDigestAt
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

let api: TestApi;
let world: { admin: SignedIn; client: string; leader: SignedIn; consultant: SignedIn };
let other: { admin: SignedIn };
const secret = readConfig().emailLinkSecret;

beforeAll(async () => {
  api = await startTestApi();
  world = await seed(api).consultancy().client().leader().consultant();
  other = await seed(api).consultancy();
});
afterAll(() => api.close());

async function preferencesOf(who: SignedIn) {
  const answer = await api.graphql(PREFERENCES, {}, who);
  expect(answer.errors).toBeUndefined();
  return answer.data.myEmailPreferences;
}

async function deliveryOf(who: SignedIn, kind: string) {
  return (await preferencesOf(who)).kinds.find((k) => k.kind === kind)!;
}

const linkFor = (target: UnsubscribeTarget) =>
  unsubscribeUrl({ publicUrl: api.url, emailLinkSecret: secret }, target);

function postOneClick(url: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: 'List-Unsubscribe=One-Click',
    redirect: 'manual',
  });
}

describe('email preferences before anyone chooses', () => {
  it('are the role’s defaults, each kind with its words, and a daily digest at 08:00 UTC', async () => {
    const consultant = await preferencesOf(world.consultant);
    expect(consultant.kinds.map((k) => [k.kind, k.delivery, k.isDefault])).toEqual([
      ['ACTION_ASSIGNED', 'IMMEDIATE', true],
      ['ACTION_REMINDER', 'IMMEDIATE', true],
      ['SERVICE_LEVEL_ALERT', 'IMMEDIATE', true],
      ['DETRACTOR_FEEDBACK', 'IMMEDIATE', true],
      ['RISING_COMPLAINTS', 'IMMEDIATE', true],
      ['MONTHLY_REPORT', 'OFF', true],
    ]);
    expect(consultant.kinds[0]).toMatchObject({ label: 'Actions given to you' });
    expect(consultant.kinds.every((k) => k.description.length > 20)).toBe(true);
    expect(consultant.digest).toMatchObject({
      cadence: 'DAILY',
      weekday: null,
      timeZone: 'UTC',
      isDefault: true,
    });
    expect(new Date(consultant.digest.nextDigestAt).toISOString()).toMatch(/T08:00:00\.000Z$/);

    const leader = await preferencesOf(world.leader);
    expect(Object.fromEntries(leader.kinds.map((k) => [k.kind, k.delivery]))).toMatchObject({
      SERVICE_LEVEL_ALERT: 'DIGEST',
      DETRACTOR_FEEDBACK: 'DIGEST',
      MONTHLY_REPORT: 'IMMEDIATE',
    });
    expect(leader.kinds.map((k) => k.kind)).not.toContain('INVITATION');
  });

  it('are a person’s: an API key is refused', async () => {
    const created = await api.graphql<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "BI", scopes: [CLIENTS_READ, ACTIONS_READ] }) { secret } }`,
      {},
      world.admin,
    );
    const answer = await api.graphql(PREFERENCES, {}, { token: created.data.createApiKey.secret });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('choosing', () => {
  it('reads back what was set, and leaves other members as they were', async () => {
    const set = await api.graphql(
      SET_PREFERENCE,
      { input: { kind: 'RISING_COMPLAINTS', delivery: 'DIGEST' } },
      world.consultant,
    );
    expect(set.data.setEmailPreference.userErrors).toEqual([]);
    expect(set.data.setEmailPreference.preferences!.kinds).toContainEqual({
      kind: 'RISING_COMPLAINTS',
      delivery: 'DIGEST',
      isDefault: false,
    });
    // Setting it again changes the one row.
    await api.graphql(
      SET_PREFERENCE,
      { input: { kind: 'RISING_COMPLAINTS', delivery: 'OFF' } },
      world.consultant,
    );
    expect(await deliveryOf(world.consultant, 'RISING_COMPLAINTS')).toMatchObject({
      delivery: 'OFF',
      isDefault: false,
    });
    expect(await deliveryOf(world.admin, 'RISING_COMPLAINTS')).toMatchObject({
      delivery: 'IMMEDIATE',
      isDefault: true,
    });
    expect(await deliveryOf(other.admin, 'RISING_COMPLAINTS')).toMatchObject({ isDefault: true });

    const digest = await api.graphql(
      SET_DIGEST,
      { input: { cadence: 'WEEKLY', weekday: 1, timeZone: 'america/new_york' } },
      world.consultant,
    );
    expect(digest.data.setDigestSettings.userErrors).toEqual([]);
    const saved = digest.data.setDigestSettings.preferences!.digest;
    expect(saved).toMatchObject({
      cadence: 'WEEKLY',
      weekday: 1,
      timeZone: 'America/New_York',
      isDefault: false,
    });
    const next = new Date(saved.nextDigestAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getUTCDay()).toBe(1);
    expect([12, 13]).toContain(next.getUTCHours());
    expect((await preferencesOf(world.leader)).digest.isDefault).toBe(true);
  });

  it('refuses bad input with errors naming the field, and writes nothing', async () => {
    // A user error on the field, or the API's refusal of unstorable text before it reaches us (core's input
    // checks, whose `field` is the argument's path: `input.kind`).
    const kindErrors = async (kind: string) => {
      const answer = await api.graphql(SET_PREFERENCE, { input: { kind, delivery: 'OFF' } }, world.leader);
      return answer.errors
        ? answer.errors.map((e) => ({
            field: String(e.extensions?.field).replace(/^input\./, ''),
            code: e.extensions?.code,
          }))
        : answer.data.setEmailPreference.userErrors;
    };
    expect(await kindErrors('NOT_A_KIND')).toEqual([
      expect.objectContaining({ field: 'kind', code: 'INVALID' }),
    ]);
    expect(await kindErrors('INVITATION')).toEqual([
      expect.objectContaining({ field: 'kind', code: 'INVALID' }),
    ]);
    expect(await kindErrors('DIGEST')).toEqual([expect.objectContaining({ field: 'kind', code: 'INVALID' })]);
    expect(await kindErrors('ACTION_ASSIGNED\0')).toEqual([expect.objectContaining({ field: 'kind' })]);

    const digestErrors = async (input: Record<string, unknown>) => {
      const answer = await api.graphql(SET_DIGEST, unchecked({ input }), world.leader);
      return answer.errors
        ? answer.errors.map((e) => ({
            field: String(e.extensions?.field).replace(/^input\./, ''),
            code: e.extensions?.code,
          }))
        : answer.data.setDigestSettings.userErrors;
    };
    expect(await digestErrors({ cadence: 'DAILY', timeZone: 'Mars/Olympus_Mons' })).toEqual([
      expect.objectContaining({ field: 'timeZone', code: 'INVALID' }),
    ]);
    expect(await digestErrors({ cadence: 'DAILY', timeZone: 'Europe/London\0' })).toEqual([
      expect.objectContaining({ field: 'timeZone' }),
    ]);
    expect(await digestErrors({ cadence: 'WEEKLY', weekday: 9, timeZone: 'UTC' })).toEqual([
      expect.objectContaining({ field: 'weekday', code: 'INVALID' }),
    ]);
    expect(await digestErrors({ cadence: 'WEEKLY', timeZone: 'UTC' })).toEqual([
      expect.objectContaining({ field: 'weekday', code: 'REQUIRED' }),
    ]);
    const huge = await digestErrors({ cadence: 'DAILY', timeZone: 'x'.repeat(100_000) });
    expect(huge).toEqual([expect.objectContaining({ field: 'timeZone' })]);

    const rows = await api.ownerQuery('SELECT 1 FROM email_digest_settings WHERE member_id = $1', [
      world.leader.memberId,
    ]);
    expect(rows).toEqual([]);
  });
});

describe('one-click unsubscribe', () => {
  it('turns the kind off for that member on a POST, as mail clients send it, with the RFC 8058 headers', async () => {
    const url = linkFor({
      tenantId: world.admin.tenantId,
      memberId: world.leader.memberId,
      kind: 'ACTION_REMINDER',
    });
    expect(url).toMatch(new RegExp(`^${api.url}/email/unsubscribe\\?token=[A-Za-z0-9._%-]+$`));
    expect(unsubscribeHeaders(url)).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const answer = await postOneClick(url);
    expect(answer.status).toBe(200);
    expect(await deliveryOf(world.leader, 'ACTION_REMINDER')).toMatchObject({
      delivery: 'OFF',
      isDefault: false,
    });
    expect(await deliveryOf(world.leader, 'ACTION_ASSIGNED')).toMatchObject({ isDefault: true });
    expect(await deliveryOf(world.consultant, 'ACTION_REMINDER')).toMatchObject({ delivery: 'IMMEDIATE' });
    const [trail] = await api.ownerQuery<{ action: string; actor_member_id: string }>(
      `SELECT action, actor_member_id FROM activity_trail WHERE tenant_id = $1 AND action = 'unsubscribeEmail'`,
      [world.admin.tenantId],
    );
    expect(trail).toEqual({ action: 'unsubscribeEmail', actor_member_id: world.leader.memberId });
  });

  it('changes nothing on a GET (link scanners open links), and answers a page whose button posts', async () => {
    const url = linkFor({
      tenantId: world.admin.tenantId,
      memberId: world.leader.memberId,
      kind: 'MONTHLY_REPORT',
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Monthly programme report');
    expect(html).toMatch(/<form method="post" action="\/email\/unsubscribe\?token=/);
    expect(await deliveryOf(world.leader, 'MONTHLY_REPORT')).toMatchObject({
      delivery: 'IMMEDIATE',
      isDefault: true,
    });

    // The page's button: the same form with then=page goes on to the portal's page.
    const action = html.match(/action="([^"]+)"/)![1]!.replaceAll('&amp;', '&');
    const posted = await fetch(`${api.url}${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click&then=page',
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/email/unsubscribed?kind=MONTHLY_REPORT');
    expect(await deliveryOf(world.leader, 'MONTHLY_REPORT')).toMatchObject({ delivery: 'OFF' });
  });

  it('refuses a forged or changed token with 400 and changes nothing', async () => {
    const target = {
      tenantId: world.admin.tenantId,
      memberId: world.consultant.memberId,
      kind: 'ACTION_ASSIGNED',
    } as const;
    const token = new URL(linkFor(target)).searchParams.get('token')!;
    const [tenant, member, , signature] = token.split('.');
    const forged = [
      `${tenant}.${member}.MONTHLY_REPORT.${signature}`,
      `${other.admin.tenantId}.${member}.ACTION_ASSIGNED.${signature}`,
      `${tenant}.${member}.ACTION_ASSIGNED.${'A'.repeat(43)}`,
      token.slice(0, -1),
      'not-a-token',
      'x'.repeat(5000),
    ];
    for (const bad of forged) {
      const url = `${api.url}/email/unsubscribe?token=${encodeURIComponent(bad)}`;
      const answer = await postOneClick(url);
      expect(answer.status, bad).toBe(400);
      const body = (await answer.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      expect(body.errors[0]!.message).toMatch(/not valid/);
      expect((await fetch(url)).status).toBe(400);
    }
    const untouched = await api.ownerQuery('SELECT 1 FROM email_preferences WHERE member_id = $1', [
      world.consultant.memberId,
    ]);
    // The consultant chose RISING_COMPLAINTS above; nothing else.
    expect(untouched).toHaveLength(1);
  });

  it('reaches only the tenant its token names, whoever is signed in, and says nothing of a removed member', async () => {
    // Tenant B's admin posting tenant A's link: the bearer is not read, the token's tenant is used.
    const url = linkFor({
      tenantId: world.admin.tenantId,
      memberId: world.admin.memberId,
      kind: 'DETRACTOR_FEEDBACK',
    });
    expect((await postOneClick(url, { authorization: `Bearer ${other.admin.token}` })).status).toBe(200);
    expect(await deliveryOf(world.admin, 'DETRACTOR_FEEDBACK')).toMatchObject({ delivery: 'OFF' });
    expect(await deliveryOf(other.admin, 'DETRACTOR_FEEDBACK')).toMatchObject({ isDefault: true });

    // A token of tenant B naming a member of tenant A finds nobody there: nothing is written anywhere.
    const across = linkFor({
      tenantId: other.admin.tenantId,
      memberId: world.consultant.memberId,
      kind: 'ACTION_REMINDER',
    });
    expect((await postOneClick(across)).status).toBe(200);
    const gone = linkFor({ tenantId: world.admin.tenantId, memberId: randomUUID(), kind: 'ACTION_REMINDER' });
    expect((await postOneClick(gone)).status).toBe(200);
    expect(await deliveryOf(world.consultant, 'ACTION_REMINDER')).toMatchObject({ isDefault: true });
    expect(await api.countRows('email_preferences', other.admin.tenantId)).toBe(0);
  });
});

describe('recipientDelivery', () => {
  it('answers each member’s choice or role default in one read, and OFF for anyone who is not a member', async () => {
    await api.graphql(
      SET_PREFERENCE,
      { input: { kind: 'SERVICE_LEVEL_ALERT', delivery: 'OFF' } },
      world.admin,
    );
    const stranger = randomUUID();
    const deliveries = await inScriptContext(api.dataSource, async (context) => {
      await context.db.enterTenant({ tenantId: world.admin.tenantId, clientId: null });
      return context.db.read((db) =>
        recipientDelivery(
          db,
          [
            world.admin.memberId,
            world.consultant.memberId,
            world.leader.memberId,
            other.admin.memberId,
            stranger,
            'odd',
          ],
          'SERVICE_LEVEL_ALERT',
        ),
      );
    });
    expect(Object.fromEntries(deliveries)).toEqual({
      [world.admin.memberId]: 'OFF',
      [world.consultant.memberId]: 'IMMEDIATE',
      [world.leader.memberId]: 'DIGEST',
      [other.admin.memberId]: 'OFF',
      [stranger]: 'OFF',
      odd: 'OFF',
    });
  });

  it('goes with digestSettingsOf: each member’s saved digest, or the default', async () => {
    const settings = await inScriptContext(api.dataSource, async (context) => {
      await context.db.enterTenant({ tenantId: world.admin.tenantId, clientId: null });
      return context.db.read((db) =>
        digestSettingsOf(db, [world.consultant.memberId, world.leader.memberId]),
      );
    });
    expect(settings.get(world.consultant.memberId)).toEqual({
      cadence: 'WEEKLY',
      weekday: 1,
      timeZone: 'America/New_York',
    });
    expect(settings.get(world.leader.memberId)).toEqual({ cadence: 'DAILY', weekday: null, timeZone: 'UTC' });
  });
});
