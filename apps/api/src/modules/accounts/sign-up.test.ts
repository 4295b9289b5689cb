import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asText, startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, confirmSignUp, signUpConsultancy, signUpTokenFor } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

const SIGN_UP = graphql(`
  mutation SignUpSignUp($input: SignUpInput!) {
    signUp(input: $input) {
      confirmationSent
      userErrors {
        field
        message
        code
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const unique = () => randomUUID().slice(0, 8);

function input(change: Record<string, unknown> = {}) {
  return {
    consultancyName: `Harbour Partners ${unique()}`,
    name: 'Ada',
    email: `ada-${unique()}@harbour.example`,
    password: PASSWORD,
    ...change,
  };
}

/** The raw answer, as bytes on the wire: status, the headers that are not per-request, and the body text. */
async function rawSignUp(values: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: asText(SIGN_UP), variables: { input: values } }),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  const headers = [...response.headers].filter(([name]) => !['date', 'x-request-id'].includes(name));
  return { answer: { status: response.status, headers, body }, ms };
}

/** What the sign-up queued for an address in the pre-tenant outbox, oldest first. */
const mailTo = async (email: string) =>
  (await api.queuedMail()).filter((message) => message.to.toLowerCase() === email.toLowerCase());
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('signing up tells the caller nothing about who has an account', () => {
  it('answers a new email and one that already has an account byte for byte the same', async () => {
    const member = await signUpConsultancy(api);
    const taken = await rawSignUp(input({ email: member.email.toUpperCase() }));
    const fresh = await rawSignUp(input());
    expect(taken.answer).toEqual(fresh.answer);
    expect(JSON.parse(fresh.answer.body)).toEqual({
      data: { signUp: { confirmationSent: true, userErrors: [] } },
    });
    expect(fresh.answer.headers.map(([name]) => name)).not.toContain('set-cookie');
  });

  it('takes about as long either way (the password is hashed in both)', async () => {
    const member = await signUpConsultancy(api);
    const takenMs: number[] = [];
    const freshMs: number[] = [];
    for (let round = 0; round < 4; round++) {
      takenMs.push((await rawSignUp(input({ email: member.email }))).ms);
      freshMs.push((await rawSignUp(input())).ms);
    }
    const [taken, fresh] = [median(takenMs), median(freshMs)];
    // Loose on purpose (a shared test machine): a path without the argon2 hash would be several times faster.
    expect(Math.min(taken, fresh) / Math.max(taken, fresh)).toBeGreaterThan(0.4);
  });

  it('mails a new address its confirmation link, and an address with an account a note to sign in', async () => {
    const member = await signUpConsultancy(api);
    const fresh = input({ consultancyName: 'Visit http://spam.example now', name: 'Mallory' });
    await rawSignUp(fresh);
    await rawSignUp(input({ email: member.email, consultancyName: 'Visit http://spam.example now' }));

    const [confirmation] = await mailTo(fresh.email);
    // Queued in the pre-tenant outbox (no consultancy exists yet), in the sign-up's own transaction.
    expect(confirmation).toMatchObject({ kind: 'SIGN_UP_CONFIRMATION', tenantId: null, status: 'PENDING' });
    expect(confirmation?.subject).toBe('Confirm your Service Programme account');
    expect(confirmation?.text).toContain(`${api.url}/sign-up/confirm#token=csu_`);
    const note = (await mailTo(member.email)).at(-1);
    expect(note).toMatchObject({ kind: 'SIGN_UP_ALREADY_MEMBER', tenantId: null });
    expect(note?.subject).toBe('You already have a Service Programme account');
    expect(note?.text).toContain(`Sign in here instead:\n${api.url}/sign-in`);
    expect(note?.text).not.toContain('token=');
    // What the form was given never reaches a stranger's inbox.
    for (const mail of [confirmation, note]) {
      expect(mail?.text).not.toMatch(/spam\.example|Mallory/);
    }
  });

  it('sends one address at most five sign-up mails an hour, with the same answer after the limit', async () => {
    const values = input();
    const answers = [];
    for (let round = 0; round < 7; round++) answers.push((await rawSignUp(values)).answer);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await mailTo(values.email)).toHaveLength(5);
  });

  it('builds links from PUBLIC_URL when it is set, whatever Host the caller sends', async () => {
    const pinned = await startTestApi({ publicUrl: 'https://portal.example' });
    try {
      const values = input();
      const body = JSON.stringify({ query: asText(SIGN_UP), variables: { input: values } });
      const port = new URL(pinned.url).port;
      await new Promise<void>((resolve, reject) => {
        const request = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/graphql',
            method: 'POST',
            headers: { 'content-type': 'application/json', host: 'attacker.example' },
          },
          (response) => response.resume().on('end', resolve),
        );
        request.on('error', reject);
        request.end(body);
      });
      const [mail] = await pinned.queuedMail();
      expect(mail?.text).toContain('https://portal.example/sign-up/confirm#token=');
      expect(mail?.text).not.toContain('attacker.example');
    } finally {
      await pinned.close();
    }
  });
});

