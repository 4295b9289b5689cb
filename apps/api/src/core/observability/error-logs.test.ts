import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, invitationTokenFor, signUpConsultancy } from '../../../test/factories.js';
import { createLogger, logger } from '../logger.js';
import { loggedError } from '../logged-error.js';
import { graphql } from '../../../test/generated/index.js';

/**
 * A failed statement is logged with its code and where it failed, never with the values it carried: the statement's
 * parameters (here a password hash and an email address) and the row in the driver's `detail`.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  // Forces, for one name only, what a race between two sign-ups for one address meets: the insert of the account
  // refused as a duplicate, with PostgreSQL's detail naming the email.
  await api.ownerQuery(`
    CREATE FUNCTION collide_on_sign_up() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.name = 'Race Loser' THEN
        RAISE EXCEPTION USING ERRCODE = 'unique_violation',
          MESSAGE = 'duplicate key value violates unique constraint "users_tenant_id_email_key"',
          DETAIL = format('Key (tenant_id, email)=(%s, %s) already exists.', NEW.tenant_id, NEW.email),
          CONSTRAINT = 'users_tenant_id_email_key', TABLE = 'users', SCHEMA = 'public';
      END IF;
      RETURN NEW;
    END $$`);
  await api.ownerQuery(
    'CREATE TRIGGER collide_on_sign_up BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION collide_on_sign_up()',
  );
});
afterAll(() => api.close());

/** The product's own logger configuration, writing to a buffer instead of stdout. */
function captureLogs() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const captured = createLogger(sink, 'info');
  const spies = (['error', 'warn', 'info'] as const).map((level) =>
    vi
      .spyOn(logger, level)
      .mockImplementation(((...args: Parameters<typeof captured.info>) =>
        captured[level](...args)) as typeof logger.info),
  );
  return {
    lines,
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

describe('error logs', () => {
  it('keep the code, table and constraint of a failed sign-up statement but not its hash or email', async () => {
    const admin = await signUpConsultancy(api);
    const email = 'race-loser@example.com';
    await api.graphql(
      graphql(`
        mutation ErrorLogsInviteMember($input: InviteMemberInput!) {
          inviteMember(input: $input) {
            invitation {
              id
            }
          }
        }
      `),
      { input: { email, role: 'CONSULTANT' } },
      { token: admin.token },
    );
    const logs = captureLogs();
    let answer;
    try {
      answer = await api.graphql(
        graphql(`
          mutation ErrorLogsAcceptInvitation($input: AcceptInvitationInput!) {
            acceptInvitation(input: $input) {
              token
            }
          }
        `),
        { input: { token: await invitationTokenFor(api, email), name: 'Race Loser', password: PASSWORD } },
      );
    } finally {
      logs.restore();
    }
    expect(answer.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const text = logs.lines.join('\n');
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(email);
    expect(text).not.toContain(PASSWORD);
    const logged = logs.lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'unexpected error');
    expect(logged?.err).toMatchObject({
      type: 'QueryFailedError',
      code: '23505',
      table: 'users',
      constraint: 'users_tenant_id_email_key',
      message: 'duplicate key value violates unique constraint "users_tenant_id_email_key"',
    });
    expect(logged.err.stack).toContain('QueryFailedError');
  });
});

describe('the error serializer', () => {
  it('drops parameters, statements and details, and values PostgreSQL quotes in its message', () => {
    const driverError = Object.assign(
      new Error('invalid input syntax for type uuid: "someone@example.com"'),
      { code: '22P02', detail: 'someone@example.com', parameters: ['$argon2id$v=19$…'], where: 'line 1' },
    );
    const error = Object.assign(new Error(driverError.message, { cause: driverError }), {
      query: 'SELECT 1 WHERE id = $1',
      parameters: ['someone@example.com'],
      driverError,
      code: '22P02',
    });
    const text = JSON.stringify(loggedError(error));
    expect(text).not.toContain('someone@example.com');
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('SELECT');
    expect(loggedError(error)).toMatchObject({
      code: '22P02',
      message: 'invalid input syntax for type uuid: "…"',
      cause: { code: '22P02' },
    });
    expect(loggedError('a string')).toEqual({ type: 'string', message: 'a non-Error value was thrown' });
  });
});
