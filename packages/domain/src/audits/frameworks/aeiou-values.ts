import type { AuditFramework } from '../framework.js';
import { criterion } from './criterion.js';

/** The five DIME service values, A-E-I-O-U: does each one show in how the whole organisation serves? */
export const AEIOU_VALUES_FRAMEWORK: AuditFramework = {
  key: 'aeiou-values',
  version: 1,
  name: 'A-E-I-O-U service values',
  summary:
    'Checks whether the five service values (Accountable, Energetic, Innovative, Optimistic, Unique) are lived ' +
    'by people across the organisation, beyond the poster on the wall.',
  scale: {
    1: 'Rarely seen',
    2: 'Seen in a few people',
    3: 'Seen in some teams',
    4: 'Seen in most people, most days',
    5: 'Simply how everyone works',
  },
  sections: [
    {
      key: 'accountable',
      title: 'Accountable',
      weight: 1,
      criteria: [
        criterion(
          'ownership-to-outcome',
          'The first person a customer reaches owns the issue until it is resolved, even when other teams are involved.',
          'Follow two or three recent cases that crossed teams. A named owner from first contact to close scores high; a chain of hand-offs scores low.',
          { weight: 2, critical: true },
        ),
        criterion(
          'leaders-answerable',
          'Leaders answer for service results themselves rather than pointing at frontline staff.',
          'Look at leadership meeting packs: are service measures there, and who is asked to explain a miss?',
        ),
        criterion(
          'commitments-kept',
          'Small commitments to customers, such as call-backs and promised dates, are recorded and met.',
          'Sample commitments from case notes or the CRM and count how many were met on time.',
        ),
      ],
    },
    {
      key: 'energetic',
      title: 'Energetic',
      weight: 1,
      criteria: [
        criterion(
          'energy-holds-up',
          'Staff bring attention and warmth to each customer, late in a shift as much as early.',
          'Observe or mystery-shop at different hours and days. Score the dip, not the best moment.',
        ),
        criterion(
          'urgency-fits-need',
          'Teams move with the urgency a customer’s situation calls for.',
          'Compare response times for urgent and routine requests; the urgent ones should clearly be faster.',
        ),
        criterion(
          'service-discussed',
          'Service is a lively subject in team meetings, not an agenda line that is skipped.',
          'Read recent team meeting notes or sit in on one. Count real service discussions, not mentions.',
        ),
      ],
    },
    {
      key: 'innovative',
      title: 'Innovative',
      weight: 1,
      criteria: [
        criterion(
          'staff-ideas-adopted',
          'Frontline staff put forward ideas for serving better, and some of those ideas get adopted.',
          'Ask for the last three staff ideas that changed how service is delivered. None in a year is a 1 or 2.',
        ),
        criterion(
          'small-trials',
          'Service changes are tried on a small scale first and kept or dropped on the evidence.',
          'Look for a trial with a before-and-after measure rather than changes rolled out everywhere at once.',
        ),
      ],
    },
    {
      key: 'optimistic',
      title: 'Optimistic',
      weight: 1,
      criteria: [
        criterion(
          'believes-in-long-journey',
          'People believe the years-long effort toward excellent service is worth making.',
          'In interviews, listen for cynicism about “another initiative”. Belief that it will pay off scores high.',
        ),
        criterion(
          'forward-after-setbacks',
          'After a complaint or a change that failed, talk turns to what to try next rather than who is to blame.',
          'Ask staff to describe the last thing that went wrong and what happened afterwards.',
        ),
      ],
    },
    {
      key: 'unique',
      title: 'Unique',
      weight: 1,
      criteria: [
        criterion(
          'customers-as-individuals',
          'Each customer is treated as an individual whose history and preferences are remembered.',
          'Check whether staff can see a customer’s previous contacts and whether they use them in conversation.',
          { weight: 2, critical: true },
        ),
        criterion(
          'own-way-of-serving',
          'The organisation’s way of serving is recognisably its own, not a copy of a competitor’s.',
          'Ask customers or staff what makes the service different here. Silence or a generic answer scores low.',
        ),
      ],
    },
  ],
};
