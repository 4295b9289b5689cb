import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { serveApi, type ServedApi } from '../../../test/serve-api.js';

/**
 * A same-site page could frame the signed-in portal (clickjacking): every answer now forbids framing and carries
 * a policy that lets the portal load only its own files. Checked on the portal, on GraphQL and on errors.
 */
let api: TestApi;
let development: ServedApi;
let production: ServedApi;
let portalDist: string;
beforeAll(async () => {
  portalDist = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-'));
  fs.writeFileSync(path.join(portalDist, 'index.html'), '<!doctype html><div id="root"></div>');
  api = await startTestApi();
  [development, production] = await Promise.all([
    serveApi(api, { portalDist }),
    serveApi(api, { portalDist, production: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([development.close(), production.close()]);
  await api.close();
  fs.rmSync(portalDist, { recursive: true, force: true });
});

function directives(response: Response): Map<string, string> {
  const policy = response.headers.get('content-security-policy') ?? '';
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );
}

function expectNoFraming(response: Response) {
  expect(directives(response).get('frame-ancestors')).toBe("'none'");
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

const graphql = (served: ServedApi, body: string, headers: Record<string, string> = {}) =>
  fetch(`${served.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('the portal page', () => {
  it.each(['/', '/clients/some-deep-link'])(
    '%s may not be framed and loads only its own files',
    async (route) => {
      const response = await fetch(`${development.url}${route}`);
      expect(response.status).toBe(200);
      expectNoFraming(response);
      const policy = directives(response);
      for (const name of ['default-src', 'script-src', 'style-src', 'connect-src', 'img-src', 'font-src']) {
        expect(policy.get(name), name).toBe("'self'");
      }
      expect(policy.get('object-src')).toBe("'none'");
      expect(policy.get('base-uri')).toBe("'self'");
      expect([...policy.values()].join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|https:|data:/);
    },
  );

  it('asks for HTTPS only in production', async () => {
    expect((await fetch(development.url)).headers.get('strict-transport-security')).toBeNull();
    const secure = await fetch(production.url);
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=31536000; includeSubDomains/);
    expect(directives(secure).has('upgrade-insecure-requests')).toBe(true);
    expectNoFraming(secure);
  });
});

describe('GraphQL', () => {
  it('answers with the same protections, loading nothing in production', async () => {
    const answer = await graphql(production, JSON.stringify({ query: '{ me { id } }' }));
    expect(answer.status).toBe(200);
    expectNoFraming(answer);
    expect(directives(answer).get('default-src')).toBe("'none'");
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('lets no cache keep an answer, whatever the query', async () => {
    // Apollo's cache-control plugin, which said so before, is off (core/server.ts): the header is ours now.
    for (const served of [development, production]) {
      const response = await graphql(served, JSON.stringify({ query: '{ __typename }' }));
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('keeps Apollo’s sandbox page usable in development, and does not serve it in production', async () => {
    const page = await fetch(`${development.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Content-Security-Policy');
    expectNoFraming(page);
    expect(directives(page).has('default-src')).toBe(false);
    const none = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await none.text()).not.toContain('<!DOCTYPE html>');
  });
});

describe('errors', () => {
  it.each([
    ['a GraphQL error', () => graphql(development, JSON.stringify({ query: '{ nope }' })), 200],
    ['a body that is not JSON', () => graphql(development, '{not json'), 400],
    ['a body too large', () => graphql(development, JSON.stringify({ query: 'x'.repeat(4_300_000) })), 413],
    ['metrics refused', () => fetch(`${production.url}/metrics`), 404],
  ])('carry the headers too: %s', async (_, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expectNoFraming(response);
  });
});
