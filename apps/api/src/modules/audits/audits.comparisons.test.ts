import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { createAudit, publishedAudit, saveResponses, type AuditRef } from '../../../test/audits-factories.js';

/**
 * One client's A-E-I-O-U audits over a year, and its industry around it. Five sections of equal weight; a 3 is
 * 50 points, a 4 is 75, a 1 is 0.
 */

const COMPARE = `query ($id: ID!) { audit(id: $id) {
  previous { id }
  deltas { overall { current previous change } sections { key current previous change } criteria { key change } }
  trend { points { auditId on overall sections { key score } } overall { first latest change lastChange direction }
          sections { key direction change } }
  benchmark { industry contributors overall { mean median count } sections { key figure { mean median count } } }
} }`;

interface Compared {
  previous: { id: string } | null;
  deltas: {
    overall: { current: number | null; previous: number | null; change: number | null };
    sections: { key: string; current: number | null; previous: number | null; change: number | null }[];
    criteria: { key: string; change: number | null }[];
  } | null;
  trend: {
    points: {
      auditId: string;
      on: string;
      overall: number | null;
      sections: { key: string; score: number | null }[];
    }[];
    overall: {
      first: number | null;
      latest: number | null;
      change: number | null;
      lastChange: number | null;
      direction: string;
    };
    sections: { key: string; direction: string; change: number | null }[];
  };
  benchmark: {
    industry: string;
    contributors: number;
    overall: { mean: number; median: number; count: number };
    sections: { key: string; figure: { mean: number; median: number; count: number } | null }[];
  } | null;
}

let api: TestApi;
let admin: SignedIn;
let me: string;
let january: AuditRef;
let july: AuditRef;
let october: AuditRef;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  me = await createClient(api, admin, { name: 'Compared Retail', industry: 'RETAIL' });
  // January: everything 3 (50) except staff-ideas-adopted 1 (0) → Innovative (0 + 50) / 2 = 25;
  //   overall (50 + 50 + 25 + 50 + 50) / 5 = 45.
  january = await publishedAudit(api, admin, me, {
    conductedOn: '2025-01-15',
    answers: { 'staff-ideas-adopted': 1 },
  });
  // A submitted (unpublished) audit in April and a published one on another framework do not count as "previous".
  await publishedAudit(api, admin, me, { conductedOn: '2025-04-01', otherwise: 5, until: 'SUBMITTED' });
  await publishedAudit(api, admin, me, { frameworkKey: 'five-obstacles', conductedOn: '2025-05-01' });
  // July: everything 4 (75) except staff-ideas-adopted 3 (50) → Innovative (50 + 75) / 2 = 62.5;
  //   overall (75 + 75 + 62.5 + 75 + 75) / 5 = 362.5 / 5 = 72.5.
  july = await publishedAudit(api, admin, me, {
    conductedOn: '2025-07-15',
    answers: { 'staff-ideas-adopted': 3 },
    otherwise: 4,
  });
  // October, in progress: only small-trials answered, 1 (0) → Innovative 0, the only scored section → overall 0.
  october = await saveResponses(
    api,
    admin,
    await createAudit(api, admin, me, { conductedOn: '2025-10-01' }),
    [{ criterionKey: 'small-trials', score: 1 }],
  );
});
afterAll(() => api.close());

async function compare(audit: AuditRef, who: SignedIn = admin): Promise<Compared> {
  const response = await api.graphql<{ audit: Compared }>(COMPARE, { id: audit.id }, who);
  expect(response.errors).toBeUndefined();
  return response.data.audit;
}

