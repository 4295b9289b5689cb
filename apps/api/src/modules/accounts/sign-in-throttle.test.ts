import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, addMember, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

const LOG_IN = `mutation ($input: LogInInput!) {
  logIn(input: $input) { token userErrors { field code message } }
}`;

interface Answer {
  token: string | null;
  userErrors: { field: string; code: string; message: string }[];
}

/** The caller's address is set as a proxy in front of the API would (the API trusts a proxy on loopback). */
async function logIn(api: TestApi, email: string, password: string, address: string): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOG_IN, variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as { data: { logIn: Answer } };
  return body.data.logIn;
}

const codeOf = (answer: Answer) => answer.userErrors[0]?.code ?? 'SIGNED_IN';
let addresses = 0;
/** A fresh address per test, so one test's failures never slow another down. */
const newAddress = () => `198.51.100.${++addresses}`;

async function wrongTimes(api: TestApi, email: string, times: number, address: string): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < times; i++) codes.push(codeOf(await logIn(api, email, `wrong guess ${i}`, address)));
  return codes;
}

const runOf = async (api: TestApi, memberId: string) =>
  (
    await api.ownerQuery<{ failures: number }>('SELECT failures FROM sign_in_failures WHERE user_id = $1', [
      memberId,
    ])
  )[0]?.failures ?? 0;

const LOCKED_UNTIL = graphql(`
  query SignInThrottleMembers {
    members(first: 100) {
      nodes {
        id
        signInLockedUntil
      }
    }
  }
`);
async function lockedUntilOf(api: TestApi, admin: SignedIn, memberId: string): Promise<string | null> {
  const response = await api.graphql(LOCKED_UNTIL, {}, admin);
  return response.data.members.nodes.find((m) => m.id === memberId)?.signInLockedUntil ?? null;
}

