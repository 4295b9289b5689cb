import type { AuditFramework } from '../framework.js';
import { criterion } from './criterion.js';

/** Is the organisation clear and optimistic about where its service is going over the next several years? */
export const SERVICE_FUTURE_FRAMEWORK: AuditFramework = {
  key: 'service-future',
  version: 1,
  name: 'Service future',
  summary:
    'Assesses the four foundations of a long-term service plan: a lasting purpose statement, an atmosphere ' +
    'that lets service happen, a point of difference, and creativity encouraged across the whole team.',
  scale: {
    1: 'Missing',
    2: 'Talked about',
    3: 'Written down',
    4: 'Guiding decisions',
    5: 'Owned by everyone',
  },
  sections: [
    {
      key: 'purpose-statement',
      title: 'Purpose statement',
      weight: 2,
      criteria: [
        criterion(
          'purpose-stated',
          'A service purpose statement says why staff serve the way they do, ahead of everything else.',
          'Ask for the statement. Check it names the why and what it takes priority over (P = W/E).',
          { weight: 2, critical: true },
        ),
        criterion(
          'purpose-lasting',
          'The purpose is centred on customers and built to last, unlike a vision that is reached and replaced.',
          'Compare the purpose with the vision and mission. A purpose with a date or a target in it is really a goal.',
        ),
        criterion(
          'purpose-used',
          'Staff use the purpose to make everyday decisions.',
          'Ask staff for a recent decision the purpose helped them make.',
        ),
        criterion(
          'five-year-plan',
          'A written service plan looks five years ahead and grows from the purpose.',
          'Ask to see the plan and how its milestones connect to the purpose.',
        ),
      ],
    },
    {
      key: 'service-atmosphere',
      title: 'Service atmosphere',
      weight: 1,
      criteria: [
        criterion(
          'fog-cleared',
          'The things that make staff or customers uneasy where they meet have been cleared away.',
          'Walk the places where customers and staff meet, in person and online, and list what gets in the way.',
        ),
        criterion(
          'interaction-structure',
          'A clear structure for service interactions lets staff focus on the customer rather than the process.',
          'Observe whether staff know what comes next in an interaction without hunting for it.',
        ),
      ],
    },
    {
      key: 'point-of-difference',
      title: 'Point of difference',
      weight: 1,
      criteria: [
        criterion(
          'stereotypes-listed',
          'The team has listed the negative stereotypes customers hold about its industry.',
          'Ask for the list from the differentiation workshop. No list is a 1.',
        ),
        criterion(
          'difference-delivered',
          'One point of difference that answers those stereotypes has been chosen and is being delivered.',
          'Check that customers notice the chosen difference, not only the team.',
        ),
      ],
    },
    {
      key: 'creativity',
      title: 'Creativity',
      weight: 1,
      criteria: [
        criterion(
          'service-theme',
          'The organisation has a service theme customers notice from their first contact, beyond branding colours.',
          'Ask new customers what stood out in their first contact.',
        ),
        criterion(
          'everyone-creative',
          'Everyone, not only marketing, is invited and expected to find new ways to serve.',
          'Ask where the last three service ideas came from.',
        ),
        criterion(
          'optimism-about-future',
          'Leaders and staff talk about the service future with optimism rather than dwelling on past failures.',
          'Listen to how people describe the next few years. Stubborn attention to what failed before scores low.',
        ),
      ],
    },
  ],
};
