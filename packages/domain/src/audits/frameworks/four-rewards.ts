import type { AuditFramework } from '../framework.js';
import { criterion } from './criterion.js';

/**
 * The four rewards good service earns, and whether staff can see them. Leaders tend to watch results; this audit
 * asks whether the rewards behind the results are real, measured and shared.
 */
export const FOUR_REWARDS_FRAMEWORK: AuditFramework = {
  key: 'four-rewards',
  version: 1,
  name: 'Four rewards',
  summary:
    'Measures whether service is paying off in the four ways it should (a return on the investment in people, ' +
    'customers coming back, customers recommending, outside recognition) and whether staff are told about it.',
  scale: {
    1: 'Not visible at all',
    2: 'Glimpses only',
    3: 'Visible in places',
    4: 'Clearly visible',
    5: 'Clearly visible and known to every team',
  },
  sections: [
    {
      key: 'return-on-people',
      title: 'Return on investment in people',
      weight: 1,
      criteria: [
        criterion(
          'investment-pays-back',
          'Spending on staff (training, coaching, recognition) can be linked to better service results.',
          'Look for a before-and-after measure around a recent training or coaching programme.',
        ),
        criterion(
          'retention-stable',
          'Turnover in customer-facing roles is stable or falling.',
          'Compare the last two years of turnover for customer-facing roles with the organisation’s average.',
        ),
        criterion(
          'staff-see-own-growth',
          'Staff can explain how their own development has changed the service they give.',
          'Ask a handful of staff for a concrete example; vague answers score 2 at most.',
        ),
      ],
    },
    {
      key: 'repeat-business',
      title: 'Repeat business',
      weight: 1,
      criteria: [
        criterion(
          'returning-customers-measured',
          'The share of customers who come back is measured, and it is rising.',
          'Ask for the retention or repeat-purchase figure and its trend. Not measured at all scores 1.',
          { weight: 2 },
        ),
        criterion(
          'relationships-formed',
          'Customers mention or ask for team members by name, a sign of relationships rather than transactions.',
          'Search feedback and contact notes for staff names; ask the team how often it happens.',
        ),
      ],
    },
    {
      key: 'word-of-mouth',
      title: 'Word-of-mouth recommendations',
      weight: 1,
      criteria: [
        criterion(
          'referrals-known',
          'The organisation knows how many new customers came on someone’s recommendation.',
          'Check whether new customers are asked how they heard about the organisation and whether the answer is recorded.',
        ),
        criterion(
          'positive-stories',
          'Customers tell positive stories about their experience, in reviews or in person.',
          'Read a recent sample of public reviews and note how many describe a specific memorable moment.',
        ),
      ],
    },
    {
      key: 'recognition',
      title: 'Recognition',
      weight: 1,
      criteria: [
        criterion(
          'outside-recognition',
          'Other organisations or the wider community recognise the service: awards, invitations to speak, press.',
          'List recognition received in the last two years and whether it was for service specifically.',
        ),
        criterion(
          'every-touch-point-cared-for',
          'Teams treat every point of contact, including the back office, as part of the customer’s experience.',
          'Walk through a customer journey end to end and note any point nobody feels responsible for.',
        ),
      ],
    },
    {
      key: 'rewards-shared',
      title: 'Rewards shared with staff',
      weight: 1,
      criteria: [
        criterion(
          'rewards-reported',
          'Staff are told regularly which rewards their service is earning.',
          'Look at internal communications over the last six months for service rewards reported back to staff.',
          { weight: 2, critical: true },
        ),
        criterion(
          'rewards-understood',
          'Frontline staff can name at least two rewards that service has brought in the past year.',
          'Ask several frontline staff; most naming two or more is a 4 or 5.',
        ),
      ],
    },
  ],
};
