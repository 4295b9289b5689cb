import type { FeedbackKind } from '@csp/domain';
import type { RequestContext } from '../core/context.js';
import {
  createFeedbackLink,
  feedbackComments,
  importFeedbackResponses,
  raiseActionFromFeedback,
  type ImportedAnswer,
} from '../modules/feedback/index.js';
import type { DemoClientRef } from './demo-programme.js';
import type { DemoOwners } from './actions.js';

/** A year of answers through one link: how many a month, and how the scores fall (weights from low to high). */
interface DemoFeedback {
  client: string;
  kind: FeedbackKind;
  question?: string;
  perMonth: number;
  weights: number[];
  /** Months before this one whose weights are these instead (a bad spell the comments explain). */
  dip?: { monthsAgo: number; weights: number[] };
  comments: { low: string[]; high: string[] };
  seed: number;
}

const FEEDBACK: DemoFeedback[] = [
  {
    client: 'Harbourline Bank',
    kind: 'NPS',
    perMonth: 40,
    // 0 … 10: mostly 8–10, a tail of detractors.
    weights: [1, 0, 1, 1, 1, 2, 3, 6, 12, 14, 16],
    dip: { monthsAgo: 2, weights: [3, 2, 3, 3, 3, 4, 4, 6, 8, 6, 6] },
    comments: {
      low: [
        'Waited over half an hour to reach anyone about a blocked card.',
        'The branch told me to call, the phone line told me to visit the branch.',
        'Nobody called back although I was promised a call the same day.',
      ],
      high: ['The adviser sorted my mortgage question in one call.', 'Friendly and quick at the branch.'],
    },
    seed: 21,
  },
  {
    client: 'ClearCall Telecom',
    kind: 'CSAT',
    perMonth: 30,
    weights: [1, 2, 3, 8, 10],
    comments: {
      low: ['Three transfers before someone could look at my bill.', 'The engineer did not turn up <again>.'],
      high: ['Fixed my broadband on the first call.', 'Clear answer, no script.'],
    },
    seed: 22,
  },
  {
    client: 'ClearCall Telecom',
    kind: 'EFFORT',
    perMonth: 15,
    weights: [1, 1, 2, 3, 5, 6, 4],
    comments: {
      low: ['I had to explain the fault to four people.'],
      high: ['Done in the app in two minutes.'],
    },
    seed: 23,
  },
];

/** A small deterministic generator (mulberry32), so the demo is the same on every start. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(weights: readonly number[], r: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let at = r * total;
  for (let i = 0; i < weights.length; i++) {
    at -= weights[i]!;
    if (at < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Feedback for two demo clients over the last twelve months (about 1,000 answers, well inside the consultancy
 * export's cap): Harbourline Bank's NPS with a bad month two months ago, ClearCall Telecom's CSAT and effort; some
 * answers have comments, and one detractor's comment has become an action for the consultant.
 */
export async function seedFeedbackDemo(
  context: RequestContext,
  clients: DemoClientRef[],
  now: Date,
  owners: DemoOwners,
): Promise<void> {
  for (const demo of FEEDBACK) {
    const client = clients.find((c) => c.name === demo.client);
    if (!client) continue;
    const made = await createFeedbackLink(context, {
      clientId: client.id,
      kind: demo.kind,
      question: demo.question,
    });
    const link = made.feedbackLink;
    if (!link) throw new Error(`No demo feedback link: ${JSON.stringify(made.userErrors)}`);
    const next = random(demo.seed);
    const answers: ImportedAnswer[] = [];
    for (let back = 11; back >= 0; back--) {
      const weights = demo.dip?.monthsAgo === back ? demo.dip.weights : demo.weights;
      const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1);
      const end =
        back === 0 ? now.getTime() : Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1);
      const count = back === 0 ? Math.round((demo.perMonth * now.getUTCDate()) / 30) : demo.perMonth;
      for (let i = 0; i < count; i++) {
        const score = (demo.kind === 'NPS' ? 0 : 1) + pick(weights, next());
        const low = demo.kind === 'NPS' ? score <= 6 : demo.kind === 'CSAT' ? score <= 2 : score <= 3;
        const pool = low ? demo.comments.low : demo.comments.high;
        const comment = next() < (low ? 0.5 : 0.15) ? pool[Math.floor(next() * pool.length)]! : null;
        answers.push({ score, comment, receivedAt: new Date(start + next() * (end - start)) });
      }
    }
    await importFeedbackResponses(context, link, answers);
  }
  // One detractor's comment made into an action, as a consultant would from the comments list.
  const bank = clients.find((c) => c.name === 'Harbourline Bank');
  if (!bank) return;
  const comments = await feedbackComments(context, bank.id, 50);
  const detractor = comments.find((c) => c.detractor);
  if (detractor) {
    await raiseActionFromFeedback(context, {
      responseId: detractor.id,
      description: 'Call the customer back and find out why the promised call-back never came',
      ownerId: owners.consultantId,
      priority: 'HIGH',
    });
  }
}
