import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import type { Viewer } from '../auth/viewer.js';
import { concurrencyLimiter } from './concurrency.js';

const member = (memberId: string, tenantId = 'tenant-a'): Viewer => ({
  kind: 'member',
  tenantId,
  memberId,
  role: 'CONSULTANT',
  clientId: null,
  sessionId: `session-${memberId}`,
});

async function refusal(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe('the in-flight limiter', () => {
  it('lets a caller run its share, queues the next briefly, then refuses it with 429 and Retry-After', async () => {
    const limiter = concurrencyLimiter({ perCaller: 2, perTenant: 10, queueMs: 30, maxQueued: 10 });
    const first = await limiter.acquire(member('m1'), undefined);
    await limiter.acquire(member('m1'), undefined);
    const started = performance.now();
    const error = await refusal(limiter.acquire(member('m1'), undefined));
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(error.extensions.code).toBe('TOO_MANY_CONCURRENT_REQUESTS');
    expect(error.extensions.http).toMatchObject({ status: 429 });
    expect((error.extensions.http as { headers: Map<string, string> }).headers.get('retry-after')).toBe('1');
    // Another member of the same consultancy is not held up by this one.
    const other = await limiter.acquire(member('m2'), undefined);
    // A queued request starts as soon as a slot comes back.
    const waiting = limiter.acquire(member('m1'), undefined);
    expect(limiter.queued()).toBe(1);
    first();
    first(); // giving it back twice frees one slot only
    await waiting;
    expect(limiter.inFlight()).toBe(3);
    other();
    expect(limiter.inFlight()).toBe(2);
    expect(limiter.queued()).toBe(0);
  });

  it('holds a whole consultancy to its share, whichever members and keys call', async () => {
    const limiter = concurrencyLimiter({ perCaller: 5, perTenant: 2, queueMs: 10, maxQueued: 10 });
    const a = await limiter.acquire(member('m1'), undefined);
    await limiter.acquire(
      {
        kind: 'apiKey',
        tenantId: 'tenant-a',
        apiKeyId: 'k1',
        memberId: 'm1',
        clientId: null,
        permissions: new Set(),
      },
      undefined,
    );
    await refusal(limiter.acquire(member('m2'), undefined));
    // Another consultancy is untouched.
    await limiter.acquire(member('m3', 'tenant-b'), undefined);
    a();
    await limiter.acquire(member('m2'), undefined);
  });

  it('keys anonymous callers by address, and refuses at once when the queue is full', async () => {
    const limiter = concurrencyLimiter({ perCaller: 1, perTenant: 10, queueMs: 1000, maxQueued: 1 });
    const anonymous: Viewer = { kind: 'anonymous' };
    const held = await limiter.acquire(anonymous, '10.0.0.1');
    await limiter.acquire(anonymous, '10.0.0.2');
    const queued = limiter.acquire(anonymous, '10.0.0.1');
    const started = performance.now();
    await refusal(limiter.acquire(anonymous, '10.0.0.1'));
    expect(performance.now() - started).toBeLessThan(100);
    held();
    await queued;
  });
});

describe('requests in flight over HTTP', () => {
  let api: TestApi;
  let admin: SignedIn;
  beforeAll(async () => {
    api = await startTestApi({ concurrency: { perCaller: 1, perTenant: 2, queueMs: 0, maxQueued: 0 } });
    admin = await signUpConsultancy(api);
  });
  afterAll(() => api.close());

  const post = (query: string, token: string | null, signal?: AbortSignal) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
      ...(signal ? { signal } : {}),
    });

  async function running(): Promise<number> {
    const text = await (await fetch(`${api.url}/metrics`)).text();
    return Number(/csp_graphql_requests_in_flight\{state="running"\} (\d+)/.exec(text)?.[1]);
  }

  // The aborted requests' work goes on to its end before the slot comes back: on a loaded machine (CI shares two
  // cores with PostgreSQL and other test files) that can take seconds, so wait up to 10 s rather than 2.
  async function settled(): Promise<void> {
    for (let i = 0; i < 200 && (await running()) !== 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await running()).toBe(0);
  }

  const HEAVY = '{ clients(first: 100) { nodes { id name engagements { id title milestones { id } } } } }';

  it('answers 429 with Retry-After and a code of its own to requests over the caller’s limit', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => post(HEAVY, admin.token)));
    const refused = responses.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(refused[0]?.headers.get('retry-after')).toBe('1');
    const body = (await refused[0]!.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('TOO_MANY_CONCURRENT_REQUESTS');
    expect(body.errors[0]?.message).toMatch(/running at once/);
    await settled();
    expect((await post('{ me { id } }', admin.token)).status).toBe(200);
  });

  it('gives the slot back after errors of every kind', async () => {
    for (const query of [
      '{ me { id',
      '{ nope }',
      '{ client(id: "not-a-uuid") { id } }',
      '{ consultancy { id } }',
    ]) {
      const response = await post(query, admin.token);
      expect(response.status).not.toBe(429);
      await response.text();
    }
    const anonymous = await post('{ clients { totalCount } }', null);
    await anonymous.text();
    await settled();
  });

  it('gives the slot back when the client hangs up, once the work is done', async () => {
    for (let i = 0; i < 5; i++) {
      const controller = new AbortController();
      const request = post(HEAVY, admin.token, controller.signal).catch(() => undefined);
      setTimeout(() => controller.abort(), 2);
      await request;
    }
    await settled();
    expect((await post('{ me { id } }', admin.token)).status).toBe(200);
  });
});
