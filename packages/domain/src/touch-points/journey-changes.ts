import { CHANNEL_LABELS, type Channel } from './touch-point-input.js';

/**
 * The journey's history: each change is stored with what it was and what it became (names as they were then, so
 * the history still reads right after later renames), and said in plain words here, once, for the API and portal.
 */
export const JOURNEY_CHANGE_KINDS = [
  'STAGE_ADDED',
  'STAGE_RENAMED',
  'STAGE_ARCHIVED',
  'STAGES_REORDERED',
  'TOUCH_POINT_ADDED',
  'TOUCH_POINT_CHANGED',
  'TOUCH_POINT_ARCHIVED',
  'TOUCH_POINTS_REORDERED',
  'MOMENT_OF_TRUTH_SET',
  'MOMENT_OF_TRUTH_CLEARED',
  'PROMISE_LINKED',
  'PROMISE_UNLINKED',
  'CRITERION_LINKED',
  'CRITERION_UNLINKED',
] as const;
export type JourneyChangeKind = (typeof JOURNEY_CHANGE_KINDS)[number];

/** What a change stores before and after; every field optional, as each kind fills only its own. */
export interface JourneyChangeSide {
  name?: string;
  stage?: string;
  channel?: Channel;
  owningTeam?: string;
  position?: number;
  /** Names in order: the stages, or one stage's touch points. */
  order?: string[];
  promiseKey?: string;
  promiseTitle?: string | null;
  frameworkKey?: string;
  criterionKey?: string;
}

export interface JourneyChangeRecord {
  kind: JourneyChangeKind;
  before: JourneyChangeSide | null;
  after: JourneyChangeSide | null;
}

const quoted = (text: string | null | undefined) => `“${text ?? '?'}”`;

/** One sentence for one change, e.g. Renamed the stage “Joining” to “Becoming a customer”. */
export function describeJourneyChange({ kind, before, after }: JourneyChangeRecord): string {
  const b = before ?? {};
  const a = after ?? {};
  switch (kind) {
    case 'STAGE_ADDED':
      return `Added the stage ${quoted(a.name)}.`;
    case 'STAGE_RENAMED':
      return `Renamed the stage ${quoted(b.name)} to ${quoted(a.name)}.`;
    case 'STAGE_ARCHIVED':
      return `Removed the stage ${quoted(b.name)}.`;
    case 'STAGES_REORDERED':
      return `Put the stages in a new order: ${(a.order ?? []).map(quoted).join(', ')}.`;
    case 'TOUCH_POINT_ADDED':
      return `Added the touch point ${quoted(a.name)} to ${quoted(a.stage)}.`;
    case 'TOUCH_POINT_CHANGED':
      return `Changed the touch point ${quoted(b.name ?? a.name)}: ${touchPointChanges(b, a)}.`;
    case 'TOUCH_POINT_ARCHIVED':
      return `Removed the touch point ${quoted(b.name)}.`;
    case 'TOUCH_POINTS_REORDERED':
      if (b.stage !== undefined && a.stage !== undefined && b.stage !== a.stage) {
        return `Moved the touch point ${quoted(a.name)} from ${quoted(b.stage)} to ${quoted(a.stage)}.`;
      }
      return `Put the touch points of ${quoted(a.stage)} in a new order: ${(a.order ?? []).map(quoted).join(', ')}.`;
    case 'MOMENT_OF_TRUTH_SET':
      return `Marked ${quoted(a.name)} as a moment of truth.`;
    case 'MOMENT_OF_TRUTH_CLEARED':
      return `${quoted(a.name)} is no longer a moment of truth.`;
    case 'PROMISE_LINKED':
      return `Linked the promise ${quoted(a.promiseTitle ?? a.promiseKey)} to ${quoted(a.name)}.`;
    case 'PROMISE_UNLINKED':
      return `Unlinked the promise ${quoted(a.promiseTitle ?? a.promiseKey)} from ${quoted(a.name)}.`;
    case 'CRITERION_LINKED':
      return `Linked the audit criterion ${a.frameworkKey ?? '?'}/${a.criterionKey ?? '?'} to ${quoted(a.name)}.`;
    case 'CRITERION_UNLINKED':
      return `Unlinked the audit criterion ${a.frameworkKey ?? '?'}/${a.criterionKey ?? '?'} from ${quoted(a.name)}.`;
  }
}

function touchPointChanges(before: JourneyChangeSide, after: JourneyChangeSide): string {
  const parts: string[] = [];
  if (after.name !== undefined && after.name !== before.name) parts.push(`renamed to ${quoted(after.name)}`);
  if (after.channel !== undefined && after.channel !== before.channel) {
    parts.push(
      `channel ${before.channel ? CHANNEL_LABELS[before.channel] : '?'} → ${CHANNEL_LABELS[after.channel]}`,
    );
  }
  if (after.owningTeam !== undefined && after.owningTeam !== before.owningTeam) {
    parts.push(`owned by ${quoted(after.owningTeam)} instead of ${quoted(before.owningTeam)}`);
  }
  return parts.length ? parts.join('; ') : 'nothing';
}
