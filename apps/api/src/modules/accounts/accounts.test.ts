import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, signUpConsultancy } from '../../../test/factories.js';

const LOG_IN = `mutation ($input: LogInInput!) {
  logIn(input: $input) { token member { name } userErrors { field message code } }
}`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

// Signing up itself (by emailed link) is tested in sign-up.test.ts.
describe('a new account', () => {
  it('stores only a hash of the session token and an argon2id hash of the password', async () => {
    const admin = await signUpConsultancy(api);
    const [member] = await api.ownerQuery<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [admin.memberId],
    );
    expect(member?.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await api.ownerQuery<{ token_hash: Buffer }>(
      'SELECT token_hash FROM sessions WHERE user_id = $1',
      [admin.memberId],
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash.toString()).not.toContain(admin.token);
  });
});

describe('log-in and log-out', () => {
  it('signs in with the right password only, with one message for unknown email and wrong password', async () => {
    const admin = await signUpConsultancy(api);
    const ok = await api.graphql<{ logIn: { token: string; member: { name: string } } }>(LOG_IN, {
      input: { email: admin.email, password: PASSWORD },
    });
    expect(ok.data.logIn.member.name).toBe('Ada Admin');

    const wrong = await api.graphql<{ logIn: { userErrors: unknown[] } }>(LOG_IN, {
      input: { email: admin.email, password: 'not the password' },
    });
    const unknown = await api.graphql<{ logIn: { userErrors: unknown[] } }>(LOG_IN, {
      input: { email: 'nobody@example.com', password: 'not the password' },
    });
    expect(wrong.data.logIn.userErrors).toEqual([
      { field: 'password', code: 'INVALID', message: 'The email or password is not right.' },
    ]);
    expect(unknown.data.logIn.userErrors).toEqual(wrong.data.logIn.userErrors);
  });

  it('ends the session at once: the token stops working and the cookie is cleared', async () => {
    const admin = await signUpConsultancy(api);
    const out = await api.graphql<{ logOut: { loggedOut: boolean } }>(
      'mutation { logOut { loggedOut } }',
      {},
      admin,
    );
    expect(out.data.logOut.loggedOut).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/csp_session=;/);
    const after = await api.graphql<{ me: null }>('{ me { id } }', {}, admin);
    expect(after.data.me).toBeNull();
    const refused = await api.graphql('{ consultancy { name } }', {}, admin);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('treats an expired session as signed out', async () => {
    const admin = await signUpConsultancy(api);
    await api.ownerQuery(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [
      admin.memberId,
    ]);
    const response = await api.graphql<{ me: null }>('{ me { id } }', {}, admin);
    expect(response.data.me).toBeNull();
  });

  it('answers a forged or malformed token like no token', async () => {
    const admin = await signUpConsultancy(api);
    const forged = admin.token.slice(0, -4) + 'AAAA';
    for (const token of [forged, 'css_garbage', 'Bearer nonsense']) {
      const response = await api.graphql('{ consultancy { name } }', {}, { token });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses signed-in-only fields to anonymous callers with UNAUTHENTICATED', async () => {
    const response = await api.graphql('{ clients { totalCount } }');
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      path: ['clients'],
    });
  });
});

describe('signIn and signOut, the names that replace logIn and logOut', () => {
  it('sign in and out exactly as logIn and logOut do', async () => {
    const admin = await signUpConsultancy(api);
    const SIGN_IN = `mutation ($input: SignInInput!) {
      signIn(input: $input) { token member { name } userErrors { field message code } }
    }`;
    const wrong = await api.graphql<{ signIn: { userErrors: unknown[] } }>(SIGN_IN, {
      input: { email: admin.email, password: 'not the password' },
    });
    expect(wrong.data.signIn.userErrors).toEqual([
      { field: 'password', code: 'INVALID', message: 'The email or password is not right.' },
    ]);
    const ok = await api.graphql<{ signIn: { token: string; member: { name: string } } }>(SIGN_IN, {
      input: { email: admin.email, password: PASSWORD },
    });
    expect(ok.data.signIn.member.name).toBe('Ada Admin');
    const session = { token: ok.data.signIn.token };
    const out = await api.graphql<{ signOut: { signedOut: boolean } }>(
      'mutation { signOut { signedOut } }',
      {},
      session,
    );
    expect(out.data.signOut.signedOut).toBe(true);
    expect(out.headers.get('set-cookie')).toMatch(/csp_session=;/);
    const after = await api.graphql<{ me: null }>('{ me { id } }', {}, session);
    expect(after.data.me).toBeNull();
    const again = await api.graphql<{ signOut: { signedOut: boolean } }>(
      'mutation { signOut { signedOut } }',
    );
    expect(again.data.signOut.signedOut).toBe(false);
  });
});
