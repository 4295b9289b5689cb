import { isObjectType, type GraphQLNamedType } from 'graphql';
import {
  COMPLAINT_LIMITS,
  JOURNEY_LIMITS,
  LIMITS,
  MAX_CHARTER_PROMISES,
  MAX_DELIVERY_ATTEMPTS,
  MAX_INTERVALS_PER_BATCH,
  PREFERENCE_KINDS,
  WEBHOOK_EVENT_TYPES,
  WEEKDAYS,
} from '@csp/domain';

/**
 * How long each plain list (a list of objects that is not a connection's page) is taken to be when a query's cost
 * is computed, and what keeps it from growing without bound. `size` is a typical length, not the worst case: the
 * static cost refuses queries that would be heavy on ordinary data, and the per-request budget
 * (request-budget.ts) ends the ones that meet unusually large data. A list that grows with use rather than being
 * bounded by input validation also has a `cap`: it never answers more than that many items (`keep` says which
 * end of the list's own order is kept), so no amount of data makes one list field unbounded.
 *
 * Every plain object list of the schema must be listed here (query-cost.test.ts checks), so a new list field
 * cannot slip in uncounted.
 */
export interface ListSize {
  size: number;
  /** Why the list is bounded, or why its cap is where it is. */
  why: string;
  cap?: number;
  keep?: 'first' | 'last';
  /**
   * The list's own argument that says how many items it answers (`periods(last: 104)`): the cost counts that many
   * (at most the cap) instead of `size`, which stays the length when the argument is left at its default.
   */
  countedBy?: 'last';
}

/** Lists of objects taking a `first` argument of their own but not shaped as connections. */
export const PAGED_LISTS: ReadonlySet<string> = new Set(['Query.upcomingMilestones']);

/**
 * A connection's page (edges, nodes, pageInfo), counted at the field that asks for it, as opposed to a type that
 * only ends in "Connection" (a single sign-on connection), whose lists are plain lists like any other.
 */
export function isPageType(type: GraphQLNamedType | null | undefined): boolean {
  return isObjectType(type) && 'pageInfo' in type.getFields();
}

const ERRORS: ListSize = { size: 2, why: 'one per problem with the input, which is itself bounded' };

