import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodContaining } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { publishedCharter } from '../../../test/charter-factories.js';
import { createServiceLevel, type ServiceLevelRef } from '../../../test/service-level-factories.js';
import { graphql } from '../../../test/generated/index.js';
import type {
  MeasurementIntervalInput,
  RecordMeasurementsInput,
  ServiceLevelDefinitionInput,
} from '../../../test/generated/graphql.js';

/**
 * Recording measurements over HTTP, as a client's platform would: every bad row reported with its index and field,
 * all or nothing, the idempotent resend, late data, corrections of closed periods, a daylight-saving day, and the
 * periods' rollup as stored.
 */

const RECORD = graphql(`
  mutation ServiceLevelsMeasurementsRecord($input: RecordMeasurementsInput!) {
    recordMeasurements(input: $input) {
      serviceLevels {
        id
        measuredUntil
      }
      added
      replaced
      corrected
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const CORRECTIONS = graphql(`
  query ServiceLevelsMeasurementsCorrections($id: ID!) {
    serviceLevel(id: $id) {
      measuredUntil
      corrections {
        periodLabel
        reason
        goodBefore
        validBefore
        goodAfter
        validAfter
        recordedBy {
          id
        }
      }
    }
  }
`);
const ACTIVITY = graphql(`
  query ServiceLevelsMeasurementsActivity($action: String) {
    activity(action: $action, first: 10) {
      nodes {
        action
        objectType
        objectId
        changedFields
      }
    }
  }
`);

const HOUR = 3_600_000;

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

/** A new service level of a new client of the admin's consultancy (one per promise: each test has its own). */
async function newLevel(
  definition: Partial<ServiceLevelDefinitionInput> = {},
  who: SignedIn = admin,
): Promise<ServiceLevelRef & { clientId: string }> {
  const clientId = await createClient(api, who);
  const charter = await publishedCharter(api, who, clientId);
  const promise = charter.promises.find((p) => p.standard)!;
  return { ...(await createServiceLevel(api, who, clientId, promise.key, definition)), clientId };
}

const interval = (
  serviceLevelId: string,
  start: string | number,
  minutes: number,
  good: number,
  valid: number,
  excluded?: number,
): MeasurementIntervalInput => {
  const from = typeof start === 'number' ? start : Date.parse(start);
  return {
    serviceLevelId,
    start: new Date(from).toISOString(),
    end: new Date(from + minutes * 60_000).toISOString(),
    good,
    valid,
    ...(excluded === undefined ? {} : { excluded }),
  };
};

/** `count` intervals of `minutes`, one after the other from `start`, each with the same counts. */
const series = (
  serviceLevelId: string,
  start: string,
  count: number,
  minutes: number,
  good: number,
  valid: number,
) =>
  Array.from({ length: count }, (_, i) =>
    interval(serviceLevelId, Date.parse(start) + i * minutes * 60_000, minutes, good, valid),
  );

function record(input: RecordMeasurementsInput, who: { token: string } = admin) {
  return api.graphql(RECORD, { input }, who).then((response) => {
    expect(response.errors).toBeUndefined();
    return response.data.recordMeasurements;
  });
}

async function periodsOf(serviceLevelId: string) {
  return (
    await api.ownerQuery<{
      label: string;
      starts_at: Date;
      ends_at: Date;
      good: string;
      valid: string;
      excluded: string;
      definition_version: number;
    }>(
      `SELECT label, starts_at, ends_at, good, valid, excluded, definition_version FROM service_level_periods
        WHERE service_level_id = $1 ORDER BY starts_at`,
      [serviceLevelId],
    )
  ).map((p) => ({
    label: p.label,
    start: p.starts_at.toISOString(),
    hours: (p.ends_at.getTime() - p.starts_at.getTime()) / HOUR,
    good: Number(p.good),
    valid: Number(p.valid),
    excluded: Number(p.excluded),
    version: p.definition_version,
  }));
}

const measurementsOf = async (serviceLevelId: string) =>
  Number(
    (
      await api.ownerQuery<{ count: string }>(
        'SELECT count(*) FROM service_level_measurements WHERE service_level_id = $1',
        [serviceLevelId],
      )
    )[0]!.count,
  );

// Week 2026-W40 runs from Monday 28 September 2026, 00:00 in London (BST, 23:00 UTC the day before).
const W40 = '2026-09-27T23:00:00.000Z';
const W41 = '2026-10-04T23:00:00.000Z';

describe('recording measurements', () => {
  it('takes a batch for several service levels, and counts a resent interval once', async () => {
    const calls = await newLevel();
    const emails = await newLevel({ name: 'Emails answered the same day', eventKind: 'EMAIL' });
    const batch = [
      interval(calls.id, W40, 15, 45, 50, 2),
      interval(emails.id, W40, 60, 9, 10),
      interval(calls.id, '2026-09-27T23:15:00Z', 15, 30, 40),
    ];
    const first = await record({ intervals: batch });
    expect(first).toEqual({
      serviceLevels: [
        { id: calls.id, measuredUntil: '2026-09-27T23:30:00.000Z' },
        { id: emails.id, measuredUntil: '2026-09-28T00:00:00.000Z' },
      ],
      added: 3,
      replaced: 0,
      corrected: 0,
      userErrors: [],
    });
    const again = await record({ intervals: batch });
    expect(again).toMatchObject({ added: 0, replaced: 3, corrected: 0, userErrors: [] });
    expect(await periodsOf(calls.id)).toEqual([
      { label: '2026-W40', start: W40, hours: 168, good: 75, valid: 90, excluded: 2, version: 1 },
    ]);
    expect(await periodsOf(emails.id)).toEqual([
      { label: '2026-W40', start: W40, hours: 168, good: 9, valid: 10, excluded: 0, version: 1 },
    ]);
    expect(await measurementsOf(calls.id)).toBe(2);

    // Both calls are in the trail, by name and the fields they sent (`dryRun` by its default), never the batch.
    const trail = await api.graphql(ACTIVITY, { action: 'recordMeasurements' }, admin);
    expect(trail.data.activity.nodes.slice(0, 2)).toEqual([
      {
        action: 'recordMeasurements',
        objectType: null,
        objectId: null,
        changedFields: ['dryRun', 'intervals'],
      },
      {
        action: 'recordMeasurements',
        objectType: null,
        objectId: null,
        changedFields: ['dryRun', 'intervals'],
      },
    ]);
  });

  it('takes two calls at once one after the other: a batch sent twice counts once, levels in any order', async () => {
    const calls = await newLevel();
    const emails = await newLevel({ name: 'Emails answered the same day', eventKind: 'EMAIL' });
    // Large enough that the two requests are checked side by side; each locks both levels before reading.
    const forward = [...series(calls.id, W40, 600, 15, 9, 10), ...series(emails.id, W40, 600, 15, 4, 5)];
    const backward = [...forward].reverse();
    const answers = await Promise.all([record({ intervals: forward }), record({ intervals: backward })]);
    expect(answers.map((a) => a.userErrors)).toEqual([[], []]);
    expect(answers.map((a) => a.added).sort()).toEqual([0, 1200]);
    expect(answers.map((a) => a.replaced).sort()).toEqual([0, 1200]);
    expect(await periodsOf(calls.id)).toMatchObject([{ label: '2026-W40', good: 5400, valid: 6000 }]);
    expect(await periodsOf(emails.id)).toMatchObject([{ label: '2026-W40', good: 2400, valid: 3000 }]);
  });

  it('replaces a resent interval with its new counts, for a period still open', async () => {
    // A quarter is open for weeks: intervals from its start have ended by now, and the period is still running.
    const level = await newLevel({ period: 'QUARTER' });
    const open = periodContaining(new Date(), 'QUARTER', 'Europe/London').start.getTime();
    expect(Date.now() - open).toBeGreaterThan(10 * 60_000);
    await record({ intervals: [interval(level.id, open, 5, 40, 50)] });
    // Late data: an earlier interval of the running period, sent after a later one, and the later one corrected.
    const late = await record({
      intervals: [interval(level.id, open + 5 * 60_000, 5, 8, 10), interval(level.id, open, 5, 45, 50)],
    });
    expect(late).toMatchObject({ added: 1, replaced: 1, corrected: 0, userErrors: [] });
    expect(await periodsOf(level.id)).toMatchObject([{ good: 53, valid: 60 }]);
  });

  it('groups a daylight-saving day right: 29 March 2026 in London has 23 hours', async () => {
    const level = await newLevel({ period: 'DAY' });
    // Hourly from 23:00 UTC on the 28th (still GMT) to midnight UTC on the 30th (01:00 BST): 25 intervals.
    const hours = series(level.id, '2026-03-28T23:00:00Z', 25, 60, 9, 10);
    expect(await record({ intervals: hours })).toMatchObject({ added: 25, userErrors: [] });
    expect(await periodsOf(level.id)).toEqual([
      {
        label: '2026-03-28',
        start: '2026-03-28T00:00:00.000Z',
        hours: 24,
        good: 9,
        valid: 10,
        excluded: 0,
        version: 1,
      },
      {
        label: '2026-03-29',
        start: '2026-03-29T00:00:00.000Z',
        hours: 23,
        good: 207,
        valid: 230,
        excluded: 0,
        version: 1,
      },
      {
        label: '2026-03-30',
        start: '2026-03-29T23:00:00.000Z',
        hours: 24,
        good: 9,
        valid: 10,
        excluded: 0,
        version: 1,
      },
    ]);
    // An hour from 22:30 UTC runs past local midnight (23:00 UTC): it must be split there.
    const straddling = await record({ intervals: [interval(level.id, '2026-03-29T22:30:00Z', 60, 1, 1)] });
    expect(straddling.userErrors).toEqual([
      {
        field: 'intervals.0.end',
        code: 'INVALID',
        message:
          'The interval runs past the end of its period (2026-03-29); split it at 2026-03-29T23:00:00.000Z.',
      },
    ]);
  });
});

describe('a bad batch', () => {
  it('reports every bad row with its index and field, and writes nothing', async () => {
    const level = await newLevel();
    const otherClient = await newLevel();
    const otherAdmin = await signUpConsultancy(api);
    const otherTenant = await newLevel({}, otherAdmin);
    const future = Date.now() + HOUR;
    const batch = [
      interval(level.id, W40, 15, 10, 10),
      interval(level.id, '2026-09-28T00:00:00Z', 15, -1, 10),
      interval(level.id, '2026-09-28T01:00:00Z', 15, 12, 10),
      { ...interval(level.id, '2026-09-28T02:00:00Z', 15, 1, 1), end: '2026-09-28T01:45:00Z' },
      interval(level.id, '2026-09-28T03:00:00Z', 30, 1, 1),
      interval(level.id, '2026-09-28T03:15:00Z', 30, 1, 1),
      interval(level.id, future, 15, 1, 1),
      interval('00000000-0000-4000-8000-000000000000', W40, 15, 1, 1),
      interval(otherClient.id, W40, 15, 1, 1),
      interval(otherTenant.id, W40, 15, 1, 1),
      interval('not-an-id', W40, 15, 1, 1),
      // Sunday 23:30 London time to Monday 00:30: across two weeks.
      interval(level.id, '2026-10-04T22:30:00Z', 60, 1, 1),
    ];
    // The other client's level is the admin's own: seen through a key fenced to `level`'s client, it is not there.
    const key = await api.graphql(
      graphql(`
        mutation ServiceLevelsMeasurementsKey($input: CreateApiKeyInput!) {
          createApiKey(input: $input) {
            secret
            userErrors {
              field
              message
            }
          }
        }
      `),
      {
        input: { name: 'Contact-centre platform', scopes: ['MEASUREMENTS_WRITE'], clientId: level.clientId },
      },
      admin,
    );
    const answer = await record({ intervals: batch }, { token: key.data.createApiKey.secret! });
    const notFound = { code: 'NOT_FOUND', message: 'No service level has this id.' };
    expect(answer).toEqual({
      serviceLevels: null,
      added: 0,
      replaced: 0,
      corrected: 0,
      userErrors: [
        { field: 'intervals.1.good', code: 'INVALID', message: 'Good cannot be negative.' },
        { field: 'intervals.2.good', code: 'INVALID', message: 'Good cannot be more than valid.' },
        { field: 'intervals.3.end', code: 'INVALID', message: 'End must be after the start.' },
        { field: 'intervals.5.start', code: 'CONFLICT', message: 'The interval overlaps the one at row 4.' },
        {
          field: 'intervals.6.end',
          code: 'INVALID',
          message: 'The interval ends in the future: send it once it has ended.',
        },
        { field: 'intervals.7.serviceLevelId', ...notFound },
        { field: 'intervals.8.serviceLevelId', ...notFound },
        { field: 'intervals.9.serviceLevelId', ...notFound },
        { field: 'intervals.10.serviceLevelId', ...notFound },
        {
          field: 'intervals.11.end',
          code: 'INVALID',
          message:
            'The interval runs past the end of its period (2026-W40); split it at 2026-10-04T23:00:00.000Z.',
        },
      ],
    });
    for (const id of [level.id, otherClient.id, otherTenant.id]) {
      expect(await measurementsOf(id)).toBe(0);
      expect(await periodsOf(id)).toEqual([]);
    }
    // The admin, who sees every client, is answered for another consultancy's id exactly as for an unknown one.
    const unknown = await record({
      intervals: [interval('00000000-0000-4000-8000-000000000000', W40, 15, 1, 1)],
    });
    const foreign = await record({ intervals: [interval(otherTenant.id, W40, 15, 1, 1)] });
    expect(foreign).toEqual(unknown);
  });

  it('refuses an interval overlapping a stored one with other bounds, and keeps none of the batch', async () => {
    const level = await newLevel();
    await record({ intervals: [interval(level.id, W40, 30, 20, 20)] });
    const answer = await record({
      intervals: [
        interval(level.id, '2026-09-28T01:00:00Z', 15, 5, 5),
        // Same start, other end: not a resend, an overlap.
        interval(level.id, W40, 15, 10, 10),
        interval(level.id, '2026-09-27T23:15:00Z', 30, 10, 10),
      ],
    });
    const stored = 'A stored interval runs from 2026-09-27T23:00:00.000Z to 2026-09-27T23:30:00.000Z';
    expect(answer.userErrors).toEqual([
      {
        field: 'intervals.1.start',
        code: 'CONFLICT',
        message: `${stored}: send it with the same start and end to replace it.`,
      },
      {
        field: 'intervals.2.start',
        code: 'CONFLICT',
        message: `${stored}: send it with the same start and end to replace it.`,
      },
    ]);
    expect(await measurementsOf(level.id)).toBe(1);
    expect(await periodsOf(level.id)).toMatchObject([{ good: 20, valid: 20 }]);
  });

  it('refuses an empty batch, more than 10,000 intervals, and an over-long reason', async () => {
    const level = await newLevel();
    expect((await record({ intervals: [] })).userErrors).toEqual([
      { field: 'intervals', code: 'REQUIRED', message: 'Give at least one interval.' },
    ]);
    const tooMany = series(level.id, '2026-01-05T00:00:00Z', 10_001, 1, 1, 1);
    expect((await record({ intervals: tooMany })).userErrors).toEqual([
      { field: 'intervals', code: 'TOO_LONG', message: 'Send at most 10,000 intervals at once.' },
    ]);
    const long = await record({
      intervals: [interval(level.id, W40, 15, 1, 1)],
      correctionReason: 'x'.repeat(501),
    });
    expect(long.userErrors).toEqual([
      {
        field: 'correctionReason',
        code: 'TOO_LONG',
        message: 'The correction reason must be at most 500 characters.',
      },
    ]);
    expect(await measurementsOf(level.id)).toBe(0);
  });

  it('refuses text PostgreSQL cannot store and dates outside 1900–9999 before anything runs', async () => {
    const level = await newLevel();
    const send = (input: Record<string, unknown>) =>
      api.graphql(RECORD, { input: input as RecordMeasurementsInput }, admin);
    const one = [interval(level.id, W40, 15, 1, 1)];
    for (const [reason, problem] of [
      ['Counts re-sent\u0000', /NUL/],
      ['Counts re-sent \ud83d', /surrogate/],
    ] as const) {
      const answer = await send({ intervals: one, correctionReason: reason });
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.correctionReason',
      });
      expect(answer.errors?.[0]?.message).toMatch(problem);
    }
    const yearZero = await send({
      intervals: [{ ...one[0], start: '0000-03-29T00:00:00Z', end: '0000-03-29T00:15:00Z' }],
    });
    expect(yearZero.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.intervals[0].start',
    });
    expect(yearZero.errors?.[0]?.message).toMatch(/1900 to 9999/);
    expect(await measurementsOf(level.id)).toBe(0);
  });
});

describe('closed periods', () => {
  it('takes history in order without a reason, even in calls that end part-way through a week', async () => {
    const level = await newLevel();
    // 2026-W40 in two calls of three and a half days each: the second writes into a closed week with figures.
    const first = await record({ intervals: series(level.id, W40, 7, 12 * 60, 9, 10) });
    const second = await record({ intervals: series(level.id, '2026-10-01T11:00:00Z', 7, 12 * 60, 8, 10) });
    expect([first, second].map((a) => [a.added, a.corrected, a.userErrors])).toEqual([
      [7, 0, []],
      [7, 0, []],
    ]);
    expect(await periodsOf(level.id)).toMatchObject([{ label: '2026-W40', good: 119, valid: 140 }]);
  });

  it('changes figures already judged only with a reason, and records the correction with before and after', async () => {
    const level = await newLevel();
    // W40 and the start of W41: the data has reached the end of W40, which is judged.
    await record({
      intervals: [interval(level.id, W40, 60, 80, 100), interval(level.id, W41, 60, 10, 10)],
    });
    const change = [interval(level.id, W40, 60, 95, 100)];
    const refused = await record({ intervals: change });
    expect(refused).toEqual({
      serviceLevels: null,
      added: 0,
      replaced: 0,
      corrected: 0,
      userErrors: [
        {
          field: 'correctionReason',
          code: 'REQUIRED',
          message: 'Give a reason for changing closed periods: 2026-W40 has closed.',
        },
        {
          field: 'intervals.0.start',
          code: 'INVALID',
          message: '2026-W40 has closed: send the change with a correctionReason.',
        },
      ],
    });
    // Filling a gap of a judged week needs one too; a blank reason is none.
    const gap = await record({
      intervals: [interval(level.id, '2026-09-29T09:00:00Z', 60, 1, 1)],
      correctionReason: '  ',
    });
    expect(gap.userErrors.map((e) => e.field)).toEqual(['correctionReason', 'intervals.0.start']);

    // The upload preview: with a reason, a dry run says what would be corrected and writes nothing.
    const reason = 'Platform re-exported W40 after fixing its abandoned-call filter';
    const preview = await record({ intervals: change, correctionReason: reason, dryRun: true });
    expect(preview).toMatchObject({ added: 0, replaced: 1, corrected: 1, userErrors: [] });
    expect(await periodsOf(level.id)).toMatchObject([{ good: 80 }, { good: 10 }]);

    const accepted = await record({
      intervals: [...change, interval(level.id, '2026-09-29T09:00:00Z', 60, 5, 5)],
      correctionReason: reason,
    });
    expect(accepted).toMatchObject({ added: 1, replaced: 1, corrected: 1, userErrors: [] });
    expect(await periodsOf(level.id)).toMatchObject([
      { label: '2026-W40', good: 100, valid: 105 },
      { label: '2026-W41', good: 10, valid: 10 },
    ]);
    const read = await api.graphql(CORRECTIONS, { id: level.id }, admin);
    expect(read.data.serviceLevel?.corrections).toEqual([
      {
        periodLabel: '2026-W40',
        reason,
        goodBefore: 80,
        validBefore: 100,
        goodAfter: 100,
        validAfter: 105,
        recordedBy: { id: admin.memberId },
      },
    ]);
    // Resending the same counts later changes nothing, and needs no reason.
    const resent = await record({ intervals: change });
    expect(resent).toMatchObject({ added: 0, replaced: 1, corrected: 0, userErrors: [] });
  });

  it('takes the first figures of a closed period without a reason (loading history)', async () => {
    const level = await newLevel();
    await record({ intervals: [interval(level.id, W41, 60, 10, 10)] });
    // W40 is before the data sent so far, but it has no figures: nothing judged changes.
    const history = await record({ intervals: [interval(level.id, W40, 60, 9, 10)] });
    expect(history).toMatchObject({ added: 1, corrected: 0, userErrors: [] });
  });
});

describe('a dry run', () => {
  it('checks everything, answers what would happen, and writes nothing (not even the trail)', async () => {
    const level = await newLevel();
    await record({ intervals: [interval(level.id, W40, 15, 9, 10)] });
    const trail = async () =>
      (await api.graphql(ACTIVITY, { action: 'recordMeasurements' }, admin)).data.activity.nodes.length;
    const before = await trail();
    const preview = await record({
      intervals: [interval(level.id, W40, 15, 9, 10), interval(level.id, '2026-09-28T10:00:00Z', 15, 1, 2)],
      dryRun: true,
    });
    expect(preview).toEqual({
      serviceLevels: [{ id: level.id, measuredUntil: '2026-09-27T23:15:00.000Z' }],
      added: 1,
      replaced: 1,
      corrected: 0,
      userErrors: [],
    });
    expect(await measurementsOf(level.id)).toBe(1);
    expect(await periodsOf(level.id)).toMatchObject([{ good: 9, valid: 10 }]);
    expect(await trail()).toBe(before);
    const bad = await record({ intervals: [interval(level.id, W40, 20, 9, 10)], dryRun: true });
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([['intervals.0.start', 'CONFLICT']]);
  });
});

describe('API keys', () => {
  const KEY = graphql(`
    mutation ServiceLevelsMeasurementsWriterKey($input: CreateApiKeyInput!) {
      createApiKey(input: $input) {
        secret
        userErrors {
          field
          message
        }
      }
    }
  `);
  const keyFor = async (scopes: ('MEASUREMENTS_WRITE' | 'SERVICE_LEVELS_READ')[], clientId: string) => {
    const key = await api.graphql(
      KEY,
      { input: { name: 'Contact-centre platform', scopes, clientId } },
      admin,
    );
    expect(key.data.createApiKey.userErrors).toEqual([]);
    return { token: key.data.createApiKey.secret! };
  };

  it('lets a key fenced to a client write its service levels, and answers another client’s like an unknown id', async () => {
    const own = await newLevel();
    const other = await newLevel();
    const key = await keyFor(['MEASUREMENTS_WRITE'], own.clientId);
    const unknown = await record(
      { intervals: [interval('00000000-0000-4000-8000-000000000000', W40, 15, 1, 1)] },
      key,
    );
    expect(unknown.userErrors).toEqual([
      { field: 'intervals.0.serviceLevelId', code: 'NOT_FOUND', message: 'No service level has this id.' },
    ]);
    expect(await record({ intervals: [interval(other.id, W40, 15, 1, 1)] }, key)).toEqual(unknown);
    expect(await measurementsOf(other.id)).toBe(0);

    const taken = await record(
      { intervals: [interval(own.id, W40, 60, 80, 100), interval(own.id, W41, 60, 10, 10)] },
      key,
    );
    expect(taken).toMatchObject({ serviceLevels: [{ id: own.id }], added: 2, userErrors: [] });
    // A correction sent with a key names no member: the trail names the key.
    await record(
      { intervals: [interval(own.id, W40, 60, 90, 100)], correctionReason: 'Re-exported after a fix' },
      key,
    );
    const read = await api.graphql(CORRECTIONS, { id: own.id }, admin);
    expect(read.data.serviceLevel?.corrections).toMatchObject([
      { goodBefore: 80, goodAfter: 90, recordedBy: null },
    ]);
  });

  it('refuses a key without the measurements scope, and a client leader', async () => {
    const own = await newLevel();
    const reader = await keyFor(['SERVICE_LEVELS_READ'], own.clientId);
    const leader = await addMember(api, admin, 'CLIENT_LEADER', own.clientId);
    for (const who of [reader, leader]) {
      const answer = await api.graphql(
        RECORD,
        { input: { intervals: [interval(own.id, W40, 15, 1, 1)] } },
        who,
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        requires: 'measurement:write',
      });
    }
    expect(await measurementsOf(own.id)).toBe(0);
  });
});

describe('one call of 10,000 intervals', () => {
  it('goes through every limit as variables (body, tokens, cost), in the same statements as one of ten', async () => {
    const level = await newLevel({ period: 'DAY' });
    // 10,000 minutes from 1 June 2026: about a week of minute intervals.
    const big = series(level.id, '2026-06-01T00:00:00Z', 10_000, 1, 9, 10);
    expect(JSON.stringify(big).length).toBeGreaterThan(1_000_000);
    const bigAnswer = await api.graphql(RECORD, { input: { intervals: big } }, admin);
    expect(bigAnswer.errors).toBeUndefined();
    expect(bigAnswer.data.recordMeasurements).toMatchObject({ added: 10_000, userErrors: [] });
    const small = series(level.id, '2026-07-01T00:00:00Z', 10, 1, 9, 10);
    const smallAnswer = await api.graphql(RECORD, { input: { intervals: small } }, admin);
    expect(smallAnswer.data.recordMeasurements).toMatchObject({ added: 10, userErrors: [] });
    expect(bigAnswer.statements).toBe(smallAnswer.statements);
    expect(await measurementsOf(level.id)).toBe(10_010);
    const periods = await periodsOf(level.id);
    expect(periods.reduce((sum, p) => sum + p.valid, 0)).toBe(100_100);
  }, 60_000);
});