describe('a sign-up waiting for its link', () => {
  it('is stored with only a SHA-256 of its token and an argon2id hash of the password; nothing else exists yet', async () => {
    const before = await api.ownerQuery('SELECT tenant_id FROM consultancies');
    const values = input();
    await rawSignUp(values);
    const token = await signUpTokenFor(api, values.email);
    const rows = await api.ownerQuery<{ token_hash: Buffer; password_hash: string }>(
      'SELECT token_hash, password_hash FROM pending_sign_ups WHERE email = $1',
      [values.email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash.equals(createHash('sha256').update(token).digest())).toBe(true);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    const text = JSON.stringify(await api.ownerQuery('SELECT * FROM pending_sign_ups'));
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4));
    expect(await api.ownerQuery('SELECT tenant_id FROM consultancies')).toHaveLength(before.length);
    const logIn = await api.graphql(
      graphql(`
        mutation SignUpLogIn($input: LogInInput!) {
          logIn(input: $input) {
            token
          }
        }
      `),
      { input: { email: values.email, password: PASSWORD } },
    );
    expect(logIn.data.logIn.token).toBeNull();
  });

  it.each([
    ['consultancyName', { consultancyName: ' ' }, 'REQUIRED'],
    ['consultancyName', { consultancyName: 'x'.repeat(201) }, 'TOO_LONG'],
    ['name', { name: '' }, 'REQUIRED'],
    ['email', { email: 'not-an-email' }, 'INVALID'],
    ['password', { password: 'short' }, 'TOO_SHORT'],
    ['password', { password: 'p'.repeat(201) }, 'TOO_LONG'],
  ])('names the field when %s is wrong (%o), and stores and sends nothing', async (field, change, code) => {
    const mails = (await api.queuedMail()).length;
    const pending = await api.ownerQuery('SELECT 1 FROM pending_sign_ups');
    const response = await api.graphql(SIGN_UP, { input: input(change) });
    expect(response.data.signUp.confirmationSent).toBe(false);
    expect(response.data.signUp.userErrors).toEqual([expect.objectContaining({ field, code })]);
    expect(await api.ownerQuery('SELECT 1 FROM pending_sign_ups')).toHaveLength(pending.length);
    expect(await api.queuedMail()).toHaveLength(mails);
  });
});

