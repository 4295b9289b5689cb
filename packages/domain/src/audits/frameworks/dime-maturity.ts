import type { AuditFramework } from '../framework.js';
import { criterion } from './criterion.js';

/** How far the organisation has come on each of the four DIME steps; the sections match the engagement phases. */
export const DIME_MATURITY_FRAMEWORK: AuditFramework = {
  key: 'dime-maturity',
  version: 1,
  name: 'DIME maturity',
  summary:
    'Rates maturity on the four DIME steps: service built deliberately into the culture, human connection in ' +
    'each interaction, memories worth repeating, and a designed experience at every point of contact.',
  scale: {
    1: 'Not started',
    2: 'First steps',
    3: 'Developing',
    4: 'Established',
    5: 'Leading the industry',
  },
  sections: [
    {
      key: 'deliberate-culture',
      title: 'Deliberate culture',
      weight: 1,
      criteria: [
        criterion(
          'service-in-strategy',
          'Service has its own place in the strategy and plans, with a senior owner.',
          'Find service in the strategic plan and name the executive who answers for it. Missing from the plan is a 1.',
          { weight: 2, critical: true },
        ),
        criterion(
          'decisions-checked-for-customers',
          'Big decisions are tested for their effect on customers before they are taken.',
          'Pick two recent decisions (a price change, a new system) and ask how customer impact was considered.',
        ),
        criterion(
          'multi-year-plan',
          'A service plan looks several years ahead rather than only at this year’s projects.',
          'Ask to see the plan. A five-year horizon with yearly milestones scores high.',
        ),
      ],
    },
    {
      key: 'interactions',
      title: 'Interactions',
      weight: 1,
      criteria: [
        criterion(
          'conversations-personal',
          'Conversations with customers feel personal rather than read from a script.',
          'Listen to recorded calls or observe counters. Note whether staff adapt to the person in front of them.',
        ),
        criterion(
          'listen-before-solving',
          'Staff take time to understand the customer’s situation before offering a solution.',
          'In observed contacts, count questions asked before a solution is offered.',
        ),
        criterion(
          'warm-under-pressure',
          'Staff stay warm and constructive when a customer is upset.',
          'Review a few difficult contacts. Defensive or scripted replies score low; calm ownership scores high.',
        ),
      ],
    },
    {
      key: 'memories',
      title: 'Memories',
      weight: 1,
      criteria: [
        criterion(
          'memorable-moments-designed',
          'The organisation deliberately creates moments customers remember for the right reasons.',
          'Ask which moments the team designs on purpose and look for customers mentioning them in feedback.',
        ),
        criterion(
          'industry-beliefs-answered',
          'The team knows the common complaints about its industry and has chosen where to do the opposite.',
          'Compare the differentiation workshop’s list of beliefs with what customers actually experience.',
        ),
        criterion(
          'recovery-memorable',
          'When something goes wrong, the recovery is good enough to leave a positive memory.',
          'Read complaint closures and follow-up feedback: did the customer end better off than before the problem?',
        ),
      ],
    },
    {
      key: 'experiences',
      title: 'Experiences',
      weight: 1,
      criteria: [
        criterion(
          'touch-points-owned',
          'Every point of contact (website, phone, premises, invoices, follow-up) is mapped and has an owner.',
          'Ask for the touch-point map. Unmapped or ownerless points pull the score down.',
        ),
        criterion(
          'consistent-across-channels',
          'Customers get the same quality of experience whichever channel or site they use.',
          'Mystery-shop the same request through two channels and compare.',
        ),
        criterion(
          'brand-felt-throughout',
          'The brand is felt in the whole experience, not only in logos and colours.',
          'Ask customers what it feels like to deal with the organisation; answers that echo the brand score high.',
        ),
      ],
    },
  ],
};
