import type { AuditStatus, FieldError } from '@csp/domain';
import type { RequestContext } from '../core/context.js';
import {
  createAudit,
  type AuditRow,
  changeAuditStatus,
  charterPromisesOfClient,
  linkPromiseToCriteria,
  saveAuditResponses,
} from '../modules/audits/index.js';
import { AEIOU_ROUNDS, OBSTACLE_ROUNDS, type DemoRound } from './audit-answers.js';
import type { DemoClientRef } from './demo-programme.js';

export type { DemoClientRef };

/**
 * A living audit history for every demo client, through the same services as the API: two published A-E-I-O-U
 * audits six months apart (so deltas and trends have something to show), and for the first two clients the five
 * obstacles as well. The first client also has an audit under way; the second a follow-up waiting for review.
 * When a client already has a published charter (run this after the charters demo), its first promises are
 * linked to the criteria that test them, so "promises kept" shows too.
 *
 * Every client's first round is published before any follow-up: a benchmark is frozen when its audit is
 * published, so this way the follow-ups have the other clients' first audits to be compared with (the first
 * audits themselves show "not enough comparable clients", which the demo shows too).
 */
export async function seedAuditsDemo(
  context: RequestContext,
  clients: DemoClientRef[],
  today: string,
): Promise<void> {
  for (const [index, client] of clients.entries()) {
    await audit(context, client, index, today, 'aeiou-values', -300, AEIOU_ROUNDS.first, 'PUBLISHED');
    if (index < 2) {
      await audit(context, client, index, today, 'five-obstacles', -270, OBSTACLE_ROUNDS.first, 'PUBLISHED');
    }
  }
  for (const [index, client] of clients.entries()) {
    await audit(context, client, index, today, 'aeiou-values', -120, AEIOU_ROUNDS.followUp, 'PUBLISHED');
    if (index < 2) {
      const last = index === 0 ? 'PUBLISHED' : 'SUBMITTED';
      await audit(context, client, index, today, 'five-obstacles', -90, OBSTACLE_ROUNDS.followUp, last);
    }
    if (index === 0) {
      const underWay = pick(AEIOU_ROUNDS.followUp, [
        'ownership-to-outcome',
        'commitments-kept',
        'small-trials',
      ]);
      await audit(context, client, index, today, 'aeiou-values', -3, underWay, 'IN_PROGRESS');
    }
    await linkPromises(context, client);
  }
}

async function audit(
  context: RequestContext,
  client: DemoClientRef,
  index: number,
  today: string,
  frameworkKey: string,
  daysAgo: number,
  answers: DemoRound,
  status: AuditStatus,
): Promise<AuditRow> {
  let row = auditOf(
    await createAudit(
      context,
      { clientId: client.id, frameworkKey, conductedOn: addDays(today, daysAgo) },
      today,
    ),
  );
  const responses = Object.entries(answers).map(([criterionKey, answer], position) => {
    const score = answer.score === null ? null : varied(answer.score, index, position);
    return {
      criterionKey,
      ...(score === null ? { notApplicable: true } : { score }),
      evidence: answer.evidence,
      note: answer.note ?? null,
      internal: answer.internal ?? false,
    };
  });
  row = auditOf(
    await saveAuditResponses(context, { auditId: row.id, expectedRevision: row.revision, responses }),
  );
  const path: AuditStatus[] =
    status === 'PUBLISHED' ? ['SUBMITTED', 'PUBLISHED'] : status === 'SUBMITTED' ? ['SUBMITTED'] : [];
  for (const next of path) {
    row = auditOf(
      await changeAuditStatus(context, { auditId: row.id, expectedRevision: row.revision, status: next }),
    );
  }
  return row;
}

/**
 * Clients differ a little: every fourth criterion (a different one per client) is a step stronger, so their
 * scores and trends are not identical copies of one another.
 */
function varied(score: number, clientIndex: number, position: number): number {
  return (position + clientIndex) % 4 === 0 ? Math.min(score + 1, 5) : score;
}

function pick(round: DemoRound, keys: string[]): DemoRound {
  return Object.fromEntries(Object.entries(round).filter(([key]) => keys.includes(key)));
}

/** The criteria of the A-E-I-O-U values that test a charter's first three promises, whatever they say. */
const PROMISE_TESTS = [
  ['ownership-to-outcome', 'commitments-kept'],
  ['urgency-fits-need', 'energy-holds-up'],
  ['customers-as-individuals'],
];

async function linkPromises(context: RequestContext, client: DemoClientRef) {
  const charter = await charterPromisesOfClient(context).load(client.id);
  if (!charter) return;
  for (const [position, promise] of charter.promises.slice(0, PROMISE_TESTS.length).entries()) {
    expectOk(
      await linkPromiseToCriteria(context, {
        charterId: charter.charterId,
        promiseKey: promise.key,
        frameworkKey: 'aeiou-values',
        criterionKeys: PROMISE_TESTS[position] ?? [],
      }),
    );
  }
}

/** The demo is written by hand: a refusal means the demo data is wrong, so it stops loudly. */
function expectOk<P extends { userErrors: FieldError[] }>(payload: P): P {
  if (payload.userErrors.length) {
    throw new Error(`Demo audits: ${payload.userErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
  return payload;
}

function auditOf(payload: { audit: AuditRow | null; userErrors: FieldError[] }): AuditRow {
  const { audit } = expectOk(payload);
  if (!audit) throw new Error('Demo audits: no audit came back.');
  return audit;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
