import { describe, expect, it } from 'vitest';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { modules } from '../../modules/index.js';
import { buildSchema, loadTypeDefs } from '../graphql/schema.js';
import { applyPermissionGuards, ruleFor, type FieldRule } from './guard.js';

/** The declared rule of every field, read from the unguarded schema (the same SDL the API serves). */
function rules(schema: GraphQLSchema): Map<string, FieldRule | undefined> {
  const found = new Map<string, FieldRule | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      found.set(`${type.name}.${field.name}`, ruleFor(schema, type.name, field));
    }
  }
  return found;
}

const bareSchema = () => makeExecutableSchema({ typeDefs: loadTypeDefs(modules) });
const describeRule = (rule: FieldRule | undefined) =>
  !rule ? 'UNGUARDED' : rule.kind === 'public' ? 'public' : rule.permission;

describe('the permission layer', () => {
  it('finds a rule for every field of every object type', () => {
    const unguarded = [...rules(bareSchema())].filter(([, rule]) => !rule).map(([name]) => name);
    expect(unguarded).toEqual([]);
  });

  it('declares exactly these rules on the operations (a change here is a change of who may do what)', () => {
    const operations = Object.fromEntries(
      [...rules(bareSchema())]
        .filter(([name]) => name.startsWith('Query.') || name.startsWith('Mutation.'))
        .map(([name, rule]) => [name, describeRule(rule)]),
    );
    expect(operations).toEqual({
      'Query.me': 'public',
      'Query.consultancy': 'consultancy:read',
      'Query.members': 'member:read',
      'Query.invitations': 'member:manage',
      'Query.invitation': 'public',
      'Query.clients': 'client:read',
      'Query.client': 'client:read',
      'Query.engagements': 'engagement:read',
      'Query.engagement': 'engagement:read',
      'Query.upcomingMilestones': 'engagement:read',
      'Mutation.signUp': 'public',
      'Mutation.confirmSignUp': 'public',
      'Mutation.signIn': 'public',
      'Mutation.signOut': 'public',
      'Mutation.logIn': 'public',
      'Mutation.logOut': 'public',
      'Mutation.changePassword': 'consultancy:read',
      'Mutation.inviteMember': 'member:manage',
      'Mutation.revokeInvitation': 'member:manage',
      'Mutation.resendInvitation': 'member:manage',
      'Mutation.changeMemberRole': 'member:manage',
      'Mutation.acceptInvitation': 'public',
      'Mutation.unlockMemberSignIn': 'member:manage',
      'Mutation.removeMember': 'member:manage',
      'Query.ssoConnections': 'sso:manage',
      'Query.ssoAccessRequests': 'sso:manage',
      'Query.signInMethod': 'public',
      'Mutation.addOidcConnection': 'sso:manage',
      'Mutation.addSamlConnection': 'sso:manage',
      'Mutation.updateSsoConnection': 'sso:manage',
      'Mutation.removeSsoConnection': 'sso:manage',
      'Mutation.addSsoDomain': 'sso:manage',
      'Mutation.verifySsoDomain': 'sso:manage',
      'Mutation.removeSsoDomain': 'sso:manage',
      'Mutation.approveSsoAccessRequest': 'sso:manage',
      'Mutation.declineSsoAccessRequest': 'sso:manage',
      'Mutation.createClient': 'client:create',
      'Mutation.updateClient': 'client:write',
      'Mutation.archiveClient': 'client:write',
      'Mutation.saveDifferentiationWorkshop': 'workshop:write',
      'Mutation.createEngagement': 'engagement:write',
      'Mutation.updateEngagement': 'engagement:write',
      'Mutation.changeEngagementStatus': 'engagement:write',
      'Mutation.addMilestone': 'engagement:write',
      'Mutation.updateMilestone': 'engagement:write',
      'Mutation.removeMilestone': 'engagement:write',
      'Query.charter': 'charter:read',
      'Mutation.startCharterDraft': 'charter:write',
      'Mutation.saveCharterDraft': 'charter:write',
      'Mutation.reorderCharterPromises': 'charter:write',
      'Mutation.publishCharterVersion': 'charter:write',
      'Mutation.signOffCharterVersion': 'charter:sign-off',
      'Mutation.discardCharterDraft': 'charter:write',
      'Query.roleProfile': 'hiring:read',
      'Mutation.createRoleProfile': 'hiring:write',
      'Mutation.updateRoleProfile': 'hiring:write',
      'Mutation.saveCandidateScorecard': 'hiring:write',
      'Mutation.removeCandidateScorecard': 'hiring:write',
      'Query.actions': 'action:read',
      'Query.action': 'action:read',
      'Mutation.createAction': 'action:write',
      'Mutation.updateAction': 'action:write',
      'Mutation.addActionNote': 'action:write',
      'Mutation.updateOwnAction': 'action:update-own',
      'Query.serviceLevel': 'service-level:read',
      'Mutation.createServiceLevel': 'service-level:write',
      'Mutation.updateServiceLevel': 'service-level:write',
      'Mutation.recordMeasurements': 'measurement:write',
      'Query.apiKeys': 'apikey:manage',
      'Mutation.createApiKey': 'apikey:manage',
      'Mutation.revokeApiKey': 'apikey:manage',
      'Query.webhookEndpoints': 'webhook:manage',
      'Query.webhookEndpoint': 'webhook:manage',
      'Query.webhookEventTypes': 'webhook:manage',
      'Mutation.createWebhookEndpoint': 'webhook:manage',
      'Mutation.updateWebhookEndpoint': 'webhook:manage',
      'Mutation.deleteWebhookEndpoint': 'webhook:manage',
      'Mutation.rotateWebhookSecret': 'webhook:manage',
      'Mutation.replayWebhookDelivery': 'webhook:manage',
      'Mutation.sendTestWebhook': 'webhook:manage',
      'Query.sentMail': 'mail:read',
      'Query.mailDelivery': 'mail:read',
      'Query.mailSuppressions': 'mail:read',
      'Mutation.liftMailSuppression': 'mail:manage',
      'Query.myEmailPreferences': 'notifications:manage-own',
      'Mutation.setEmailPreference': 'notifications:manage-own',
      'Mutation.setDigestSettings': 'notifications:manage-own',
      'Query.activity': 'activity:read',
      'Query.consultancyExport': 'consultancy:manage',
      'Mutation.createProgrammeReport': 'report:create',
      'Mutation.deleteConsultancy': 'consultancy:manage',
      'Query.touchPoint': 'journey:read',
      'Query.complaint': 'complaint:read',
      'Query.feedbackLink': 'feedback:read',
      'Query.feedbackForm': 'public',
      'Mutation.addJourneyStage': 'journey:write',
      'Mutation.renameJourneyStage': 'journey:write',
      'Mutation.removeJourneyStage': 'journey:write',
      'Mutation.addTouchPoint': 'journey:write',
      'Mutation.updateTouchPoint': 'journey:write',
      'Mutation.setMomentOfTruth': 'journey:write',
      'Mutation.removeTouchPoint': 'journey:write',
      'Mutation.reorderJourney': 'journey:write',
      'Mutation.linkTouchPointPromise': 'journey:write',
      'Mutation.unlinkTouchPointPromise': 'journey:write',
      'Mutation.linkTouchPointCriterion': 'journey:write',
      'Mutation.unlinkTouchPointCriterion': 'journey:write',
      'Mutation.recordComplaint': 'complaint:write',
      'Mutation.updateComplaint': 'complaint:write',
      'Mutation.recordComplaints': 'complaint:write',
      'Mutation.createComplaintCategory': 'complaint:write',
      'Mutation.updateComplaintCategory': 'complaint:write',
      'Mutation.removeComplaintCategory': 'complaint:write',
      'Mutation.raiseComplaintAction': 'action:write',
      'Mutation.raiseComplaintCategoryAction': 'action:write',
      'Mutation.createFeedbackLink': 'feedback:write',
      'Mutation.updateFeedbackLink': 'feedback:write',
      'Mutation.createFeedbackInvitation': 'feedback:write',
      'Mutation.submitFeedback': 'public',
      'Mutation.raiseActionFromFeedback': 'action:write',
      'Query.auditFrameworks': 'framework:read',
      'Query.auditFramework': 'framework:read',
      'Query.audits': 'audit:read',
      'Query.audit': 'audit:read',
      'Query.promiseLinks': 'audit:read',
      'Mutation.copyAuditFramework': 'framework:manage',
      'Mutation.updateAuditFramework': 'framework:manage',
      'Mutation.createAudit': 'audit:write',
      'Mutation.saveAuditResponses': 'audit:write',
      'Mutation.saveAuditResponse': 'audit:write',
      'Mutation.changeAuditStatus': 'audit:write',
      'Mutation.linkPromiseToCriteria': 'audit:write',
    });
  });

  it('keeps consultants working notes behind their own permission', () => {
    expect(describeRule(rules(bareSchema()).get('Client.workshop'))).toBe('workshop:read');
  });

  it('shows a member’s sign-in lock to admins only', () => {
    expect(describeRule(rules(bareSchema()).get('Member.signInLockedUntil'))).toBe('member:manage');
  });

  it('refuses to build a schema with a field that declares no rule', () => {
    const schema = makeExecutableSchema({
      typeDefs: [...loadTypeDefs(modules), 'extend type Query { forgotten: String }'],
    });
    expect(() => applyPermissionGuards(schema)).toThrow(
      'Query.forgotten declares neither @allow nor @public.',
    );
  });

  it('refuses to build a schema naming a permission that is not in the catalogue', () => {
    const schema = makeExecutableSchema({
      typeDefs: [...loadTypeDefs(modules), 'extend type Query { typo: String @allow(to: "client:raed") }'],
    });
    expect(() => applyPermissionGuards(schema)).toThrow('Unknown permission "client:raed" in @allow.');
  });

  it('builds the served schema', () => {
    expect(buildSchema(modules).getQueryType()?.name).toBe('Query');
  });
});