describe('confirming a sign-up', () => {
  it('creates the consultancy and its admin once, signed in by token and by cookie', async () => {
    const values = input({ consultancyName: 'Harbour Partners', email: 'Ada@Harbour.example' });
    await rawSignUp(values);
    const token = await signUpTokenFor(api, 'ada@harbour.example');
    const confirmed = await confirmSignUp(api, token);
    expect(confirmed.userErrors).toEqual([]);
    expect(confirmed.token).toMatch(/^css_/);
    const cookie = confirmed.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/csp_session=css_.*HttpOnly.*SameSite=Lax/i);
    const me = await api.graphql(
      graphql(`
        query SignUpMe {
          me {
            email
            role
            name
          }
        }
      `),
      {},
      { cookie: cookie.split(';')[0] },
    );
    expect(me.data.me).toEqual({ email: 'ada@harbour.example', role: 'ADMIN', name: 'Ada' });
    const byToken = await api.graphql(
      graphql(`
        query SignUpConsultancy {
          consultancy {
            name
          }
        }
      `),
      {},
      { token: confirmed.token },
    );
    expect(byToken.data.consultancy.name).toBe('Harbour Partners');

    const consultancies = await api.ownerQuery('SELECT 1 FROM consultancies');
    const again = await confirmSignUp(api, token);
    expect(again).toMatchObject({
      token: null,
      member: null,
      userErrors: [{ field: 'token', code: 'CONFLICT', message: expect.stringMatching(/already used/) }],
    });
    expect(await api.ownerQuery('SELECT 1 FROM consultancies')).toHaveLength(consultancies.length);
    const [row] = await api.ownerQuery<{ password_hash: string | null }>(
      'SELECT password_hash FROM pending_sign_ups WHERE email = $1',
      ['ada@harbour.example'],
    );
    expect(row?.password_hash).toBeNull();
  });

  it('needs the password chosen at sign-up, and a wrong one leaves the link usable', async () => {
    const values = input();
    await rawSignUp(values);
    const token = await signUpTokenFor(api, values.email);
    const wrong = await confirmSignUp(api, token, 'someone else entirely');
    expect(wrong.userErrors).toEqual([
      { field: 'password', code: 'INVALID', message: expect.stringMatching(/not the password chosen/) },
    ]);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await confirmSignUp(api, token)).userErrors).toEqual([]);
  });

  it('refuses a link past its 24 hours, and one that was never sent', async () => {
    const values = input();
    await rawSignUp(values);
    await api.ownerQuery(
      `UPDATE pending_sign_ups SET expires_at = now() - interval '1 minute' WHERE email = $1`,
      [values.email],
    );
    const expired = await confirmSignUp(api, await signUpTokenFor(api, values.email));
    expect(expired.userErrors).toEqual([
      { field: 'token', code: 'INVALID', message: expect.stringMatching(/has expired .*Sign up again/) },
    ]);
    const unknown = await confirmSignUp(api, `csu_${'A'.repeat(43)}`);
    expect(unknown.userErrors).toEqual([
      { field: 'token', code: 'NOT_FOUND', message: expect.stringMatching(/not valid/) },
    ]);
    expect(await api.ownerQuery('SELECT 1 FROM users WHERE email = $1', [values.email])).toHaveLength(0);
  });

  it('refuses, and writes nothing, when the email got an account between sign-up and confirmation', async () => {
    const values = input();
    await rawSignUp(values);
    const first = await signUpTokenFor(api, values.email);
    await rawSignUp({ ...values, consultancyName: 'Second thoughts' });
    const second = await signUpTokenFor(api, values.email);
    expect(second).not.toBe(first);
    expect((await confirmSignUp(api, second)).userErrors).toEqual([]);

    const consultancies = await api.ownerQuery('SELECT 1 FROM consultancies');
    const late = await confirmSignUp(api, first);
    expect(late).toMatchObject({
      token: null,
      userErrors: [{ field: 'token', code: 'TAKEN', message: expect.stringMatching(/Sign in/) }],
    });
    expect(await api.ownerQuery('SELECT 1 FROM consultancies')).toHaveLength(consultancies.length);
    const names = await api.ownerQuery<{ name: string }>(
      'SELECT c.name FROM consultancies c JOIN users u ON u.tenant_id = c.tenant_id WHERE u.email = $1',
      [values.email],
    );
    expect(names).toEqual([{ name: 'Second thoughts' }]);
  });

  it('is refused to a caller who is signed in', async () => {
    const member = await signUpConsultancy(api);
    const values = input();
    await rawSignUp(values);
    const response = await api.graphql(
      graphql(`
        mutation SignUpConfirmSignUp($input: ConfirmSignUpInput!) {
          confirmSignUp(input: $input) {
            token
          }
        }
      `),
      { input: { token: await signUpTokenFor(api, values.email), password: PASSWORD } },
      { token: member.token },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
