import type { AuditFramework } from '../framework.js';
import { criterion } from './criterion.js';

/**
 * The five obstacles on the road to excellent service. Every criterion describes a problem, so a high score is
 * bad and scoring inverts it: an organisation free of obstacles scores 100.
 */
const obstacle = (key: string, prompt: string, guidance: string, options: { critical?: boolean } = {}) =>
  criterion(key, prompt, guidance, { ...options, highIsBad: true });

export const FIVE_OBSTACLES_FRAMEWORK: AuditFramework = {
  key: 'five-obstacles',
  version: 1,
  name: 'Five obstacles',
  summary:
    'Finds what is slowing the service journey down: mixed messages, leaders who lose conviction, resources used ' +
    'as an excuse, no shared picture of success, and losing touch with how customers are changing. ' +
    'Score how strongly each obstacle is present; a high score means a bigger obstacle.',
  scale: {
    1: 'Not holding us back',
    2: 'A minor drag',
    3: 'Noticeably slowing us',
    4: 'A serious barrier',
    5: 'Stopping progress',
  },
  sections: [
    {
      key: 'lack-of-alignment',
      title: 'Lack of alignment',
      weight: 1,
      criteria: [
        obstacle(
          'says-one-thing',
          'What the organisation says about service differs from what its processes, targets and rewards push people to do.',
          'Set the published service statements beside the KPIs and incentives. Targets that work against the statements mean a high score.',
          { critical: true },
        ),
        obstacle(
          'teams-pull-apart',
          'Departments chase goals that make it harder for other departments to serve customers.',
          'Ask each team what slows them down when helping a customer; repeated mentions of another team signal this obstacle.',
        ),
      ],
    },
    {
      key: 'lack-of-credibility',
      title: 'Lack of credibility',
      weight: 1,
      criteria: [
        obstacle(
          'message-fades',
          'The leaders’ service message fades after launch events instead of being carried with conviction, again and again.',
          'Count how often senior leaders raised service in the last quarter’s communications, and whether staff can repeat the message.',
        ),
        obstacle(
          'leaders-not-modelling',
          'Staff see leaders behave in ways that contradict the service standards they ask of others.',
          'Ask staff for a recent example of a leader serving a customer or colleague. Stories of the opposite point to a high score.',
          { critical: true },
        ),
      ],
    },
    {
      key: 'lack-of-resources',
      title: 'Lack of resources',
      weight: 1,
      criteria: [
        obstacle(
          'resources-as-excuse',
          'Shortage of money or people is offered as the reason service cannot get better.',
          'Ask managers what stops improvement. If nearly every answer is budget or headcount, score high.',
        ),
        obstacle(
          'capacity-unused',
          'Skills, tools and time already in the business that could improve service go unused.',
          'Look for licensed tools nobody uses, skilled staff kept away from customers, or idle periods never used for improvement.',
        ),
      ],
    },
    {
      key: 'lack-of-clarity',
      title: 'Lack of clarity',
      weight: 1,
      criteria: [
        obstacle(
          'success-undefined',
          'Nobody can say in concrete, measurable terms what excellent service would look like here.',
          'Ask five people from different levels to describe success in a year. Five different answers, or none, is a high score.',
          { critical: true },
        ),
        obstacle(
          'priorities-unclear',
          'When service goals conflict, staff do not know which comes first.',
          'Give staff a realistic dilemma (speed against thoroughness, policy against the customer) and compare their answers.',
        ),
      ],
    },
    {
      key: 'disconnected-from-customers',
      title: 'Not connected with changing customers',
      weight: 1,
      criteria: [
        obstacle(
          'customer-picture-dated',
          'The organisation’s picture of who its customers are and what they want is out of date.',
          'Ask when customer needs were last researched. More than two years ago, or anecdotes only, scores high.',
        ),
        obstacle(
          'slow-to-adapt',
          'Changes in how customers want to be served (channels, hours, pace) take a long time to reach everyday practice.',
          'Pick one recent shift in customer behaviour and trace how long the organisation took to respond.',
        ),
      ],
    },
  ],
};
