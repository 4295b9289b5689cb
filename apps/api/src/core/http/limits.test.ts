import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { QUERY_LIMITS } from '../graphql/query-limits.js';
import { graphql } from '../../../test/generated/index.js';

/** Every limit a public API needs, each answered with a code of its own and a message that names it. */
let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi({ rateLimit: { points: 40, windowSeconds: 60 } });
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

function nested(depth: number): string {
  let selection = 'name';
  for (let level = 0; level < depth; level++) {
    selection = level % 2 === 0 ? `client { ${selection} }` : `engagements { ${selection} }`;
  }
  return `{ clients { nodes { ${selection} } } }`;
}

describe('query limits', () => {
  it('refuses a query nested deeper than the limit, and accepts one at it', async () => {
    const deep = await api.graphql(nested(QUERY_LIMITS.depth), {}, admin);
    expect(deep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(deep.errors?.[0]?.message).toMatch(/depth limit of 12/);
    const fine = await api.graphql(nested(4), {}, admin);
    expect(fine.errors).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
    const response = await api.graphql(`{ ${aliases} }`, {}, admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  });

  it('counts aliases of __typename and other introspection fields too', async () => {
    // 1,500 of them passed before: armor leaves __typename out of its count by default.
    const typenames = Array.from({ length: 1500 }, (_, i) => `t${i}: __typename`).join(' ');
    const response = await api.graphql(`{ ${typenames} }`, {}, admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
    expect(response.errors?.[0]?.message).toMatch(/Aliases limit of 20 exceeded, found 1500/);
    const schemas = Array.from({ length: 21 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ');
    const introspection = await api.graphql(`{ ${schemas} }`, {}, admin);
    expect(introspection.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
    const allowed = Array.from({ length: QUERY_LIMITS.aliases }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await api.graphql(`{ ${allowed} }`, {}, admin)).errors).toBeUndefined();
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: QUERY_LIMITS.directives + 1 }, () => '@include(if: true)').join(
      ' ',
    );
    const response = await api.graphql(`{ me ${directives} { id } }`, {}, admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('TOO_MANY_DIRECTIVES');
  });

  it('refuses a query that would cost too much, naming the limit and the cost', async () => {
    // Lists multiply: 100 clients × 20 audits × 20 audits of the same client, whatever the data holds.
    const walk = 'audits { client { audits { client { name } } } }';
    const response = await api.graphql(`{ clients(first: 100) { nodes { ${walk} } } }`, {}, admin);
    expect(response.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_COSTLY');
    expect(response.errors?.[0]?.message).toMatch(/would cost [\d,]+, over the limit of 100,000/);
  });

  it('refuses a document with too many tokens before parsing it fully', async () => {
    const fields = Array.from({ length: QUERY_LIMITS.tokens }, () => 'id').join(' ');
    const response = await api.graphql(`{ me { ${fields} } }`, {}, admin);
    expect(response.errors?.[0]?.message).toMatch(/more th\w+ 5000 tokens/);
    expect(response.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');
  });

  it('gives no field suggestions and no stack traces', async () => {
    const response = await api.graphql('{ clientz { totalCount } }', {}, admin);
    expect(response.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(response.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });
});

describe('request limits', () => {
  it('refuses a body over 4 MB with 413 and a GraphQL error', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(4_300_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'The request body is larger than 4mb.', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    });
  });

  it('refuses malformed JSON and a content type that could be a cross-site form', async () => {
    const malformed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { id } }"',
    });
    expect(malformed.status).toBe(400);
    expect(
      ((await malformed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('BAD_REQUEST');
    const form = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query": "{ me { id } }"}',
    });
    expect(form.status).toBe(400);
  });

  it('answers 429 with Retry-After once a caller spends its requests, without touching other callers', async () => {
    const caller = await signUpConsultancy(api);
    let limited: Response | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited!.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    const other = await api.graphql(
      graphql(`
        query LimitsMe2 {
          me {
            id
          }
        }
      `),
      {},
      admin,
    );
    expect(other.data.me!.id).toBe(admin.memberId);
  });
});
