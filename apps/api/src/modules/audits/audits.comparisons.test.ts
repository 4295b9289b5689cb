import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { createAudit, publishedAudit, saveResponses, type AuditRef } from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';

/**
 * One client's A-E-I-O-U audits over a year, and its industry around it. Five sections of equal weight; a 3 is
 * 50 points, a 4 is 75, a 1 is 0.
 */

const COMPARE = graphql(`
  query AuditsComparisonsAudit($id: ID!) {
    audit(id: $id) {
      previous {
        id
      }
      deltas {
        overall {
          current
          previous
          change
        }
        sections {
          key
          current
          previous
          change
        }
        criteria {
          key
          change
        }
      }
      trend {
        points {
          auditId
          on
          overall
          sections {
            key
            score
          }
        }
        overall {
          first
          latest
          change
          lastChange
          direction
        }
        sections {
          key
          direction
          change
        }
      }
      benchmark {
        industry
        asOf
        contributors
        minimumContributors
        unavailableReason
        overall {
          lowerQuartile
          median
          upperQuartile
          count
        }
        sections {
          key
          figure {
            lowerQuartile
            median
            upperQuartile
            count
          }
        }
      }
    }
  }
`);

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
    asOf: string;
    contributors: number;
    minimumContributors: number;
    unavailableReason: string | null;
    overall: Figure | null;
    sections: { key: string; figure: Figure | null }[];
  } | null;
}

interface Figure {
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
  count: number;
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
  const response = await api.graphql(COMPARE, { id: audit.id }, who);
  expect(response.errors).toBeUndefined();
  return response.data.audit!;
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
  const names = ['Bench Alpha', 'Bench Beta', 'Bench Gamma', 'Bench Delta', 'Bench Echo'];
  let peers: string[] = [];
  let watcher: string;
  let watched: AuditRef;
  let leader: SignedIn;
  let frozen: Compared['benchmark'];

  it('says "not enough comparable clients" with three other clients, and shows bands from five', async () => {
    peers = await Promise.all(names.map((name) => createClient(api, admin, { name, industry: 'RETAIL' })));
    const [a, b, c, d, e] = peers;
    const hotel = await createClient(api, admin, { name: 'Bench Hotel', industry: 'HOSPITALITY' });
    const drafty = await createClient(api, admin, { name: 'Bench Draft', industry: 'RETAIL' });
    // Alpha's older 100 is superseded by its latest 25; the hotel is another industry; Drafty has no published audit.
    await publishedAudit(api, admin, a!, { conductedOn: '2024-01-01', otherwise: 5 });
    await publishedAudit(api, admin, a!, { conductedOn: '2025-02-01', otherwise: 2 });
    await publishedAudit(api, admin, b!, { conductedOn: '2025-03-01', otherwise: 5 });
    await publishedAudit(api, admin, hotel, { conductedOn: '2025-03-01', otherwise: 1 });
    await createAudit(api, admin, drafty);
    // October is not published yet, so it shows the figures as they stand (to the consultancy only).
    expect((await compare(october)).benchmark).toMatchObject({
      contributors: 2,
      unavailableReason: 'NOT_ENOUGH_COMPARABLE_CLIENTS',
      overall: null,
      sections: [],
    });

    // Three others (Alpha 25, Beta 100, Gamma 50): the median used to be Gamma's exact score. Now: nothing.
    await publishedAudit(api, admin, c!, { conductedOn: '2025-04-01', otherwise: 3 });
    expect((await compare(october)).benchmark).toEqual({
      industry: 'RETAIL',
      asOf: expect.any(String),
      contributors: 3,
      minimumContributors: 5,
      unavailableReason: 'NOT_ENOUGH_COMPARABLE_CLIENTS',
      overall: null,
      sections: [],
    });

    // Delta: all 4s, 75. Echo: all 3s but staff-ideas-adopted 5, so Innovative (100 + 50) / 2 = 75, overall 55.
    await publishedAudit(api, admin, d!, { conductedOn: '2025-04-01', otherwise: 4 });
    await publishedAudit(api, admin, e!, {
      conductedOn: '2025-04-01',
      answers: { 'staff-ideas-adopted': 5 },
    });
    const benchmark = (await compare(october)).benchmark;
    // 25, 50, 55, 75, 100: the scores at ranks 2, 3 and 4 of five, each in its 5-point band. The client is left out.
    expect(benchmark).toMatchObject({ industry: 'RETAIL', contributors: 5, unavailableReason: null });
    expect(benchmark?.overall).toEqual({ lowerQuartile: 50, median: 55, upperQuartile: 75, count: 5 });
    expect(benchmark?.sections).toHaveLength(5);
    // Innovative: 25, 50, 75, 75, 100.
    expect(benchmark?.sections.find((s) => s.key === 'innovative')?.figure).toEqual({
      lowerQuartile: 50,
      median: 75,
      upperQuartile: 75,
      count: 5,
    });
    const text = JSON.stringify(benchmark);
    for (const secret of [...names, ...peers, 'Bench Hotel', hotel]) expect(text).not.toContain(secret);

    // July was published before any of them: its benchmark was frozen then, and it still says so.
    expect((await compare(july)).benchmark).toMatchObject({
      contributors: 0,
      unavailableReason: 'NOT_ENOUGH_COMPARABLE_CLIENTS',
      overall: null,
    });
  });

