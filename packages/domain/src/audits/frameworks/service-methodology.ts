import type { AuditFramework } from '../framework.js';
import { criterion } from './criterion.js';

/**
 * Service seen as a set of systems: each one (values, contact handling, reviews, training, hiring, management,
 * complaints, feedback) shapes what the customer experiences, whether or not anyone designed it to.
 */
export const SERVICE_METHODOLOGY_FRAMEWORK: AuditFramework = {
  key: 'service-methodology',
  version: 1,
  name: 'Service methodology',
  summary:
    'Examines the eight systems that together produce the customer’s experience, and whether each is built on ' +
    'the core values and aimed at what matters to customers.',
  scale: {
    1: 'No system',
    2: 'Informal habits',
    3: 'Defined but uneven',
    4: 'Defined and followed',
    5: 'Followed and improved from evidence',
  },
  sections: [
    {
      key: 'core-values',
      title: 'Core values',
      weight: 2,
      criteria: [
        criterion(
          'values-written-for-customers',
          'The core values are written down and say how customers should experience the organisation.',
          'Read the values. Words customers could actually feel (respect, honesty) score higher than internal slogans.',
        ),
        criterion(
          'systems-grounded-in-values',
          'Each of the service systems below can be traced back to a core value.',
          'For two or three systems, ask which value they serve. No answer is a 1 or 2.',
        ),
      ],
    },
    {
      key: 'inbound-contacts',
      title: 'Inbound-contact handling',
      weight: 1,
      criteria: [
        criterion(
          'contact-standards',
          'Calls, emails and chats are handled to defined standards for steps and response times.',
          'Ask for the written standard and compare it with a sample of real contacts.',
        ),
        criterion(
          'time-to-resolve',
          'Handling targets leave staff enough time to resolve each customer’s situation properly.',
          'Look for contacts cut short to meet a time target and for repeat contacts about the same issue.',
          { critical: true },
        ),
      ],
    },
    {
      key: 'performance-reviews',
      title: 'Performance reviews',
      weight: 1,
      criteria: [
        criterion(
          'reviews-reward-experience',
          'Reviews and pay rises reward the experience customers receive, not only speed or volume.',
          'Read the review template and bonus rules for customer-contact roles.',
        ),
        criterion(
          'reviews-on-time-specific',
          'Reviews happen on schedule and include specific, recent service feedback.',
          'Sample a few completed reviews for dates and concrete examples.',
        ),
      ],
    },
    {
      key: 'training',
      title: 'Training',
      weight: 1,
      criteria: [
        criterion(
          'product-experts',
          'Customer-contact staff know the products and services well enough to advise, and have used them.',
          'Ask staff questions a customer would ask; check whether they have used the products themselves.',
        ),
        criterion(
          'soft-skills',
          'Staff are trained in courtesy, tone and professional conduct, with regular refreshers.',
          'Check the training record for soft-skills sessions in the last year.',
        ),
        criterion(
          'tools-at-hand',
          'Staff have the tools and information they need at the moment of contact.',
          'Watch a few contacts for workarounds, missing information or “I’ll have to call you back”.',
        ),
      ],
    },
    {
      key: 'hiring',
      title: 'Hiring',
      weight: 1,
      criteria: [
        criterion(
          'written-hiring-criteria',
          'Hiring for customer-contact roles follows written criteria with agreed weights.',
          'Ask for the role profile used in the last hire and whether candidates were scored against it.',
        ),
        criterion(
          'service-traits-tested',
          'Interviews test the personal traits that matter for service, not only experience.',
          'Read the interview questions; look for questions that draw out attitude and behaviour.',
        ),
      ],
    },
    {
      key: 'personnel-management',
      title: 'Personnel management',
      weight: 1,
      criteria: [
        criterion(
          'managers-equipped',
          'Managers of customer-contact teams have people, coaching and leadership skills, not only product knowledge.',
          'Review managers’ development records and ask their teams how they are coached.',
        ),
        criterion(
          'morale-watched',
          'Turnover, absence and morale in customer-contact teams are tracked and acted on.',
          'Ask for the figures and the last action taken because of them.',
        ),
      ],
    },
    {
      key: 'complaint-resolution',
      title: 'Complaint resolution',
      weight: 1,
      criteria: [
        criterion(
          'frontline-can-resolve',
          'Frontline staff can resolve most complaints on the spot without waiting for a manager’s approval.',
          'Ask what staff may offer without approval and how long an approval takes when needed.',
          { weight: 2, critical: true },
        ),
        criterion(
          'complaint-patterns',
          'Complaints are logged and analysed for patterns that lead to fixes in operations.',
          'Ask for the last pattern found in complaints and the change it led to.',
        ),
      ],
    },
    {
      key: 'customer-feedback',
      title: 'Customer feedback',
      weight: 1,
      criteria: [
        criterion(
          'feedback-easy',
          'Customers can give feedback easily, through more than one channel, at regular moments.',
          'Try giving feedback as a customer would and note the effort it takes.',
        ),
        criterion(
          'feedback-acted-on',
          'Feedback leads to visible changes in products, processes or training.',
          'Ask for two recent changes that came from feedback and whether customers were told.',
        ),
      ],
    },
  ],
};
