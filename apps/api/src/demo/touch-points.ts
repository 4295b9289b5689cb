import type { Channel, FieldError } from '@csp/domain';
import type { RequestContext } from '../core/context.js';
import { createAction } from '../modules/actions/index.js';
import { publishedCharterOf } from '../modules/charters/index.js';
import { addDays } from '../modules/engagements/index.js';
import {
  addJourneyStage,
  addTouchPoint,
  linkTouchPointCriterion,
  linkTouchPointPromise,
} from '../modules/touch-points/index.js';
import type { DemoOwners } from './actions.js';
import type { DemoClientRef } from './demo-programme.js';

interface DemoTouchPoint {
  name: string;
  channel: Channel;
  owningTeam: string;
  momentOfTruth?: boolean;
  /** Which of the charter in force's promises (by position) this touch point serves. */
  promises?: number[];
  /** A-E-I-O-U criteria that test it (the demo's audits use that framework). */
  criteria?: string[];
  /** An open action about it. */
  action?: string;
}

/** Each demo client's journey, stage by stage, in the words a consultant would write on the workshop wall. */
const JOURNEYS: Record<string, { stage: string; touchPoints: DemoTouchPoint[] }[]> = {
  'Harbourline Bank': [
    {
      stage: 'Looking for a bank',
      touchPoints: [
        { name: 'Comparison of accounts on the website', channel: 'WEB', owningTeam: 'Digital' },
        { name: 'Question asked in the branch', channel: 'BRANCH', owningTeam: 'Branch network' },
      ],
    },
    {
      stage: 'Opening an account',
      touchPoints: [
        {
          name: 'Account opening appointment',
          channel: 'BRANCH',
          owningTeam: 'Branch network',
          momentOfTruth: true,
          promises: [0],
          criteria: ['customers-as-individuals'],
        },
        { name: 'Welcome letter and card', channel: 'MAIL', owningTeam: 'Operations' },
      ],
    },
    {
      stage: 'Getting help',
      touchPoints: [
        {
          name: 'Calling the help line',
          channel: 'PHONE',
          owningTeam: 'Contact centre',
          momentOfTruth: true,
          promises: [0, 1],
          criteria: ['urgency-fits-need'],
          action: 'Tell callers their place in the queue after two minutes of waiting',
        },
        { name: 'Secure message in the app', channel: 'CHAT', owningTeam: 'Digital', promises: [1] },
      ],
    },
    {
      stage: 'When something goes wrong',
      touchPoints: [
        {
          name: 'Reporting a lost card',
          channel: 'PHONE',
          owningTeam: 'Card services',
          momentOfTruth: true,
          criteria: ['ownership-to-outcome'],
        },
        { name: 'Written reply to a complaint', channel: 'EMAIL', owningTeam: 'Customer relations' },
      ],
    },
  ],
  'ClearCall Telecom': [
    {
      stage: 'Signing up',
      touchPoints: [
        { name: 'Online order', channel: 'WEB', owningTeam: 'E-commerce' },
        {
          name: 'Engineer visit to connect the line',
          channel: 'FIELD',
          owningTeam: 'Field service',
          momentOfTruth: true,
        },
      ],
    },
    {
      stage: 'Everyday use',
      touchPoints: [
        { name: 'Monthly bill', channel: 'EMAIL', owningTeam: 'Billing' },
        {
          name: 'Fault line',
          channel: 'PHONE',
          owningTeam: 'Technical support',
          momentOfTruth: true,
          promises: [0],
        },
      ],
    },
  ],
};

/** A journey for the demo clients that have one, with promise and criterion links and one open action. */
export async function seedTouchPointsDemo(
  context: RequestContext,
  clients: DemoClientRef[],
  today: string,
  owners: DemoOwners,
): Promise<void> {
  for (const [name, stages] of Object.entries(JOURNEYS)) {
    const client = clients.find((c) => c.name === name);
    if (!client) continue;
    const charter = await context.db.read((db) => publishedCharterOf(db, client.id));
    for (const entry of stages) {
      const stage = expectOk(
        await addJourneyStage(context, { clientId: client.id, name: entry.stage }),
      ).stage!;
      for (const point of entry.touchPoints) {
        const added = expectOk(
          await addTouchPoint(context, {
            stageId: stage.id,
            name: point.name,
            channel: point.channel,
            owningTeam: point.owningTeam,
            momentOfTruth: point.momentOfTruth ?? false,
          }),
        ).touchPoint!;
        for (const index of point.promises ?? []) {
          const promise = charter?.promises[index];
          if (promise)
            expectOk(await linkTouchPointPromise(context, { id: added.id, promiseKey: promise.key }));
        }
        for (const criterionKey of point.criteria ?? []) {
          expectOk(
            await linkTouchPointCriterion(context, {
              id: added.id,
              frameworkKey: 'aeiou-values',
              criterionKey,
            }),
          );
        }
        if (point.action) {
          expectOk(
            await createAction(context, {
              clientId: client.id,
              description: point.action,
              ownerId: owners.leaderOf.get(client.id) ?? owners.consultantId,
              dueOn: addDays(today, 30),
              priority: 'HIGH',
              touchPointId: added.id,
            }),
          );
        }
      }
    }
  }
}

/** The demo is written by hand: a refusal means the demo data is wrong, so it stops loudly. */
function expectOk<P extends { userErrors: FieldError[] }>(payload: P): P {
  if (payload.userErrors.length) {
    throw new Error(`Demo journeys: ${payload.userErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
  return payload;
}