describe('deltas against the previous published audit', () => {
  it('has no previous, no deltas and not enough data for a trend on the first audit', async () => {
    const first = await compare(january);
    expect(first.previous).toBeNull();
    expect(first.deltas).toBeNull();
    expect(first.trend.overall).toEqual({
      first: 45,
      latest: 45,
      change: null,
      lastChange: null,
      direction: 'NOT_ENOUGH_DATA',
    });
  });

  it('subtracts the previous published audit on the same framework, six months earlier', async () => {
    const compared = await compare(july);
    expect(compared.previous).toEqual({ id: january.id });
    // 72.5 − 45 = 27.5 overall; Innovative 62.5 − 25 = 37.5; Accountable 75 − 50 = 25.
    expect(compared.deltas?.overall).toEqual({ current: 72.5, previous: 45, change: 27.5 });
    expect(compared.deltas?.sections.find((s) => s.key === 'innovative')).toEqual({
      key: 'innovative',
      current: 62.5,
      previous: 25,
      change: 37.5,
    });
    expect(compared.deltas?.sections.find((s) => s.key === 'accountable')?.change).toBe(25);
    // staff-ideas-adopted went from 1 (0 points) to 3 (50 points).
    expect(compared.deltas?.criteria.find((c) => c.key === 'staff-ideas-adopted')?.change).toBe(50);
  });

  it('compares an audit under way with the latest published one, leaving unscored sections without a change', async () => {
    const compared = await compare(october);
    expect(compared.previous).toEqual({ id: july.id });
    expect(compared.deltas?.overall).toEqual({ current: 0, previous: 72.5, change: -72.5 });
    expect(compared.deltas?.sections.find((s) => s.key === 'innovative')?.change).toBe(-62.5);
    expect(compared.deltas?.sections.find((s) => s.key === 'accountable')).toEqual({
      key: 'accountable',
      current: null,
      previous: 75,
      change: null,
    });
  });
});

describe('trend', () => {
  it('runs over the published audits up to this one, oldest first, with this audit last', async () => {
    const trend = (await compare(october)).trend;
    expect(trend.points.map((p) => [p.auditId, p.on, p.overall])).toEqual([
      [january.id, '2025-01-15', 45],
      [july.id, '2025-07-15', 72.5],
      [october.id, '2025-10-01', 0],
    ]);
    // First 45, latest 0: change −45; the last step 0 − 72.5 = −72.5.
    expect(trend.overall).toEqual({
      first: 45,
      latest: 0,
      change: -45,
      lastChange: -72.5,
      direction: 'DECLINING',
    });
    expect(trend.points[1]?.sections.find((s) => s.key === 'innovative')).toEqual({
      key: 'innovative',
      score: 62.5,
    });
    // Innovative: 25 → 62.5 → 0, down 25 overall. Accountable: 50 → 75 (→ unscored), up 25.
    expect(trend.sections.find((s) => s.key === 'innovative')).toEqual({
      key: 'innovative',
      direction: 'DECLINING',
      change: -25,
    });
    expect(trend.sections.find((s) => s.key === 'accountable')).toEqual({
      key: 'accountable',
      direction: 'IMPROVING',
      change: 25,
    });
    expect((await compare(july)).trend.overall.direction).toBe('IMPROVING');
  });
});

