import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, signUpConsultancy } from '../../../test/factories.js';
import { hashingLoad } from '../auth/passwords.js';
import { modules } from '../../modules/index.js';
import { buildSchema } from './schema.js';
import { ONE_SIGN_IN_CODE, SIGN_IN_DIRECTIVE, oneSignInPerOperation } from './one-sign-in-per-request.js';

let schema: GraphQLSchema;
const refusals = (source: string) =>
  validate(schema, parse(source), [oneSignInPerOperation]).map((error) => error.extensions.code);

const LOG_IN = 'logIn(input: { email: "a@example.com", password: "guess" }) { token }';

describe('one sign-in field per operation', () => {
  beforeAll(() => {
    schema = buildSchema(modules);
  });

  it('lets one sign-in field through, with anything else', () => {
    expect(refusals(`mutation { ${LOG_IN} logOut { loggedOut } }`)).toEqual([]);
  });

  it.each([
    ['two aliases', `mutation { a: ${LOG_IN} b: ${LOG_IN} }`],
    ['the same field twice', `mutation { ${LOG_IN} ${LOG_IN} }`],
    ['a fragment spread twice', `mutation { ...F ...F } fragment F on Mutation { ${LOG_IN} }`],
    [
      'nested fragments',
      `mutation { ...Outer } fragment Outer on Mutation { ...Inner x: ${LOG_IN} } fragment Inner on Mutation { ${LOG_IN} }`,
    ],
    ['inline fragments', `mutation { ... on Mutation { a: ${LOG_IN} } ... { b: ${LOG_IN} } }`],
    [
      'different sign-in fields',
      `mutation { ${LOG_IN} acceptInvitation(input: { token: "t", name: "n", password: "p" }) { token } }`,
    ],
  ])('refuses %s', (_, source) => {
    expect(refusals(source)).toEqual([ONE_SIGN_IN_CODE]);
  });

  it('judges each operation of a document on its own (only one of them runs)', () => {
    expect(refusals(`mutation A { ${LOG_IN} } mutation B { ${LOG_IN} }`)).toEqual([]);
    expect(refusals(`mutation A { ${LOG_IN} } mutation B { x: ${LOG_IN} y: ${LOG_IN} }`)).toEqual([
      ONE_SIGN_IN_CODE,
    ]);
  });

  it('counts a fragment that is only defined, not spread, nowhere', () => {
    expect(refusals(`mutation { ${LOG_IN} } fragment Unused on Mutation { ${LOG_IN} }`)).toEqual([]);
  });

  it('marks every mutation that takes a password', () => {
    const mutations = schema.getMutationType()!.getFields();
    const takesPassword = Object.values(mutations).filter((field) => {
      const input = field.args
        .find((arg) => arg.name === 'input')
        ?.type.toString()
        .replace('!', '');
      const type = input ? schema.getType(input) : undefined;
      const fields = type && 'getFields' in type ? Object.keys(type.getFields()) : [];
      return fields.some((name) => /password/i.test(name));
    });
    expect(takesPassword.length).toBeGreaterThanOrEqual(4);
    for (const field of takesPassword) {
      const marked = field.astNode?.directives?.some((d) => d.name.value === SIGN_IN_DIRECTIVE);
      expect(marked, field.name).toBe(true);
    }
  });
});

describe('twenty aliased sign-ins in one request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('are refused before any password is checked', async () => {
    const admin = await signUpConsultancy(api);
    const fields = Array.from(
      { length: 20 },
      (_, i) =>
        `g${i}: logIn(input: { email: "${admin.email}", password: "guess number ${i}" }) { token userErrors { code } }`,
    );
    const started = performance.now();
    const response = await api.graphql(`mutation { ${fields.join('\n')} }`);
    const took = performance.now() - started;
    // 200 for a client that accepts only application/json (GraphQL over HTTP); the errors are in the body.
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/only once, but this one asks 20 times \(logIn\)/),
        extensions: expect.objectContaining({ code: ONE_SIGN_IN_CODE }),
      }),
    ]);
    // No guess was counted against the account, and no argon2 work was queued.
    const failures = await api.ownerQuery('SELECT failures FROM sign_in_failures WHERE user_id = $1', [
      admin.memberId,
    ]);
    expect(failures).toEqual([]);
    expect(hashingLoad()).toEqual({ active: 0, waiting: 0 });
    expect(took).toBeLessThan(2000);
    const alone = await api.graphql<{ logIn: { token: string | null } }>(
      `mutation { logIn(input: { email: "${admin.email}", password: "${PASSWORD}" }) { token } }`,
    );
    expect(alone.data.logIn.token).toMatch(/^css_/);
  });
});
