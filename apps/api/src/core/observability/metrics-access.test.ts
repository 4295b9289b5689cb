import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { serveApi, type ServedApi } from '../../../test/serve-api.js';
import { parseTrustProxy } from '../http/trust-proxy.js';

/**
 * /metrics is for the operator's scraper. Behind a reverse proxy on the same host every request arrives from
 * loopback, so the check is on the client the trusted proxy names, and production asks for the token always.
 */
let api: TestApi;
let development: ServedApi;
let withToken: ServedApi;
let production: ServedApi;
let productionWithToken: ServedApi;
beforeAll(async () => {
  api = await startTestApi();
  [development, withToken, production, productionWithToken] = await Promise.all([
    serveApi(api),
    serveApi(api, { metricsToken: 'scrape-secret' }),
    serveApi(api, { production: true }),
    serveApi(api, { production: true, metricsToken: 'scrape-secret' }),
  ]);
});
afterAll(async () => {
  await Promise.all(
    [development, withToken, production, productionWithToken].map((served) => served.close()),
  );
  await api.close();
});

const scrape = (served: ServedApi, headers: Record<string, string> = {}) =>
  fetch(`${served.url}/metrics`, { headers });

describe('/metrics', () => {
  it('answers a scraper on this host outside production', async () => {
    const answer = await scrape(development);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('csp_graphql_request_duration_seconds');
  });

  it('refuses a request a reverse proxy on this host forwards for someone else', async () => {
    expect((await scrape(development, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(403);
    // The proxy appends the address it saw; whatever the client wrote before it does not count.
    expect((await scrape(development, { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' })).status).toBe(403);
  });

  it('asks for the token when one is configured, from anywhere', async () => {
    expect((await scrape(withToken)).status).toBe(403);
    expect((await scrape(withToken, { authorization: 'Bearer wrong' })).status).toBe(403);
    const allowed = await scrape(withToken, {
      authorization: 'Bearer scrape-secret',
      'x-forwarded-for': '203.0.113.7',
    });
    expect(allowed.status).toBe(200);
  });

  it('does not exist in production without a token, not even for this host', async () => {
    expect((await scrape(production)).status).toBe(404);
    expect((await scrape(production, { authorization: 'Bearer anything' })).status).toBe(404);
  });

  it('answers the token in production', async () => {
    expect((await scrape(productionWithToken)).status).toBe(403);
    expect((await scrape(productionWithToken, { authorization: 'Bearer scrape-secret' })).status).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('is loopback by default, takes hop counts and addresses, and refuses to trust everyone', () => {
    expect(parseTrustProxy(undefined)).toBe('loopback');
    expect(parseTrustProxy('off')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(() => parseTrustProxy('true')).toThrow(/cannot trust every address/);
  });

  it('set to off judges the socket address and ignores the header', async () => {
    const noProxy = await serveApi(api, { trustProxy: parseTrustProxy('off') });
    try {
      expect((await scrape(noProxy, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    } finally {
      await noProxy.close();
    }
  });
});
