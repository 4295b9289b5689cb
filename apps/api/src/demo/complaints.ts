import { periodContaining, previousPeriod, type ComplaintSeverity } from '@csp/domain';
import type { RequestContext } from '../core/context.js';
import {
  createComplaintCategory,
  raiseComplaintCategoryAction,
  recordComplaints,
} from '../modules/complaints/index.js';
import type { DemoOwners } from './actions.js';
import type { DemoClientRef } from './demo-programme.js';

/** A demo client's complaint log: its categories, how many a month each gets, and the one rising this month. */
interface DemoLog {
  client: string;
  /** The zone the client's service levels are judged in (service-levels.ts), so months match the patterns. */
  timeZone: string;
  categories: { name: string; description: string; perMonth: number; causes: string[] }[];
  /** This month, this category gets this many complaints by now: far above its usual month. */
  rising: { category: string; count: number; action: string };
  seed: number;
}

const LOGS: DemoLog[] = [
  {
    client: 'Harbourline Bank',
    timeZone: 'Pacific/Auckland',
    categories: [
      {
        name: 'Waiting on the phone',
        description: 'Long holds, calls dropped in the queue.',
        perMonth: 4,
        causes: ['Lunchtime rota gap', 'Queue overflow after a branch closure'],
      },
      {
        name: 'Card problems',
        description: 'Cards blocked, lost or delayed.',
        perMonth: 3,
        causes: ['Replacement cards posted late', 'Fraud rule too strict'],
      },
      {
        name: 'Fees and charges',
        description: 'Charges the customer did not expect.',
        perMonth: 2,
        causes: ['Fee change not announced'],
      },
      {
        name: 'Staff manner',
        description: 'How the customer was spoken to.',
        perMonth: 1,
        causes: ['New starter without coaching'],
      },
    ],
    rising: {
      category: 'Card problems',
      count: 12,
      action: 'Find why replacement cards are late this month',
    },
    seed: 21,
  },
  {
    client: 'ClearCall Telecom',
    timeZone: 'Pacific/Auckland',
    categories: [
      {
        name: 'Billing errors',
        description: 'Wrong amounts, double charges.',
        perMonth: 3,
        causes: ['Billing run on the wrong day', 'Tariff change not applied'],
      },
      {
        name: 'Outages',
        description: 'No service, slow broadband.',
        perMonth: 4,
        causes: ['Exchange maintenance not announced'],
      },
      {
        name: 'Being passed around',
        description: 'Transferred from team to team.',
        perMonth: 3,
        causes: ['Routing menu sends to the wrong team'],
      },
    ],
    rising: {
      category: 'Billing errors',
      count: 12,
      action: 'Check this month’s billing run before the next one',
    },
    seed: 22,
  },
];

const MONTHS = 12;
const HOUR_MS = 3_600_000;
const SEVERITIES: ComplaintSeverity[] = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'CRITICAL'];
const CHANNELS = ['PHONE', 'PHONE', 'EMAIL', 'WEB', 'CHAT', 'BRANCH', 'SOCIAL'] as const;
const STORIES = [
  'Customer waited much longer than promised and had to explain the problem twice.',
  'Customer was told it would be sorted the same day; nobody came back to them.',
  'Customer says the letter and the website said different things.',
  'Customer was promised a call back and it never came.',
  'Customer was charged and no one could explain why.',
];

/** A small deterministic generator (mulberry32), so the demo is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

/**
 * A year of complaints for two demo clients, through the same bulk call as a client's CRM (with external
 * references): each category at its usual monthly rate, most resolved within days with a root cause, and this month
 * one category far above its trailing six months, so the patterns flag it rising; an action raised from it. A few
 * hundred complaints in all, well inside the consultancy export's size. Run after the service levels (their zone).
 */
export async function seedComplaintsDemo(
  context: RequestContext,
  clients: DemoClientRef[],
  now: Date,
  owners: DemoOwners,
): Promise<void> {
  for (const log of LOGS) {
    const client = clients.find((c) => c.name === log.client);
    if (!client) continue;
    const next = random(log.seed);
    const categoryIds = new Map<string, string>();
    for (const category of log.categories) {
      const created = await createComplaintCategory(context, {
        clientId: client.id,
        name: category.name,
        description: category.description,
      });
      if (!created.complaintCategory) throw new Error(JSON.stringify(created.userErrors));
      categoryIds.set(category.name, created.complaintCategory.id);
    }
    const current = periodContaining(now, 'MONTH', log.timeZone);
    const months = [current];
    for (let i = 1; i < MONTHS; i += 1) months.push(previousPeriod(months.at(-1)!, log.timeZone));
    const rows: Record<string, unknown>[] = [];
    for (const month of months) {
      const until = Math.min(month.end.getTime(), now.getTime() - HOUR_MS);
      if (until <= month.start.getTime()) continue;
      for (const category of log.categories) {
        const isRising = month === current && category.name === log.rising.category;
        // Around the usual rate (±1), and a quiet running month for everything but the rising category.
        const usual = Math.max(0, category.perMonth + Math.round(next() * 2) - 1);
        const count = isRising ? log.rising.count : month === current ? Math.min(usual, 1) : usual;
        for (let i = 0; i < count; i += 1) {
          const receivedAt = month.start.getTime() + next() * (until - month.start.getTime());
          const resolveHours = 2 + Math.floor(next() * next() * 120);
          const resolvedAt = receivedAt + resolveHours * HOUR_MS;
          const resolved = resolvedAt < now.getTime() && next() < 0.85;
          rows.push({
            externalReference: `${log.client.slice(0, 3).toUpperCase()}-${rows.length + 1000}`,
            receivedAt: new Date(receivedAt).toISOString(),
            channel: pick(next, CHANNELS),
            category: category.name,
            severity: pick(next, SEVERITIES),
            whatHappened: pick(next, STORIES),
            customerReference: next() < 0.5 ? `CASE-${Math.floor(next() * 90_000) + 10_000}` : null,
            resolvedAt: resolved ? new Date(resolvedAt).toISOString() : null,
            resolution: resolved ? 'Apologised, put right and explained what changes.' : null,
            rootCause: resolved ? pick(next, category.causes) : null,
          });
        }
      }
    }
    rows.sort((a, b) => String(a.receivedAt).localeCompare(String(b.receivedAt)));
    const recorded = await recordComplaints(context, { clientId: client.id, rows });
    if (!recorded.complaints) throw new Error(JSON.stringify(recorded.userErrors.slice(0, 3)));
    const raised = await raiseComplaintCategoryAction(context, {
      categoryId: categoryIds.get(log.rising.category)!,
      description: log.rising.action,
      ownerId: owners.leaderOf.get(client.id) ?? owners.consultantId,
      priority: 'HIGH',
    });
    if (!raised.action) throw new Error(JSON.stringify(raised.userErrors));
  }
}
