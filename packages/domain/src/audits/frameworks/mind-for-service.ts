import type { AuditFramework } from '../framework.js';
import { criterion } from './criterion.js';

/**
 * Service intelligence: the groundwork leaders lay (belief, expectations, promises), then the seven capabilities
 * every employee should be taught, split into what staff need to understand and how they need to act and feel.
 */
export const MIND_FOR_SERVICE_FRAMEWORK: AuditFramework = {
  key: 'mind-for-service',
  version: 1,
  name: 'Mind for service',
  summary:
    'Checks the groundwork behind service intelligence and whether every employee is taught the seven ' +
    'capabilities that turn good intentions about service into service customers can feel.',
  scale: {
    1: 'Not taught',
    2: 'Mentioned in passing',
    3: 'Taught to some staff',
    4: 'Taught and practised',
    5: 'Second nature to everyone',
  },
  sections: [
    {
      key: 'groundwork',
      title: 'Groundwork',
      weight: 1,
      criteria: [
        criterion(
          'service-believed-in',
          'People genuinely believe excellent service matters, rather than treating it as part of the job or an arm of sales.',
          'Ask staff and leaders why service matters here. Answers about selling more, or shrugs, score low.',
          { critical: true },
        ),
        criterion(
          'expectations-understood',
          'The organisation understands what its customers consider reasonable, given their circumstances and the industry.',
          'Ask how expectations were learned: research and complaint analysis score higher than assumptions.',
        ),
        criterion(
          'promises-known',
          'Staff know what marketing, advertising and sales have promised customers, spoken or implied.',
          'Show staff a current advertisement or sales script and ask what a customer would now expect.',
        ),
      ],
    },
    {
      key: 'understanding',
      title: 'What staff understand',
      weight: 1,
      criteria: [
        criterion(
          'policies-serve-levels',
          'Staff understand how the policies and procedures produce the level of service the industry and the strategy call for.',
          'Ask staff why a given policy exists. Linking it to a service level scores high; “it’s the rule” scores low.',
        ),
        criterion(
          'sensible-risk',
          'Staff understand when taking a sensible risk is the right way to meet a customer’s need.',
          'Ask for an example of bending the usual way of doing things for a customer, and how it was received.',
        ),
        criterion(
          'component-skills',
          'Staff are building their skills across every component of service the organisation teaches.',
          'Use the consultancy’s component list; check training records for gaps in any component.',
        ),
      ],
    },
    {
      key: 'behaviour',
      title: 'How staff act and feel',
      weight: 1,
      criteria: [
        criterion(
          'emotions-managed',
          'Staff manage their own emotions and help customers manage theirs.',
          'Observe or replay tense contacts. Staff who calm the situation without losing their own composure score high.',
        ),
        criterion(
          'energy-raised',
          'Staff can raise their energy and intensity to match what customers expect at that moment.',
          'Compare busy and quiet periods: does the effort rise with demand?',
        ),
        criterion(
          'confidence-created',
          'Staff create a setting in which colleagues and customers feel confident.',
          'Ask customers whether they felt in good hands; ask staff whether they trust colleagues to follow through.',
        ),
        criterion(
          'empathy-beyond-policy',
          'Staff respond with empathy, and policy does not get in the way of it.',
          'Look for replies that quote policy instead of acknowledging the person. Frequent ones score 1 or 2.',
          { weight: 2, critical: true },
        ),
      ],
    },
  ],
};
