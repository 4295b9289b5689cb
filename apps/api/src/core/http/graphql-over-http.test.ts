import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { startTestApi, type TestApi } from '../../../test/test-api.js';

/**
 * The GraphQL-over-HTTP spec's own audit suite (from the graphql-http package), run against the real server: what a
 * standards-following client or tool expects of us.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('GraphQL over HTTP', () => {
  it('passes every MUST and SHOULD of the spec’s server audits', async () => {
    const results = [];
    for (const audit of serverAudits({ url: `${api.url}/graphql` })) {
      const result = await audit.fn();
      results.push(result);
    }
    const failures = results.filter((r) => r.status !== 'ok' && !r.name.startsWith('MAY'));
    expect(failures.map((f) => `${f.name}: ${'reason' in f ? f.reason : ''}`)).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});
