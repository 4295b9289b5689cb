import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { rootOperations } from '../../../test/operations.js';
import {
  addMember,
  createClient,
  createEngagement,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';

/**
 * Each role against each operation, through HTTP. The answer is either a refusal (UNAUTHENTICATED or FORBIDDEN)
 * or not; what an allowed call then does is the modules' own tests' business.
 */
type Who = 'anonymous' | 'ADMIN' | 'CONSULTANT' | 'CLIENT_LEADER';
const EVERYONE: Who[] = ['ADMIN', 'CONSULTANT', 'CLIENT_LEADER'];
const STAFF: Who[] = ['ADMIN', 'CONSULTANT'];

interface Ids {
  clientId: string;
  engagementId: string;
}

const OPERATIONS: {
  name: string;
  allowed: Who[];
  query: string;
  variables?: (ids: Ids) => Record<string, unknown>;
}[] = [
  { name: 'consultancy', allowed: EVERYONE, query: '{ consultancy { name } }' },
  { name: 'members', allowed: STAFF, query: '{ members { totalCount } }' },
  { name: 'invitations', allowed: ['ADMIN'], query: '{ invitations { totalCount } }' },
  { name: 'clients', allowed: EVERYONE, query: '{ clients { totalCount } }' },
  {
    name: 'client',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { client(id: $id) { id } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'client.workshop',
    allowed: STAFF,
    query: 'query ($id: ID!) { client(id: $id) { workshop { gaps } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  { name: 'engagements', allowed: EVERYONE, query: '{ engagements { totalCount } }' },
  {
    name: 'engagement',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { engagement(id: $id) { id } }',
    variables: (i) => ({ id: i.engagementId }),
  },
  { name: 'upcomingMilestones', allowed: EVERYONE, query: '{ upcomingMilestones { id } }' },
  {
    name: 'inviteMember',
    allowed: ['ADMIN'],
    query: 'mutation { inviteMember(input: { email: "", role: CONSULTANT }) { invitation { id } } }',
  },
  {
    name: 'revokeInvitation',
    allowed: ['ADMIN'],
    query: 'mutation { revokeInvitation(input: { id: "x" }) { invitation { id } } }',
  },
  {
    name: 'resendInvitation',
    allowed: ['ADMIN'],
    query: 'mutation { resendInvitation(input: { id: "x" }) { invitation { id } } }',
  },
  {
    name: 'changeMemberRole',
    allowed: ['ADMIN'],
    query: 'mutation { changeMemberRole(input: { memberId: "x", role: CONSULTANT }) { member { id } } }',
  },
  {
    name: 'unlockMemberSignIn',
    allowed: ['ADMIN'],
    query: 'mutation { unlockMemberSignIn(input: { memberId: "x" }) { member { id } } }',
  },
  {
    // Too short a new password: refused before the current one is checked, so no wrong password is counted.
    name: 'changePassword',
    allowed: EVERYONE,
    query:
      'mutation { changePassword(input: { currentPassword: "x", newPassword: "short" }) { member { id } } }',
  },
  {
    name: 'createClient',
    allowed: STAFF,
    query: 'mutation { createClient(input: { name: "", industry: RETAIL }) { client { id } } }',
  },
  {
    name: 'updateClient',
    allowed: STAFF,
    query: 'mutation ($id: ID!) { updateClient(input: { id: $id }) { client { id } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'archiveClient',
    allowed: STAFF,
    query: 'mutation { archiveClient(input: { id: "x" }) { client { id } } }',
  },
  {
    name: 'saveDifferentiationWorkshop',
    allowed: STAFF,
    query:
      'mutation { saveDifferentiationWorkshop(input: { clientId: "x", beliefs: [], values: [] }) { workshop { gaps } } }',
  },
  {
    name: 'createEngagement',
    allowed: STAFF,
    query:
      'mutation { createEngagement(input: { clientId: "x", title: "", kind: TRAINING }) { engagement { id } } }',
  },
  {
    name: 'updateEngagement',
    allowed: STAFF,
    query: 'mutation { updateEngagement(input: { id: "x" }) { engagement { id } } }',
  },
  {
    name: 'changeEngagementStatus',
    allowed: STAFF,
    query: 'mutation { changeEngagementStatus(input: { id: "x", status: ACTIVE }) { engagement { id } } }',
  },
  {
    name: 'addMilestone',
    allowed: STAFF,
    query:
      'mutation { addMilestone(input: { engagementId: "x", title: "", dueOn: "2026-01-01" }) { milestone { id } } }',
  },
  {
    name: 'updateMilestone',
    allowed: STAFF,
    query: 'mutation { updateMilestone(input: { id: "x" }) { milestone { id } } }',
  },
  {
    name: 'removeMilestone',
    allowed: STAFF,
    query: 'mutation { removeMilestone(input: { id: "x" }) { removedId } }',
  },
  {
    name: 'charter',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { charter(clientId: $id) { id } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'client.charter',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { client(id: $id) { charter { id } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'startCharterDraft',
    allowed: STAFF,
    query: 'mutation { startCharterDraft(input: { clientId: "x" }) { version { id } } }',
  },
  {
    name: 'saveCharterDraft',
    allowed: STAFF,
    query:
      'mutation { saveCharterDraft(input: { versionId: "x", expectedRevision: 1, purposeStatement: {}, promises: [] }) { version { id } } }',
  },
  {
    name: 'reorderCharterPromises',
    allowed: STAFF,
    query:
      'mutation { reorderCharterPromises(input: { versionId: "x", expectedRevision: 1, promiseKeys: [] }) { version { id } } }',
  },
  {
    name: 'publishCharterVersion',
    allowed: STAFF,
    query:
      'mutation { publishCharterVersion(input: { versionId: "x", expectedRevision: 1 }) { version { id } } }',
  },
  {
    name: 'signOffCharterVersion',
    allowed: ['CLIENT_LEADER'],
    query: 'mutation { signOffCharterVersion(input: { versionId: "x" }) { version { id } } }',
  },
  {
    name: 'discardCharterDraft',
    allowed: STAFF,
    query:
      'mutation { discardCharterDraft(input: { versionId: "x", expectedRevision: 1 }) { discardedVersionId } }',
  },
  {
    name: 'client.roleProfiles',
    allowed: STAFF,
    query: 'query ($id: ID!) { client(id: $id) { roleProfiles { id } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'roleProfile',
    allowed: STAFF,
    query: 'query { roleProfile(id: "x") { id } }',
  },
  {
    name: 'createRoleProfile',
    allowed: STAFF,
    query:
      'mutation { createRoleProfile(input: { clientId: "x", title: "", criteria: [] }) { roleProfile { id } } }',
  },
  {
    name: 'updateRoleProfile',
    allowed: STAFF,
    query:
      'mutation { updateRoleProfile(input: { id: "x", expectedRevision: 1, title: "", criteria: [] }) { roleProfile { id } } }',
  },
  {
    name: 'saveCandidateScorecard',
    allowed: STAFF,
    query:
      'mutation { saveCandidateScorecard(input: { profileId: "x", candidateRef: "", scores: [] }) { scorecard { id } } }',
  },
  {
    name: 'removeCandidateScorecard',
    allowed: STAFF,
    query: 'mutation { removeCandidateScorecard(input: { id: "x" }) { removedId } }',
  },
  { name: 'actions', allowed: EVERYONE, query: '{ actions { totalCount } }' },
  { name: 'action', allowed: EVERYONE, query: '{ action(id: "x") { id } }' },
  {
    name: 'createAction',
    allowed: STAFF,
    query:
      'mutation { createAction(input: { clientId: "x", description: "", ownerId: "x" }) { action { id } } }',
  },
  {
    name: 'updateAction',
    allowed: STAFF,
    query: 'mutation { updateAction(input: { id: "x", expectedRevision: 1 }) { action { id } } }',
  },
  {
    name: 'addActionNote',
    allowed: STAFF,
    query: 'mutation { addActionNote(input: { actionId: "x", body: "" }) { action { id } } }',
  },
  {
    name: 'updateOwnAction',
    allowed: ['CLIENT_LEADER'],
    query:
      'mutation { updateOwnAction(input: { id: "x", expectedRevision: 1, status: DONE }) { action { id } } }',
  },
  { name: 'serviceLevel', allowed: EVERYONE, query: '{ serviceLevel(id: "x") { id } }' },
  {
    name: 'client.serviceLevels',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { client(id: $id) { serviceLevels { id } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'createServiceLevel',
    allowed: STAFF,
    query:
      'mutation { createServiceLevel(input: { clientId: "x", promiseKey: "p", definition: { name: "", eventKind: CALL, goodRule: "", target: 0.9, period: WEEK, timeZone: "Europe/London", exclusionRule: "" } }) { serviceLevel { id } } }',
  },
  {
    name: 'updateServiceLevel',
    allowed: STAFF,
    query:
      'mutation { updateServiceLevel(input: { id: "x", expectedRevision: 1, definition: { name: "", eventKind: CALL, goodRule: "", target: 0.9, period: WEEK, timeZone: "Europe/London", exclusionRule: "" } }) { serviceLevel { id } } }',
  },
  {
    name: 'recordMeasurements',
    allowed: STAFF,
    query: 'mutation { recordMeasurements(input: { intervals: [] }) { added } }',
  },
  { name: 'touchPoint', allowed: EVERYONE, query: '{ touchPoint(id: "x") { id } }' },
  { name: 'feedbackLink', allowed: EVERYONE, query: '{ feedbackLink(id: "x") { id } }' },
  {
    name: 'addJourneyStage',
    allowed: STAFF,
    query: 'mutation { addJourneyStage(input: { clientId: "x", name: "" }) { stage { id } } }',
  },
  {
    name: 'renameJourneyStage',
    allowed: STAFF,
    query: 'mutation { renameJourneyStage(input: { id: "x", name: "" }) { stage { id } } }',
  },
  {
    name: 'removeJourneyStage',
    allowed: STAFF,
    query: 'mutation { removeJourneyStage(input: { id: "x" }) { stage { id } } }',
  },
  {
    name: 'addTouchPoint',
    allowed: STAFF,
    query:
      'mutation { addTouchPoint(input: { stageId: "x", name: "", channel: PHONE, owningTeam: "" }) { touchPoint { id } } }',
  },
  {
    name: 'updateTouchPoint',
    allowed: STAFF,
    query: 'mutation { updateTouchPoint(input: { id: "x", name: "" }) { touchPoint { id } } }',
  },
  {
    name: 'setMomentOfTruth',
    allowed: STAFF,
    query: 'mutation { setMomentOfTruth(input: { id: "x", momentOfTruth: true }) { touchPoint { id } } }',
  },
  {
    name: 'removeTouchPoint',
    allowed: STAFF,
    query: 'mutation { removeTouchPoint(input: { id: "x" }) { touchPoint { id } } }',
  },
  {
    name: 'reorderJourney',
    allowed: STAFF,
    query:
      'mutation { reorderJourney(input: { clientId: "x", expectedRevision: 1, stages: [] }) { journey { revision } } }',
  },
  {
    name: 'linkTouchPointPromise',
    allowed: STAFF,
    query: 'mutation { linkTouchPointPromise(input: { id: "x", promiseKey: "" }) { touchPoint { id } } }',
  },
  {
    name: 'unlinkTouchPointPromise',
    allowed: STAFF,
    query: 'mutation { unlinkTouchPointPromise(input: { id: "x", promiseKey: "" }) { touchPoint { id } } }',
  },
  {
    name: 'linkTouchPointCriterion',
    allowed: STAFF,
    query:
      'mutation { linkTouchPointCriterion(input: { id: "x", frameworkKey: "", criterionKey: "" }) { touchPoint { id } } }',
  },
  {
    name: 'unlinkTouchPointCriterion',
    allowed: STAFF,
    query:
      'mutation { unlinkTouchPointCriterion(input: { id: "x", frameworkKey: "", criterionKey: "" }) { touchPoint { id } } }',
  },
  {
    name: 'createFeedbackLink',
    allowed: STAFF,
    query: 'mutation { createFeedbackLink(input: { clientId: "x", kind: NPS }) { feedbackLink { id } } }',
  },
  {
    name: 'updateFeedbackLink',
    allowed: STAFF,
    query: 'mutation { updateFeedbackLink(input: { id: "x", active: false }) { feedbackLink { id } } }',
  },
  {
    name: 'createFeedbackInvitation',
    allowed: STAFF,
    query: 'mutation { createFeedbackInvitation(input: { linkId: "x" }) { url } }',
  },
  {
    name: 'raiseActionFromFeedback',
    allowed: STAFF,
    query:
      'mutation { raiseActionFromFeedback(input: { responseId: "x", description: "", ownerId: "x" }) { action { id } } }',
  },
  { name: 'complaint', allowed: EVERYONE, query: '{ complaint(id: "x") { id } }' },
  {
    name: 'client.complaints',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { client(id: $id) { complaints { totalCount } complaintCategories { id } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  {
    name: 'recordComplaint',
    allowed: EVERYONE,
    query:
      'mutation { recordComplaint(input: { clientId: "x", receivedAt: "2026-01-01T00:00:00Z", channel: PHONE, categoryId: "x", severity: LOW, whatHappened: "x" }) { complaint { id } } }',
  },
  {
    name: 'updateComplaint',
    allowed: EVERYONE,
    query:
      'mutation { updateComplaint(input: { id: "x", expectedRevision: 1, severity: LOW }) { complaint { id } } }',
  },
  {
    name: 'recordComplaints',
    allowed: EVERYONE,
    query: 'mutation { recordComplaints(input: { clientId: "x", rows: [] }) { added } }',
  },
  {
    name: 'createComplaintCategory',
    allowed: EVERYONE,
    query:
      'mutation { createComplaintCategory(input: { clientId: "x", name: "" }) { complaintCategory { id } } }',
  },
  {
    name: 'updateComplaintCategory',
    allowed: EVERYONE,
    query: 'mutation { updateComplaintCategory(input: { id: "x", name: "" }) { complaintCategory { id } } }',
  },
  {
    name: 'removeComplaintCategory',
    allowed: EVERYONE,
    query: 'mutation { removeComplaintCategory(input: { id: "x" }) { archived } }',
  },
  {
    name: 'raiseComplaintAction',
    allowed: STAFF,
    query:
      'mutation { raiseComplaintAction(input: { complaintId: "x", description: "", ownerId: "x" }) { action { id } } }',
  },
  {
    name: 'raiseComplaintCategoryAction',
    allowed: STAFF,
    query:
      'mutation { raiseComplaintCategoryAction(input: { categoryId: "x", description: "", ownerId: "x" }) { action { id } } }',
  },
  { name: 'apiKeys', allowed: ['ADMIN'], query: '{ apiKeys { id } }' },
  { name: 'activity', allowed: ['ADMIN'], query: '{ activity { totalCount } }' },
  { name: 'consultancyExport', allowed: ['ADMIN'], query: '{ consultancyExport }' },
  {
    name: 'createProgrammeReport',
    allowed: EVERYONE,
    query: 'mutation { createProgrammeReport(input: { clientId: "x", format: PDF }) { downloadUrl } }',
  },
  {
    name: 'deleteConsultancy',
    allowed: ['ADMIN'],
    query: 'mutation { deleteConsultancy(input: { confirmName: "not the name" }) { deleted } }',
  },
  {
    name: 'createApiKey',
    allowed: ['ADMIN'],
    query: 'mutation { createApiKey(input: { name: "", scopes: [] }) { secret } }',
  },
  {
    name: 'revokeApiKey',
    allowed: ['ADMIN'],
    query: 'mutation { revokeApiKey(input: { id: "x" }) { apiKey { id } } }',
  },
  { name: 'webhookEndpoints', allowed: ['ADMIN'], query: '{ webhookEndpoints { totalCount } }' },
  { name: 'webhookEndpoint', allowed: ['ADMIN'], query: '{ webhookEndpoint(id: "x") { id } }' },
  { name: 'webhookEventTypes', allowed: ['ADMIN'], query: '{ webhookEventTypes { name } }' },
  {
    name: 'createWebhookEndpoint',
    allowed: ['ADMIN'],
    query: 'mutation { createWebhookEndpoint(input: { url: "", events: [] }) { secret } }',
  },
  {
    name: 'updateWebhookEndpoint',
    allowed: ['ADMIN'],
    query: 'mutation { updateWebhookEndpoint(input: { id: "x", enabled: false }) { endpoint { id } } }',
  },
  {
    name: 'deleteWebhookEndpoint',
    allowed: ['ADMIN'],
    query: 'mutation { deleteWebhookEndpoint(input: { id: "x" }) { removedEndpointId } }',
  },
  {
    name: 'rotateWebhookSecret',
    allowed: ['ADMIN'],
    query: 'mutation { rotateWebhookSecret(input: { id: "x" }) { secret } }',
  },
  {
    name: 'replayWebhookDelivery',
    allowed: ['ADMIN'],
    query: 'mutation { replayWebhookDelivery(input: { id: "x" }) { delivery { id } } }',
  },
  {
    name: 'sendTestWebhook',
    allowed: ['ADMIN'],
    query: 'mutation { sendTestWebhook(input: { endpointId: "x" }) { delivery { id } } }',
  },
  { name: 'sentMail', allowed: ['ADMIN'], query: '{ sentMail { totalCount } }' },
  { name: 'mailDelivery', allowed: ['ADMIN'], query: '{ mailDelivery { mode } }' },
  { name: 'mailSuppressions', allowed: ['ADMIN'], query: '{ mailSuppressions { address } }' },
  {
    name: 'liftMailSuppression',
    allowed: ['ADMIN'],
    query: 'mutation { liftMailSuppression(input: { address: "x@example.com" }) { address } }',
  },
  { name: 'auditFrameworks', allowed: EVERYONE, query: '{ auditFrameworks { key } }' },
  { name: 'auditFramework', allowed: EVERYONE, query: '{ auditFramework(key: "aeiou-values") { key } }' },
  { name: 'audits', allowed: EVERYONE, query: '{ audits { totalCount } }' },
  { name: 'audit', allowed: EVERYONE, query: '{ audit(id: "x") { id } }' },
  {
    name: 'client.audits',
    allowed: EVERYONE,
    query: 'query ($id: ID!) { client(id: $id) { audits { id } } }',
    variables: (i) => ({ id: i.clientId }),
  },
  { name: 'promiseLinks', allowed: EVERYONE, query: '{ promiseLinks(charterId: "x") { promiseKey } }' },
  {
    name: 'copyAuditFramework',
    allowed: ['ADMIN'],
    query:
      'mutation { copyAuditFramework(input: { sourceKey: "x", key: "", name: "" }) { framework { key } } }',
  },
  {
    name: 'updateAuditFramework',
    allowed: ['ADMIN'],
    query:
      'mutation { updateAuditFramework(input: { key: "x", expectedVersion: 1, name: "", sections: [] }) { framework { key } } }',
  },
  {
    name: 'createAudit',
    allowed: STAFF,
    query: 'mutation { createAudit(input: { clientId: "x", frameworkKey: "" }) { audit { id } } }',
  },
  {
    name: 'saveAuditResponses',
    allowed: STAFF,
    query:
      'mutation { saveAuditResponses(input: { auditId: "x", expectedRevision: 1, responses: [] }) { audit { id } } }',
  },
  {
    name: 'saveAuditResponse',
    allowed: STAFF,
    query:
      'mutation { saveAuditResponse(input: { auditId: "x", expectedRevision: 1, response: { criterionKey: "k", score: 3 } }) { audit { id } } }',
  },
  {
    name: 'changeAuditStatus',
    allowed: STAFF,
    query:
      'mutation { changeAuditStatus(input: { auditId: "x", expectedRevision: 1, status: SUBMITTED }) { audit { id } } }',
  },
  {
    name: 'linkPromiseToCriteria',
    allowed: STAFF,
    query:
      'mutation { linkPromiseToCriteria(input: { charterId: "x", promiseKey: "p", frameworkKey: "f", criterionKeys: [] }) { links { promiseKey } } }',
  },
  {
    name: 'removeMember',
    allowed: ['ADMIN'],
    query: 'mutation { removeMember(input: { id: "x" }) { removedId } }',
  },
  { name: 'ssoConnections', allowed: ['ADMIN'], query: '{ ssoConnections { id } }' },
  { name: 'ssoAccessRequests', allowed: ['ADMIN'], query: '{ ssoAccessRequests { id } }' },
  {
    name: 'addOidcConnection',
    allowed: ['ADMIN'],
    query:
      'mutation { addOidcConnection(input: { name: "", issuer: "", clientId: "" }) { connection { id } } }',
  },
  {
    name: 'addSamlConnection',
    allowed: ['ADMIN'],
    query: 'mutation { addSamlConnection(input: { name: "" }) { connection { id } } }',
  },
  {
    name: 'updateSsoConnection',
    allowed: ['ADMIN'],
    query: 'mutation { updateSsoConnection(input: { id: "x" }) { connection { id } } }',
  },
  {
    name: 'removeSsoConnection',
    allowed: ['ADMIN'],
    query: 'mutation { removeSsoConnection(input: { id: "x" }) { removedId } }',
  },
  {
    name: 'addSsoDomain',
    allowed: ['ADMIN'],
    query: 'mutation { addSsoDomain(input: { connectionId: "x", domain: "" }) { domain { id } } }',
  },
  {
    name: 'verifySsoDomain',
    allowed: ['ADMIN'],
    query: 'mutation { verifySsoDomain(input: { id: "x" }) { domain { id } } }',
  },
  {
    name: 'removeSsoDomain',
    allowed: ['ADMIN'],
    query: 'mutation { removeSsoDomain(input: { id: "x" }) { removedId } }',
  },
  {
    name: 'approveSsoAccessRequest',
    allowed: ['ADMIN'],
    query: 'mutation { approveSsoAccessRequest(input: { id: "x", role: CONSULTANT }) { member { id } } }',
  },
  {
    name: 'declineSsoAccessRequest',
    allowed: ['ADMIN'],
    query: 'mutation { declineSsoAccessRequest(input: { id: "x" }) { declinedId } }',
  },
  { name: 'myEmailPreferences', allowed: EVERYONE, query: '{ myEmailPreferences { kinds { kind } } }' },
  {
    name: 'setEmailPreference',
    allowed: EVERYONE,
    query:
      'mutation { setEmailPreference(input: { kind: "ACTION_ASSIGNED", delivery: OFF }) { userErrors { field } } }',
  },
  {
    name: 'setDigestSettings',
    allowed: EVERYONE,
    query:
      'mutation { setDigestSettings(input: { cadence: DAILY, timeZone: "UTC" }) { userErrors { field } } }',
  },
];

let api: TestApi;
let people: Record<Who, SignedIn | null>;
let ids: Ids;
beforeAll(async () => {
  api = await startTestApi();
  const admin = await signUpConsultancy(api);
  const clientId = await createClient(api, admin);
  ids = { clientId, engagementId: await createEngagement(api, admin, clientId) };
  people = {
    anonymous: null,
    ADMIN: admin,
    CONSULTANT: await addMember(api, admin, 'CONSULTANT'),
    CLIENT_LEADER: await addMember(api, admin, 'CLIENT_LEADER', clientId),
  };
});
afterAll(() => api.close());

describe('who may call what', () => {
  it('covers every operation of the schema', () => {
    expect(
      OPERATIONS.map((o) => o.name)
        .filter((name) => !name.includes('.'))
        .sort(),
    ).toEqual(
      rootOperations()
        .filter((o) => o.rule !== 'public')
        .map((o) => o.name)
        .sort(),
    );
  });

  for (const operation of OPERATIONS) {
    it(`${operation.name}: allowed for ${operation.allowed.join(', ')} only`, async () => {
      for (const who of ['anonymous', ...EVERYONE] as Who[]) {
        const response = await api.graphql(operation.query, operation.variables?.(ids) ?? {}, {
          token: people[who]?.token ?? null,
        });
        const code = response.errors?.[0]?.extensions?.code;
        const expected =
          who === 'anonymous' ? 'UNAUTHENTICATED' : operation.allowed.includes(who) ? undefined : 'FORBIDDEN';
        expect({ who, code }).toEqual({ who, code: expected });
      }
    });
  }
});