const UNLOCK = graphql(`
  mutation SignInThrottleUnlockMemberSignIn($memberId: ID!) {
    unlockMemberSignIn(input: { memberId: $memberId }) {
      member {
        id
        signInLockedUntil
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

describe('with the slow-down between failures taken out (to reach the lock quickly)', () => {
  let api: TestApi;
  let admin: SignedIn;
  beforeAll(async () => {
    api = await startTestApi({ signInThrottle: { account: { firstDelaySeconds: 0 } } });
    admin = await signUpConsultancy(api);
  });
  afterAll(() => api.close());

  it('refuses the right password after forty wrong ones, and tells until when', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const address = newAddress();
    const codes = await wrongTimes(api, member.email, 40, address);
    expect(codes).toEqual([...Array(10).fill('INVALID'), ...Array(30).fill('LOCKED')]);
    // Only the ten that were checked counted: refusals while locked cost no argon2 work and no failure.
    expect(await runOf(api, member.memberId)).toBe(10);

    const again = await logIn(api, member.email, PASSWORD, address);
    expect(again).toMatchObject({ token: null, userErrors: [{ code: 'LOCKED' }] });
    // From anywhere else too: the lock is the account's, not only the address's.
    const right = await logIn(api, member.email, PASSWORD, newAddress());
    expect(right.token).toBeNull();
    expect(right.userErrors).toEqual([
      {
        field: 'email',
        code: 'LOCKED',
        message: expect.stringMatching(
          /^Sign-in for this email is locked after too many wrong passwords\. Try again after \d\d:\d\d UTC \(in 1[45] minutes\), or ask an admin of your consultancy to unlock it\.$/,
        ),
      },
    ]);
    const until = new Date((await lockedUntilOf(api, admin, member.memberId))!);
    expect(until.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it('lifts the lock by itself fifteen minutes after the last failure', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    await wrongTimes(api, member.email, 10, newAddress());
    expect(codeOf(await logIn(api, member.email, PASSWORD, newAddress()))).toBe('LOCKED');
    await api.ownerQuery(
      `UPDATE sign_in_failures SET last_failed_at = last_failed_at - interval '15 minutes' WHERE user_id = $1`,
      [member.memberId],
    );
    expect(await lockedUntilOf(api, admin, member.memberId)).toBeNull();
    expect(codeOf(await logIn(api, member.email, PASSWORD, newAddress()))).toBe('SIGNED_IN');
    expect(await runOf(api, member.memberId)).toBe(0);
  });

  it('lets an admin unlock, recorded in the activity trail; others may neither see nor lift the lock', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const consultant = await addMember(api, admin, 'CONSULTANT');
    await wrongTimes(api, member.email, 10, newAddress());
    expect(await lockedUntilOf(api, admin, member.memberId)).not.toBeNull();

    const peek = await api.graphql(LOCKED_UNTIL, {}, consultant);
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byConsultant = await api.graphql(UNLOCK, { memberId: member.memberId }, consultant);
    expect(byConsultant.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await signUpConsultancy(api);
    const byOther = await api.graphql(UNLOCK, { memberId: member.memberId }, other);
    expect(byOther.data.unlockMemberSignIn.userErrors).toEqual([
      { field: 'memberId', code: 'NOT_FOUND', message: 'No member has this id.' },
    ]);
    expect(await runOf(api, member.memberId)).toBe(10);

    const unlocked = await api.graphql(UNLOCK, { memberId: member.memberId }, admin);
    expect(unlocked.data.unlockMemberSignIn).toEqual({
      member: { id: member.memberId, signInLockedUntil: null },
      userErrors: [],
    });
    const trail = await api.ownerQuery(
      `SELECT action, object_type, actor_member_id FROM activity_trail WHERE object_id = $1 AND action = $2`,
      [member.memberId, 'unlockMemberSignIn'],
    );
    expect(trail).toEqual([
      { action: 'unlockMemberSignIn', object_type: 'member', actor_member_id: admin.memberId },
    ]);
    expect(codeOf(await logIn(api, member.email, PASSWORD, newAddress()))).toBe('SIGNED_IN');
  });

  it('answers an email without an account exactly like one with an account, attempt by attempt', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const answers = async (email: string) => {
      const address = newAddress();
      const seen: Answer[] = [];
      for (let i = 0; i < 13; i++) seen.push(await logIn(api, email, `wrong guess ${i}`, address));
      seen.push(await logIn(api, email, PASSWORD, address));
      // Minutes and clock times move on between the two runs; the words must not differ.
      return seen.map((answer) => JSON.stringify(answer).replace(/\d+/g, '#'));
    };
    const known = await answers(member.email);
    expect(known.filter((answer) => answer.includes('LOCKED'))).toHaveLength(4);
    expect(await answers(unknown)).toEqual(known);
  });

  it('moves a hash made with older argon2 parameters to today’s on the next sign-in', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const old = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    await api.ownerQuery('UPDATE users SET password_hash = $2 WHERE id = $1', [member.memberId, old]);
    expect(codeOf(await logIn(api, member.email, PASSWORD, newAddress()))).toBe('SIGNED_IN');
    const [row] = await api.ownerQuery<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [member.memberId],
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(codeOf(await logIn(api, member.email, PASSWORD, newAddress()))).toBe('SIGNED_IN');
  });
});

describe('with the real slow-down', () => {
  let api: TestApi;
  let admin: SignedIn;
  beforeAll(async () => {
    api = await startTestApi({ signInThrottle: {} });
    admin = await signUpConsultancy(api);
  });
  afterAll(() => api.close());

  it('makes each attempt after five wrong passwords wait, even with the right password', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const address = newAddress();
    expect(await wrongTimes(api, member.email, 5, address)).toEqual(Array(5).fill('INVALID'));
    const tooSoon = await logIn(api, member.email, PASSWORD, address);
    expect(tooSoon.userErrors).toEqual([
      {
        field: 'email',
        code: 'LOCKED',
        message: expect.stringMatching(
          /^Too many wrong passwords for this email\. Wait [12] seconds?, then try again\.$/,
        ),
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(codeOf(await logIn(api, member.email, PASSWORD, address))).toBe('SIGNED_IN');
    expect(await runOf(api, member.memberId)).toBe(0);
  });

  it('lets twenty guesses sent side by side check only five passwords', async () => {
    const member = await addMember(api, admin, 'CONSULTANT');
    const address = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => logIn(api, member.email, `parallel guess ${i}`, address)),
    );
    const codes = answers.map(codeOf).sort();
    expect(codes).toEqual([...Array(5).fill('INVALID'), ...Array(15).fill('LOCKED')].sort());
    expect(await runOf(api, member.memberId)).toBe(5);
  });

  it('signs in twenty people at once, their checks queued rather than the database pool exhausted', async () => {
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await addMember(api, admin, 'CONSULTANT'));
    const answers = await Promise.all(
      people.map((p, i) => logIn(api, p.email, PASSWORD, `203.0.113.${i + 1}`)),
    );
    expect(answers.map(codeOf)).toEqual(Array(20).fill('SIGNED_IN'));
  });

  it('slows down one address that fails across many emails, and only that address', async () => {
    const sprayer = newAddress();
    const emails = Array.from(
      { length: 11 },
      (_, i) => `sprayed-${i}-${randomUUID().slice(0, 6)}@example.com`,
    );
    for (const email of emails.slice(0, 10)) {
      expect(codeOf(await logIn(api, email, 'Summer2026!', sprayer))).toBe('INVALID');
    }
    const next = await logIn(api, emails[10]!, 'Summer2026!', sprayer);
    expect(next.userErrors).toEqual([
      {
        field: 'email',
        code: 'LOCKED',
        message: expect.stringMatching(
          /^Too many failed sign-ins from your network\. Try again in \d+ seconds? \(at \d\d:\d\d UTC\)\.$/,
        ),
      },
    ]);
    // Someone else, elsewhere, signing in to the same kind of email is not held up.
    expect(codeOf(await logIn(api, emails[10]!, 'Summer2026!', newAddress()))).toBe('INVALID');
    expect(codeOf(await logIn(api, admin.email, PASSWORD, newAddress()))).toBe('SIGNED_IN');
  });

  it('does not count a right password against the address', async () => {
    const address = newAddress();
    for (let i = 0; i < 12; i++) {
      expect(codeOf(await logIn(api, admin.email, PASSWORD, address))).toBe('SIGNED_IN');
    }
  });
});