export const LIST_SIZES: Record<string, ListSize> = {
  'Query.upcomingMilestones': { size: 20, why: '`first`, at most 100 (milestones.ts)' },
  'Query.auditFrameworks': {
    size: 10,
    why: 'the built-ins and the consultancy’s own copies, which grow with use',
    cap: 200,
  },
  'Query.promiseLinks': {
    size: 20,
    why: `per promise (at most ${MAX_CHARTER_PROMISES}) and framework, at most ${LIMITS.listItems} criteria; grows with frameworks`,
    cap: 1000,
  },
  'Query.apiKeys': { size: 10, why: 'grows with keys made (revoked ones stay); newest first', cap: 200 },
  'Query.mailSuppressions': {
    size: 10,
    why: 'grows with addresses mail servers refused for good, until allowed again; newest first',
    cap: 500,
  },
  'Query.webhookEventTypes': { size: WEBHOOK_EVENT_TYPES.length, why: 'a fixed catalogue' },
  'EmailPreferences.kinds': { size: PREFERENCE_KINDS.length, why: 'a fixed catalogue of emails' },

  'Client.leaders': { size: 5, why: 'grows with invitations accepted', cap: 100 },
  'Client.engagements': {
    size: 10,
    why: 'grows over the years; newest first, the rest through Query.engagements(clientId)',
    cap: 100,
  },
  'Client.roleProfiles': { size: 5, why: 'grows with use; by title', cap: 100 },
  'Client.audits': {
    size: 20,
    why: 'grows over the years; newest first, the rest through Query.audits(clientId)',
    cap: 100,
  },
  'Client.actions': {
    size: 20,
    why: 'grows over the years; soonest due first, all of them through Query.actions(clientId)',
    cap: 500,
  },
  'DifferentiationWorkshop.beliefs': { size: 10, why: `at most ${LIMITS.listItems} (client-input.ts)` },
  'DifferentiationWorkshop.values': { size: 10, why: `at most ${LIMITS.listItems} (client-input.ts)` },

  'Engagement.team': { size: 5, why: `at most ${LIMITS.listItems} (engagement-input.ts)` },
  'Engagement.milestones': {
    size: 10,
    why: `at most ${LIMITS.listItems} at creation, but addMilestone adds more; by due date`,
    cap: 200,
  },

  'Charter.versions': { size: 5, why: 'one per publication, which grows with use; newest first', cap: 100 },
  'CharterVersion.promises': {
    size: MAX_CHARTER_PROMISES,
    why: `at most ${MAX_CHARTER_PROMISES} per charter`,
  },
  'CharterVersion.publishGaps': ERRORS,
  'CharterDiff.purpose': { size: 3, why: 'the three parts of the purpose statement' },
  'CharterDiff.added': { size: 5, why: `at most ${MAX_CHARTER_PROMISES} promises per version` },
  'CharterDiff.removed': { size: 5, why: `at most ${MAX_CHARTER_PROMISES} promises per version` },
  'CharterDiff.changed': { size: 5, why: `at most ${MAX_CHARTER_PROMISES} promises per version` },
  'CharterDiff.reordered': { size: 5, why: `at most ${MAX_CHARTER_PROMISES} promises per version` },
  'CharterPromiseChange.fields': { size: 3, why: 'title, description, standard' },

  'RoleProfile.criteria': { size: 10, why: `at most ${LIMITS.listItems} (hiring-input.ts)` },
  'RoleProfile.readinessGaps': ERRORS,
  'RoleProfile.categoryWeights': { size: 5, why: 'the five hiring categories' },
  'RoleProfile.candidates': { size: 20, why: 'grows with candidates scored; best first', cap: 200 },
  'CandidateScorecard.scores': { size: 10, why: `one per criterion, at most ${LIMITS.listItems}` },
  'CandidateScorecard.failedMustHaves': {
    size: 2,
    why: `criteria of the profile, at most ${LIMITS.listItems}`,
  },

  'AuditFramework.scale': { size: 5, why: 'the five points of the scale' },
  'AuditFramework.sections': { size: 5, why: 'at most 50 (audit-input.ts)' },
  'AuditFrameworkSection.criteria': { size: 6, why: 'at most 100 per section (audit-input.ts)' },
  'Audit.responses': { size: 20, why: 'one per criterion of the audit’s framework version' },
  'Audit.promisesKept': { size: 10, why: `one per promise, at most ${MAX_CHARTER_PROMISES}` },
  'AuditScores.sections': { size: 5, why: 'one per section of the framework version' },
  'AuditScores.criteria': { size: 20, why: 'one per criterion of the framework version' },
  'AuditScores.flags': { size: 3, why: 'critical criteria of the framework version' },
  'AuditDeltas.sections': { size: 5, why: 'one per section of the framework version' },
  'AuditDeltas.criteria': { size: 20, why: 'one per criterion of the framework version' },
  'TrendPoint.sections': { size: 5, why: 'one per section of the framework version' },
  'AuditTrend.points': {
    size: 10,
    why: 'one per published audit on the framework, which grows over the years; oldest first, this audit last',
    cap: 100,
    keep: 'last',
  },
  'AuditTrend.sections': { size: 5, why: 'one per section of the framework version' },
  'IndustryBenchmark.sections': { size: 5, why: 'one per section of the framework version' },
  'PromiseLinksPayload.links': { size: 10, why: `at most ${LIMITS.listItems} per promise and framework` },

  'Action.notes': {
    size: 5,
    why: 'grows with notes added; oldest first, the newest kept',
    cap: 200,
    keep: 'last',
  },

  'Client.serviceLevels': {
    size: 3,
    why: `one per promise of the client, at most ${MAX_CHARTER_PROMISES} in force (removed promises keep theirs)`,
    cap: 100,
  },
  'ServiceLevel.versions': {
    size: 3,
    why: 'one per change of definition, which grows with use; newest first',
    cap: 100,
  },
  'ServiceLevel.periods': {
    size: 12,
    why: '`last`, 12 unless asked, at most 520 (service-levels/periods.ts); oldest first, the newest kept',
    cap: 520,
    keep: 'last',
    countedBy: 'last',
  },
  'ServiceLevel.changes': {
    size: 20,
    why: '`last`, 20 unless asked, at most 100 (service-levels/periods.ts); newest first',
    cap: 100,
    countedBy: 'last',
  },
  'ServiceLevel.corrections': {
    size: 5,
    why: 'one per corrected closed period, which grows with use; newest first',
    cap: 200,
  },
  'ServiceLevelDefinition.businessHours': { size: 5, why: `at most ${WEEKDAYS.length}, one per day` },
  'RecordMeasurementsPayload.serviceLevels': {
    size: 3,
    why: `the service levels of the intervals sent, at most ${MAX_INTERVALS_PER_BATCH} per call`,
  },

  'CustomerJourney.stages': {
    size: 5,
    why: `the live stages, at most ${JOURNEY_LIMITS.stages} (touch-points/touch-point-input.ts)`,
    cap: JOURNEY_LIMITS.stages,
  },
  'JourneyStage.touchPoints': {
    size: 5,
    why: `the stage's live touch points, at most ${JOURNEY_LIMITS.touchPointsPerStage}`,
    cap: JOURNEY_LIMITS.touchPointsPerStage,
  },
  'CustomerJourney.changes': {
    size: 50,
    why: '`last`, 50 unless asked, at most 200 (touch-points/history.ts); newest first',
    cap: 200,
    countedBy: 'last',
  },
  'TouchPoint.changes': {
    size: 20,
    why: '`last`, 20 unless asked, at most 200 (touch-points/history.ts); newest first',
    cap: 200,
    countedBy: 'last',
  },
  'TouchPoint.promises': {
    size: 2,
    why: `the promises linked, one per promise key of the client's charter (${MAX_CHARTER_PROMISES} in force)`,
    cap: 100,
  },
  'TouchPoint.criteria': { size: 3, why: 'the criteria linked, which grows with use', cap: 200 },
  'TouchPoint.openActions': {
    size: 3,
    why: 'the actions not done about the touch point, which grows with use; soonest due first',
    cap: 100,
  },

  'Client.complaintCategories': {
    size: 10,
    why: "the client's own list, which grows with use (archived ones only when asked); by name",
    cap: 500,
  },
  'Complaint.actions': {
    size: 1,
    why: 'the actions raised from one complaint, which grows with use; newest first',
    cap: 100,
  },
  'ComplaintPatterns.categories': {
    size: 10,
    why: 'the categories with complaints in the window or live in the list, which grows with use',
    cap: 500,
  },
  'ComplaintPatterns.touchPoints': {
    size: 10,
    why: "the touch points with complaints in the window, which grows with the client's journey",
    cap: 500,
  },
  'ComplaintPatterns.timeToResolve': {
    size: 12,
    why: '`months` of the patterns, 12 unless asked, at most 36 (complaints/patterns.ts)',
    cap: 36,
  },
  'ComplaintPatterns.rates': {
    size: 2,
    why: 'one per service level of the client that counts contacts, which grows with use',
    cap: 100,
  },
  'ComplaintPatterns.recurrences': {
    size: 5,
    why: 'the complaints whose root cause came back after an action on it, which grows with use; newest first',
    cap: 200,
  },
  'RecordComplaintsPayload.complaints': {
    size: 100,
    why: `the rows sent, at most ${COMPLAINT_LIMITS.batch} per call (complaints/complaint-input.ts)`,
  },

  'Client.feedbackLinks': {
    size: 5,
    why: 'grows with links made (inactive ones stay); oldest first',
    cap: 200,
  },
  'Client.feedbackComments': {
    size: 20,
    why: '`last`, 20 unless asked, at most 100 (feedback/queries.ts); newest first',
    cap: 100,
    countedBy: 'last',
  },
  'Client.programmeReports': {
    size: 20,
    why: '`last`, 20 unless asked, at most 100 (reports/queries.ts); newest first',
    cap: 100,
    countedBy: 'last',
  },
  'FeedbackSummary.kinds': { size: 3, why: 'one per survey kind, of which there are three' },
  'FeedbackKindSummary.months': {
    size: 12,
    why: '`months` of the summary, 12 unless asked, at most 36 (feedback/summary.ts)',
    cap: 36,
  },
  'FeedbackKindSummary.touchPoints': {
    size: 5,
    why: "one per touch point with answers, which grows with the client's journey",
    cap: 500,
  },
  'WebhookEndpoint.secrets': {
    size: 2,
    why: 'the newest and those still in their overlap, which rotations can add to',
    cap: 50,
  },
  'Query.ssoConnections': {
    size: 2,
    why: 'one per identity provider the consultancy signs in through, which grows with use',
    cap: 50,
  },
  'Query.ssoAccessRequests': {
    size: 5,
    why: 'people waiting for an admin, oldest first; the next ones show as these are handled',
    cap: 200,
  },
  'SsoConnection.certificates': { size: 2, why: 'at most 5 trusted at once (sso-input.ts)' },
  'SsoConnection.roleMappings': {
    size: 5,
    why: `at most ${LIMITS.listItems} (sso-input.ts)`,
  },
  'SsoConnection.domains': {
    size: 2,
    why: 'the email domains bound to the connection, which grow with use',
    cap: 200,
  },
  'WebhookDelivery.attempts': {
    size: MAX_DELIVERY_ATTEMPTS,
    why: `at most ${MAX_DELIVERY_ATTEMPTS} per delivery (retry-schedule.ts)`,
  },
};

/** Every mutation payload's `userErrors`: named by pattern rather than one by one. */
export function listSizeOf(coordinate: string): ListSize | undefined {
  return LIST_SIZES[coordinate] ?? (coordinate.endsWith('.userErrors') ? ERRORS : undefined);
}