  it('freezes a published audit’s benchmark, so reading it before and after another client publishes tells nothing', async () => {
    watcher = await createClient(api, admin, { name: 'Bench Watcher', industry: 'RETAIL' });
    watched = await publishedAudit(api, admin, watcher, { conductedOn: '2025-06-01' });
    leader = await addMember(api, admin, 'CLIENT_LEADER', watcher);
    frozen = (await compare(watched, leader)).benchmark;
    // Alpha 25, Gamma 50, Echo 55, Compared Retail's July 72.5, Delta 75, Beta 100: ranks 2, 3 and 5 of six.
    expect(frozen).toMatchObject({
      contributors: 6,
      overall: { lowerQuartile: 50, median: 55, upperQuartile: 75, count: 6 },
    });

    // A seventh client publishes 0. The old mean would have moved by exactly a seventh of that.
    const newcomer = await createClient(api, admin, { name: 'Bench Foxtrot', industry: 'RETAIL' });
    await publishedAudit(api, admin, newcomer, { conductedOn: '2025-07-01', otherwise: 1 });
    expect((await compare(watched, leader)).benchmark).toEqual(frozen);
    expect((await compare(watched, admin)).benchmark).toEqual(frozen);
    // Only an audit not yet published follows the change, and only the consultancy can see one.
    expect((await compare(october)).benchmark?.contributors).toBe(7);

    // The leader cannot see the other clients, yet reads the same anonymised figures.
    const others = await api.graphql(
      graphql(`
        query AuditsComparisonsClients {
          clients {
            nodes {
              id
            }
          }
        }
      `),
      {},
      leader,
    );
    expect(others.data.clients.nodes.map((n) => n.id)).toEqual([watcher]);
  });

  it('shows bands only: there is no mean to ask for, and every figure is a multiple of 5', async () => {
    const asked = await api.graphql(
      'query ($id: ID!) { audit(id: $id) { benchmark { overall { mean } } } }',
      { id: watched.id },
      leader,
    );
    expect(asked.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const audit of [watched, october]) {
      const benchmark = (await compare(audit)).benchmark;
      const figures = [benchmark?.overall, ...(benchmark?.sections.map((s) => s.figure) ?? [])];
      const values = figures.flatMap((f) => (f ? [f.lowerQuartile, f.median, f.upperQuartile] : []));
      expect(values.length).toBeGreaterThan(3);
      for (const value of values) expect(value % 5).toBe(0);
    }
  });

  it('fills in an older audit’s missing benchmark as it stood at its publication, and keeps it', async () => {
    // As if published before benchmarks were frozen.
    const stored = () =>
      api.ownerSession(async (query) => {
        await query('BEGIN');
        try {
          await query(`SELECT set_config('app.tenant_id', $1, true)`, [admin.tenantId]);
          return (await query('SELECT benchmark FROM audits WHERE id = $1', [watched.id]))[0]?.benchmark;
        } finally {
          await query('COMMIT');
        }
      });
    await api.ownerSession(async (query) => {
      await query('BEGIN');
      await query(`SELECT set_config('app.tenant_id', $1, true)`, [admin.tenantId]);
      await query('UPDATE audits SET benchmark = NULL WHERE id = $1', [watched.id]);
      await query('COMMIT');
    });
    expect(await stored()).toBeNull();
    // Foxtrot published after it, so it does not count: the same figures as at publication.
    expect((await compare(watched, leader)).benchmark).toEqual(frozen);
    expect(await stored()).toEqual(frozen);
  });
});

describe("a client's audit history", () => {
  it('lists the client’s audits newest first, optionally on one framework', async () => {
    const HISTORY = graphql(`
      query AuditsComparisonsClient($id: ID!, $key: String) {
        client(id: $id) {
          audits(frameworkKey: $key) {
            id
            conductedOn
            status
          }
        }
      }
    `);
    const all = await api.graphql(HISTORY, { id: me }, admin);
    expect(all.data.client!.audits.map((a) => a.conductedOn)).toEqual([
      '2025-10-01',
      '2025-07-15',
      '2025-05-01',
      '2025-04-01',
      '2025-01-15',
    ]);
    const values = await api.graphql(HISTORY, { id: me, key: 'aeiou-values' }, admin);
    expect(values.data.client!.audits.map((a) => a.id)).toEqual([
      october.id,
      july.id,
      expect.any(String),
      january.id,
    ]);
    const leader = await addMember(api, admin, 'CLIENT_LEADER', me);
    const published = await api.graphql(HISTORY, { id: me }, leader);
    expect(published.data.client!.audits.map((a) => a.status)).toEqual([
      'PUBLISHED',
      'PUBLISHED',
      'PUBLISHED',
    ]);
  });
});

describe('cost', () => {
  it('costs the same statements for two audits as for all of them, comparisons included (no N+1)', async () => {
    const LIST = graphql(`
      query AuditsComparisonsAudits($first: Int) {
        audits(first: $first) {
          nodes {
            client {
              name
            }
            engagement {
              id
            }
            responses {
              note
            }
            scores {
              overall
            }
            previous {
              id
            }
            deltas {
              overall {
                change
              }
            }
            trend {
              overall {
                direction
              }
            }
            benchmark {
              contributors
            }
            promisesKept {
              score
            }
          }
        }
      }
    `);
    const statementsFor = async (first: number) => {
      const response = await api.graphql(LIST, { first }, admin);
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