describe('industry benchmark', () => {
  it('stays hidden with two other clients and appears, anonymised, with three', async () => {
    const names = ['Bench Alpha', 'Bench Beta', 'Bench Gamma'];
    const [a, b, c] = await Promise.all(
      names.map((name) => createClient(api, admin, { name, industry: 'RETAIL' })),
    );
    const hotel = await createClient(api, admin, { name: 'Bench Hotel', industry: 'HOSPITALITY' });
    const drafty = await createClient(api, admin, { name: 'Bench Draft', industry: 'RETAIL' });
    // Alpha's older 100 is superseded by its latest 25; the hotel is another industry; Drafty has no published audit.
    await publishedAudit(api, admin, a!, { conductedOn: '2024-01-01', otherwise: 5 });
    await publishedAudit(api, admin, a!, { conductedOn: '2025-02-01', otherwise: 2 });
    await publishedAudit(api, admin, b!, { conductedOn: '2025-03-01', otherwise: 5 });
    await publishedAudit(api, admin, hotel, { conductedOn: '2025-03-01', otherwise: 1 });
    await createAudit(api, admin, drafty);
    expect((await compare(july)).benchmark).toBeNull();

    await publishedAudit(api, admin, c!, { conductedOn: '2025-04-01', otherwise: 3 });
    const response = await api.graphql<{ audit: Compared }>(COMPARE, { id: july.id }, admin);
    const benchmark = response.data.audit.benchmark;
    // Alpha 25, Beta 100, Gamma 50: mean 175 / 3 = 58.33…, median 50. The client itself is left out.
    expect(benchmark).toMatchObject({ industry: 'RETAIL', contributors: 3 });
    expect(benchmark?.overall.mean).toBeCloseTo(175 / 3, 12);
    expect(benchmark?.overall).toMatchObject({ median: 50, count: 3 });
    expect(benchmark?.sections).toHaveLength(5);
    expect(benchmark?.sections[0]?.figure).toMatchObject({ median: 50, count: 3 });
    const text = JSON.stringify(benchmark);
    for (const secret of [...names, a, b, c, 'Bench Hotel']) expect(text).not.toContain(secret);

    // A client leader cannot see the other clients, yet gets the same anonymised figures.
    const leader = await addMember(api, admin, 'CLIENT_LEADER', me);
    const seen = await compare(july, leader);
    expect(seen.benchmark?.contributors).toBe(3);
    expect(seen.benchmark?.overall.mean).toBeCloseTo(175 / 3, 12);
    const others = await api.graphql<{ clients: { nodes: { id: string }[] } }>(
      '{ clients { nodes { id } } }',
      {},
      leader,
    );
    expect(others.data.clients.nodes.map((n) => n.id)).toEqual([me]);
  });
});

describe("a client's audit history", () => {
  it('lists the client’s audits newest first, optionally on one framework', async () => {
    const HISTORY = `query ($id: ID!, $key: String) { client(id: $id) { audits(frameworkKey: $key) { id conductedOn status } } }`;
    const all = await api.graphql<{ client: { audits: { id: string; conductedOn: string }[] } }>(
      HISTORY,
      { id: me },
      admin,
    );
    expect(all.data.client.audits.map((a) => a.conductedOn)).toEqual([
      '2025-10-01',
      '2025-07-15',
      '2025-05-01',
      '2025-04-01',
      '2025-01-15',
    ]);
    const values = await api.graphql<{ client: { audits: { id: string }[] } }>(
      HISTORY,
      { id: me, key: 'aeiou-values' },
      admin,
    );
    expect(values.data.client.audits.map((a) => a.id)).toEqual([
      october.id,
      july.id,
      expect.any(String),
      january.id,
    ]);
    const leader = await addMember(api, admin, 'CLIENT_LEADER', me);
    const published = await api.graphql<{ client: { audits: { status: string }[] } }>(
      HISTORY,
      { id: me },
      leader,
    );
    expect(published.data.client.audits.map((a) => a.status)).toEqual([
      'PUBLISHED',
      'PUBLISHED',
      'PUBLISHED',
    ]);
  });
});

describe('cost', () => {
  it('costs the same statements for two audits as for all of them, comparisons included (no N+1)', async () => {
    const LIST = `query ($first: Int) { audits(first: $first) { nodes {
      client { name } engagement { id } responses { note } scores { overall } previous { id }
      deltas { overall { change } } trend { overall { direction } } benchmark { contributors }
      promisesKept { score }
    } } }`;
    const statementsFor = async (first: number) => {
      const response = await api.graphql<{ audits: { nodes: unknown[] } }>(LIST, { first }, admin);
      expect(response.errors).toBeUndefined();
      return { audits: response.data.audits.nodes.length, statements: response.statements };
    };
    const few = await statementsFor(2);
    const many = await statementsFor(20);
    expect(many.audits).toBeGreaterThan(8);
    // A fixed number of batches, however many audits: with more audits listed, the previous audits' responses
    // are often already loaded, so the longer page may even cost one statement less.
    expect(many.statements).toBeLessThanOrEqual(few.statements);
    expect(few.statements).toBeLessThan(15);
  });
});
