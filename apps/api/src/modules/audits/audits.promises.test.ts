import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, unchecked } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  addCharterVersion,
  createAudit,
  createCharter,
  publishedAudit,
  responsesFrom,
  saveResponses,
  type AuditRef,
} from '../../../test/audits-factories.js';
import { graphql } from '../../../test/generated/index.js';

const LINK = graphql(`
  mutation AuditsPromisesLinkPromiseToCriteria($input: LinkPromiseToCriteriaInput!) {
    linkPromiseToCriteria(input: $input) {
      links {
        charterId
        promiseKey
        frameworkKey
        criterionKey
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const KEPT = graphql(`
  query AuditsPromisesAudit($id: ID!) {
    audit(id: $id) {
      promisesKept {
        promiseKey
        title
        score
        linked
        answered
      }
    }
  }
`);
const LINKS = graphql(`
  query AuditsPromisesPromiseLinks($id: ID!) {
    promiseLinks(charterId: $id) {
      promiseKey
      frameworkKey
      criterionKey
    }
  }
`);

const PROMISES = [
  { key: 'answer-fast', title: 'We answer quickly' },
  { key: 'own-it', title: 'One person owns your problem' },
  { key: 'unlinked', title: 'We tell you what happens next' },
];

let api: TestApi;
let admin: SignedIn;
let clientId: string;
let charterId: string;
let audit: AuditRef;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin);
  charterId = await createCharter(api, admin.tenantId, clientId, PROMISES);
  // A draft second version adds a promise that is not published yet.
  await addCharterVersion(
    api,
    admin.tenantId,
    clientId,
    charterId,
    2,
    [...PROMISES, { key: 'new-promise', title: 'New' }],
    'DRAFT',
  );
  audit = await saveResponses(
    api,
    admin,
    await createAudit(api, admin, clientId),
    responsesFrom({
      'ownership-to-outcome': 4, // weight 2, 75 points
      'commitments-kept': 2, //     weight 1, 25 points
      'urgency-fits-need': 5, //    weight 1, 100 points
      'energy-holds-up': null, //   not applicable
    }),
  );
});
afterAll(() => api.close());

async function link(input: Record<string, unknown>, who: SignedIn = admin) {
  const response = await api.graphql(
    LINK,
    unchecked({ input: { charterId, frameworkKey: 'aeiou-values', ...input } }),
    who,
  );
  return response.data.linkPromiseToCriteria;
}

describe('promises kept', () => {
  it('scores each promise of the published charter over the criteria linked to it', async () => {
    expect(
      (await link({ promiseKey: 'own-it', criterionKeys: ['ownership-to-outcome', 'commitments-kept'] }))
        .userErrors,
    ).toEqual([]);
    expect(
      (await link({ promiseKey: 'answer-fast', criterionKeys: ['urgency-fits-need', 'energy-holds-up'] }))
        .userErrors,
    ).toEqual([]);
    const kept = await api.graphql(KEPT, { id: audit.id }, admin);
    expect(kept.data.audit!.promisesKept).toEqual([
      // Urgency 100 is the only scored one of the two: energy-holds-up is not applicable.
      { promiseKey: 'answer-fast', title: 'We answer quickly', score: 100, linked: 2, answered: 2 - 1 },
      // (2 × 75 + 1 × 25) / 3 = 175 / 3 = 58.33…
      { promiseKey: 'own-it', title: 'One person owns your problem', score: 175 / 3, linked: 2, answered: 2 },
      { promiseKey: 'unlinked', title: 'We tell you what happens next', score: null, linked: 0, answered: 0 },
    ]);
  });

  it('follows the latest published charter version', async () => {
    const other = await createClient(api, admin);
    const otherCharter = await createCharter(api, admin.tenantId, other, [{ key: 'p1', title: 'First' }]);
    await addCharterVersion(
      api,
      admin.tenantId,
      other,
      otherCharter,
      2,
      [
        { key: 'p2', title: 'Second' },
        { key: 'p1', title: 'First, reworded' },
      ],
      'PUBLISHED',
    );
    const otherAudit = await createAudit(api, admin, other);
    const kept = await api.graphql(KEPT, { id: otherAudit.id }, admin);
    expect(kept.data.audit!.promisesKept.map((p) => [p.promiseKey, p.title])).toEqual([
      ['p2', 'Second'],
      ['p1', 'First, reworded'],
    ]);
    const none = await createAudit(api, admin, await createClient(api, admin));
    const empty = await api.graphql(KEPT, { id: none.id }, admin);
    expect(empty.data.audit!.promisesKept).toEqual([]);
  });

  it('shows a client leader how promises were kept in a published audit', async () => {
    const leaderClient = await createClient(api, admin);
    const leaderCharter = await createCharter(api, admin.tenantId, leaderClient, [
      { key: 'own-it', title: 'Ownership' },
    ]);
    const response = await api.graphql(
      LINK,
      {
        input: {
          charterId: leaderCharter,
          promiseKey: 'own-it',
          frameworkKey: 'aeiou-values',
          criterionKeys: ['leaders-answerable'],
        },
      },
      admin,
    );
    expect(response.data.linkPromiseToCriteria.userErrors).toEqual([]);
    const published = await publishedAudit(api, admin, leaderClient, {
      conductedOn: '2026-01-10',
      answers: { 'leaders-answerable': 5 },
    });
    const leader = await addMember(api, admin, 'CLIENT_LEADER', leaderClient);
    const kept = await api.graphql(KEPT, { id: published.id }, leader);
    expect(kept.data.audit!.promisesKept).toEqual([
      { promiseKey: 'own-it', title: 'Ownership', score: 100, linked: 1, answered: 1 },
    ]);
    const links = await api.graphql(LINKS, { id: leaderCharter }, leader);
    expect(links.data.promiseLinks).toEqual([
      { promiseKey: 'own-it', frameworkKey: 'aeiou-values', criterionKey: 'leaders-answerable' },
    ]);
  });
});

describe('linking promises to criteria', () => {
  it('replaces the links of one promise for one framework, and an empty list removes them', async () => {
    await link({ promiseKey: 'new-promise', criterionKeys: ['small-trials', 'staff-ideas-adopted'] });
    await link({
      promiseKey: 'new-promise',
      frameworkKey: 'five-obstacles',
      criterionKeys: ['slow-to-adapt'],
    });
    const replaced = await link({
      promiseKey: 'new-promise',
      criterionKeys: ['staff-ideas-adopted', 'own-way-of-serving'],
    });
    expect(replaced.links?.map((l) => l.criterionKey)).toEqual(['own-way-of-serving', 'staff-ideas-adopted']);
    const listed = await api.graphql(LINKS, { id: charterId }, admin);
    expect(listed.data.promiseLinks.filter((l) => l.promiseKey === 'new-promise')).toEqual([
      { promiseKey: 'new-promise', frameworkKey: 'aeiou-values', criterionKey: 'own-way-of-serving' },
      { promiseKey: 'new-promise', frameworkKey: 'aeiou-values', criterionKey: 'staff-ideas-adopted' },
      { promiseKey: 'new-promise', frameworkKey: 'five-obstacles', criterionKey: 'slow-to-adapt' },
    ]);
    expect((await link({ promiseKey: 'new-promise', criterionKeys: [] })).links).toEqual([]);
    const after = await api.graphql(LINKS, { id: charterId }, admin);
    expect(
      after.data.promiseLinks.filter((l) => l.promiseKey === 'new-promise').map((l) => l.frameworkKey),
    ).toEqual(['five-obstacles']);
    const malformed = await api.graphql(LINKS, { id: 'x' }, admin);
    expect(malformed.data.promiseLinks).toEqual([]);
  });

  it.each([
    ['charterId', { charterId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND'],
    ['charterId', { charterId: 'nope' }, 'NOT_FOUND'],
    ['promiseKey', { promiseKey: 'never-promised' }, 'NOT_FOUND'],
    ['promiseKey', { promiseKey: '' }, 'REQUIRED'],
    ['frameworkKey', { frameworkKey: 'no-such-framework' }, 'NOT_FOUND'],
    ['criterionKeys.1', { criterionKeys: ['small-trials', 'not-a-criterion'] }, 'NOT_FOUND'],
    ['criterionKeys.1', { criterionKeys: ['small-trials', 'small-trials'] }, 'INVALID'],
  ])('names %s when it is wrong (%o) and changes no link', async (field, change, code) => {
    await link({ promiseKey: 'unlinked', criterionKeys: ['own-way-of-serving'] });
    const before = await api.countRows('promise_criterion_links', admin.tenantId);
    const answer = await link({ promiseKey: 'unlinked', criterionKeys: ['small-trials'], ...change });
    expect(answer).toEqual({ links: null, userErrors: [expect.objectContaining({ field, code })] });
    expect(await api.countRows('promise_criterion_links', admin.tenantId)).toBe(before);
    const rows = await api.ownerQuery<{ criterion_key: string }>(
      `SELECT criterion_key FROM promise_criterion_links WHERE charter_id = $1 AND promise_key = 'unlinked'`,
      [charterId],
    );
    expect(rows).toEqual([{ criterion_key: 'own-way-of-serving' }]);
  });
});
