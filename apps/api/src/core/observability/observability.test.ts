import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { logger } from '../logger.js';
import { graphql } from '../../../test/generated/index.js';

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

describe('logs', () => {
  it('writes one line per request with request id, tenant and operation, and never the password', async () => {
    const info = vi.spyOn(logger, 'info');
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-check' },
      body: JSON.stringify({
        query: 'mutation SignIn($input: LogInInput!) { logIn(input: $input) { token } }',
        variables: { input: { email: admin.email, password: PASSWORD } },
      }),
    });
    const lines = info.mock.calls.map((call) => JSON.stringify(call));
    info.mockRestore();
    const line = lines.find((l) => l.includes('log-check'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)[0]).toMatchObject({
      requestId: 'log-check',
      operation: 'SignIn',
      tenantId: admin.tenantId,
    });
    expect(lines.join('\n')).not.toContain(PASSWORD);
    expect(lines.join('\n')).not.toContain('css_');
  });
});

describe('metrics', () => {
  it('counts requests per operation and errors per code, for loopback scrapers', async () => {
    await api.graphql(
      graphql(`
        query Home {
          me {
            id
          }
        }
      `),
      {},
      admin,
    );
    await api.graphql(
      graphql(`
        query Nope {
          clients {
            totalCount
          }
        }
      `),
    );
    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(/csp_graphql_request_duration_seconds_count\{operation="Home",outcome="ok"\} \d+/);
    expect(text).toMatch(/csp_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
    expect(text).toMatch(/csp_db_pool_connections\{state="total"\} \d+/);
  });

  it('shows how late the event loop runs, beyond its sampling interval, so one request stalling it shows', async () => {
    const scrape = async () => (await fetch(`${api.url}/metrics`)).text();
    const delay = (text: string, quantile: string) =>
      Number(
        new RegExp(`csp_event_loop_delay_seconds\\{quantile="${quantile}"\\} ([\\d.e+-]+)`).exec(text)?.[1],
      );
    await scrape(); // starts a fresh window
    await new Promise((resolve) => setTimeout(resolve, 100));
    const blockedUntil = performance.now() + 300; // what a request resolving fields without a pause does
    while (performance.now() < blockedUntil);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = await scrape();
    expect(delay(text, '1')).toBeGreaterThanOrEqual(0.25);
    expect(delay(text, '0.99')).toBeGreaterThanOrEqual(0.25);
    expect(delay(text, '0.5')).toBeLessThan(0.25);
    // prom-client's own figures are there too.
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds \d/);
    expect(text).toMatch(/csp_graphql_requests_in_flight\{state="running"\} \d+/);
  });

  // Who may scrape (token, proxies, production): metrics-access.test.ts.
});
