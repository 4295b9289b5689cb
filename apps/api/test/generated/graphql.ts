/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  name: string;
  password: string;
  token: string;
};

export type ActionPriority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type ActionStatus =
  | 'DONE'
  | 'IN_PROGRESS'
  | 'OPEN';

/** Read and write rights per area of the programme. */
export type ApiScope =
  | 'ACTIONS_READ'
  | 'ACTIONS_WRITE'
  | 'AUDITS_READ'
  | 'AUDITS_WRITE'
  | 'CHARTERS_READ'
  | 'CHARTERS_WRITE'
  | 'CLIENTS_READ'
  | 'CLIENTS_WRITE'
  | 'ENGAGEMENTS_READ'
  | 'ENGAGEMENTS_WRITE'
  | 'HIRING_READ'
  | 'HIRING_WRITE';

export type AuditStatus =
  | 'DRAFT'
  | 'IN_PROGRESS'
  | 'PUBLISHED'
  | 'SUBMITTED';

export type BenchmarkUnavailableReason =
  /** Not enough comparable clients: fewer than five other clients in the industry have a published audit on it. */
  | 'NOT_ENOUGH_COMPARABLE_CLIENTS';

export type ClientSize =
  | 'ENTERPRISE'
  | 'LARGE'
  | 'MEDIUM'
  | 'MICRO'
  | 'SMALL';

export type ClientStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'PROSPECT';

export type ConfirmSignUpInput = {
  /** The password chosen at sign-up. */
  password: string;
  /** The token from the link the sign-up email carries (after `#token=`). */
  token: string;
};

export type CreateActionInput = {
  auditId?: string | number | null | undefined;
  charterId?: string | number | null | undefined;
  clientId: string | number;
  criterionKey?: string | null | undefined;
  description: string;
  dueOn?: string | null | undefined;
  /** A consultant or admin of the consultancy, or a leader of this client. */
  ownerId: string | number;
  /** MEDIUM when left out. */
  priority?: ActionPriority | null | undefined;
  promiseKey?: string | null | undefined;
};

export type CreateApiKeyInput = {
  clientId?: string | number | null | undefined;
  expiresAt?: string | null | undefined;
  name: string;
  scopes: Array<ApiScope>;
};

export type CreateClientInput = {
  industry: Industry;
  name: string;
  region?: string | null | undefined;
  size?: ClientSize | null | undefined;
  /** PROSPECT when left out. */
  status?: ClientStatus | null | undefined;
};

export type CreateEngagementInput = {
  clientId: string | number;
  endsOn?: string | null | undefined;
  kind: EngagementKind;
  /** Defaults to the member creating the engagement. */
  leadConsultantId?: string | number | null | undefined;
  milestones?: Array<MilestoneInput> | null | undefined;
  phase?: DimePhase | null | undefined;
  startsOn?: string | null | undefined;
  summary?: string | null | undefined;
  teamMemberIds?: Array<string | number> | null | undefined;
  title: string;
};

/**
 * The four DIME steps: make service a Deliberate part of the culture, build human connection in Interactions, leave
 * positive Memories, and design the whole brand Experience at every point of contact.
 */
export type DimePhase =
  | 'DELIBERATE_CULTURE'
  | 'EXPERIENCES'
  | 'INTERACTIONS'
  | 'MEMORIES';

export type EngagementKind =
  | 'CHARTER_DEVELOPMENT'
  | 'CULTURE_PROGRAMME'
  | 'DIAGNOSTIC'
  | 'HIRING_DESIGN'
  | 'LEADERSHIP_COACHING'
  | 'TRAINING';

export type EngagementStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'ON_HOLD'
  | 'PROPOSED';

export type Industry =
  | 'BANKING_FINANCE'
  | 'CONTACT_CENTRE'
  | 'EDUCATION'
  | 'GOVERNMENT'
  | 'HEALTHCARE'
  | 'HOSPITALITY'
  | 'INSURANCE'
  | 'OTHER'
  | 'PROFESSIONAL_SERVICES'
  | 'RETAIL'
  | 'TECHNOLOGY'
  | 'TELECOMMUNICATIONS'
  | 'TRAVEL_TRANSPORT'
  | 'UTILITIES';

export type InviteMemberInput = {
  /** Required for client leaders, refused for the other roles. */
  clientId?: string | number | null | undefined;
  email: string;
  role: Role;
};

/** The input of the deprecated `logIn`; `signIn` takes `SignInInput`, the same fields. */
export type LogInInput = {
  email: string;
  password: string;
};

export type MilestoneInput = {
  done?: boolean | null | undefined;
  dueOn: string;
  phase?: DimePhase | null | undefined;
  title: string;
};

export type Role =
  | 'ADMIN'
  | 'CLIENT_LEADER'
  | 'CONSULTANT';

export type SaveDifferentiationWorkshopInput = {
  beliefs: Array<WorkshopEntryInput>;
  clientId: string | number;
  commonPurpose?: string | null | undefined;
  pointOfDifferentiation?: string | null | undefined;
  values: Array<WorkshopEntryInput>;
};

export type SignUpInput = {
  consultancyName: string;
  email: string;
  name: string;
  /** At least 10 characters. */
  password: string;
};

export type UpdateClientInput = {
  id: string | number;
  industry?: Industry | null | undefined;
  name?: string | null | undefined;
  region?: string | null | undefined;
  size?: ClientSize | null | undefined;
  status?: ClientStatus | null | undefined;
};

export type UserErrorCode =
  | 'CONFLICT'
  | 'INVALID'
  /** Too many wrong passwords: sign-in waits for a while; the message says until when. */
  | 'LOCKED'
  | 'NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'REQUIRED'
  | 'TAKEN'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  /** A password long enough but too easy to guess; the message says why. */
  | 'TOO_WEAK';

export type WorkshopEntryInput = {
  linked?: boolean | null | undefined;
  statement: string;
};

export type InputChecksCreateClient5MutationVariables = Exact<{
  input: CreateClientInput;
}>;


export type InputChecksCreateClient5Mutation = { createClient: { client: { id: string } | null } };

export type InputChecksSaveDifferentiationWorkshop3MutationVariables = Exact<{
  input: SaveDifferentiationWorkshopInput;
}>;


export type InputChecksSaveDifferentiationWorkshop3Mutation = { saveDifferentiationWorkshop: { userErrors: Array<{ field: string }> } };

export type InputChecksCreateEngagement3MutationVariables = Exact<{
  input: CreateEngagementInput;
}>;


export type InputChecksCreateEngagement3Mutation = { createEngagement: { engagement: { id: string } | null } };

export type InputChecksActivity3QueryVariables = Exact<{
  from?: string | null | undefined;
}>;


export type InputChecksActivity3Query = { activity: { totalCount: number } };

export type RequestBudgetUpdateClientMutationVariables = Exact<{
  input: UpdateClientInput;
}>;


export type RequestBudgetUpdateClientMutation = { updateClient: { client: { audits: Array<{ client: { audits: Array<{ id: string, title: string, status: AuditStatus }> } }> } | null } };

export type RequestBudgetAuditsQueryVariables = Exact<{ [key: string]: never; }>;


export type RequestBudgetAuditsQuery = { audits: { nodes: Array<{ id: string, title: string, status: AuditStatus, conductedOn: string, createdAt: string, updatedAt: string }> } };

export type LimitsMe2QueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsMe2Query = { me: { id: string } | null };

export type LoadersClientsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type LoadersClientsQuery = { clients: { totalCount: number, nodes: Array<{ name: string, leaders: Array<{ name: string }>, engagements: Array<{ title: string, leadConsultant: { name: string } | null, team: Array<{ name: string }>, client: { name: string }, milestones: Array<{ title: string, dueOn: string, overdue: boolean, engagement: { title: string } }> }> }> } };

export type ErrorLogsInviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type ErrorLogsInviteMemberMutation = { inviteMember: { invitation: { id: string } | null } };

export type ErrorLogsAcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type ErrorLogsAcceptInvitationMutation = { acceptInvitation: { token: string | null } };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { me: { id: string } | null };

export type NopeQueryVariables = Exact<{ [key: string]: never; }>;


export type NopeQuery = { clients: { totalCount: number } };

export type EmailsCreateActionMutationVariables = Exact<{
  input: CreateActionInput;
}>;


export type EmailsCreateActionMutation = { createAction: { action: { id: string } | null, userErrors: Array<{ field: string }> } };

export type EmailsCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type EmailsCreateApiKeyMutation = { createApiKey: { secret: string | null } };

export type EmailsEngagementQueryVariables = Exact<{
  engagementId: string | number;
  actionId: string | number;
}>;


export type EmailsEngagementQuery = { engagement: { leadConsultant: { email: string } | null } | null, action: { owner: { email: string } } | null };

export type SeedDemoLogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type SeedDemoLogInMutation = { logIn: { token: string | null } };

export type SeedDemoClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type SeedDemoClientsQuery = { clients: { nodes: Array<{ name: string, industry: Industry, charter: { published: { number: number } | null } | null, audits: Array<{ status: AuditStatus, deltas: { overall: { change: number | null } } | null }>, actions: Array<{ status: ActionStatus, overdue: boolean }>, engagements: Array<{ status: EngagementStatus }> }> }, actions: { totalCount: number } };

export type SeedDemoMeQueryVariables = Exact<{ [key: string]: never; }>;


export type SeedDemoMeQuery = { me: { client: { name: string, charter: { published: { signOff: { signedBy: { name: string } | null } | null } | null } | null } | null } | null, clients: { totalCount: number }, actions: { nodes: Array<{ status: ActionStatus }> } };

export type SeedDemoMe2QueryVariables = Exact<{ [key: string]: never; }>;


export type SeedDemoMe2Query = { me: { client: { audits: Array<{ conductedOn: string, framework: { key: string }, benchmark: { industry: Industry, contributors: number, unavailableReason: BenchmarkUnavailableReason | null, overall: { lowerQuartile: number, median: number, upperQuartile: number, count: number } | null } | null }> } | null } | null };

export type SeedDemoClients2QueryVariables = Exact<{ [key: string]: never; }>;


export type SeedDemoClients2Query = { clients: { nodes: Array<{ roleProfiles: Array<{ ready: boolean, candidates: Array<{ rank: number, flagged: boolean }> }> }> } };

export type FactorySignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type FactorySignUpMutation = { signUp: { confirmationSent: boolean, userErrors: Array<{ field: string, message: string }> } };

export type FactoryConsultancyQueryVariables = Exact<{ [key: string]: never; }>;


export type FactoryConsultancyQuery = { consultancy: { id: string } };

export type FactoryConfirmSignUpMutationVariables = Exact<{
  input: ConfirmSignUpInput;
}>;


export type FactoryConfirmSignUpMutation = { confirmSignUp: { token: string | null, member: { id: string } | null, userErrors: Array<{ field: string, message: string, code: UserErrorCode }> } };

export type FactoryInviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type FactoryInviteMemberMutation = { inviteMember: { userErrors: Array<{ field: string, message: string }> } };

export type FactoryAcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type FactoryAcceptInvitationMutation = { acceptInvitation: { token: string | null, member: { id: string } | null } };

export type FactoryCreateClientMutationVariables = Exact<{
  input: CreateClientInput;
}>;


export type FactoryCreateClientMutation = { createClient: { client: { id: string } | null, userErrors: Array<{ field: string, message: string }> } };

export type FactoryCreateEngagementMutationVariables = Exact<{
  input: CreateEngagementInput;
}>;


export type FactoryCreateEngagementMutation = { createEngagement: { engagement: { id: string } | null, userErrors: Array<{ field: string, message: string }> } };


export const InputChecksCreateClient5Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InputChecksCreateClient5"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<InputChecksCreateClient5Mutation, InputChecksCreateClient5MutationVariables>;
export const InputChecksSaveDifferentiationWorkshop3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InputChecksSaveDifferentiationWorkshop3"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveDifferentiationWorkshopInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveDifferentiationWorkshop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<InputChecksSaveDifferentiationWorkshop3Mutation, InputChecksSaveDifferentiationWorkshop3MutationVariables>;
export const InputChecksCreateEngagement3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InputChecksCreateEngagement3"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEngagementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<InputChecksCreateEngagement3Mutation, InputChecksCreateEngagement3MutationVariables>;
export const InputChecksActivity3Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InputChecksActivity3"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<InputChecksActivity3Query, InputChecksActivity3QueryVariables>;
export const RequestBudgetUpdateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestBudgetUpdateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestBudgetUpdateClientMutation, RequestBudgetUpdateClientMutationVariables>;
export const RequestBudgetAuditsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestBudgetAudits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"conductedOn"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RequestBudgetAuditsQuery, RequestBudgetAuditsQueryVariables>;
export const LimitsMe2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LimitsMe2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<LimitsMe2Query, LimitsMe2QueryVariables>;
export const LoadersClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LoadersClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"leaders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"leadConsultant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"milestones"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LoadersClientsQuery, LoadersClientsQueryVariables>;
export const ErrorLogsInviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ErrorLogsInviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ErrorLogsInviteMemberMutation, ErrorLogsInviteMemberMutationVariables>;
export const ErrorLogsAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ErrorLogsAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<ErrorLogsAcceptInvitationMutation, ErrorLogsAcceptInvitationMutationVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const NopeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Nope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<NopeQuery, NopeQueryVariables>;
export const EmailsCreateActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EmailsCreateAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<EmailsCreateActionMutation, EmailsCreateActionMutationVariables>;
export const EmailsCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EmailsCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}}]}}]}}]} as unknown as DocumentNode<EmailsCreateApiKeyMutation, EmailsCreateApiKeyMutationVariables>;
export const EmailsEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmailsEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"engagementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"engagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"engagementId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leadConsultant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"action"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<EmailsEngagementQuery, EmailsEngagementQueryVariables>;
export const SeedDemoLogInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SeedDemoLogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}}]}}]}}]} as unknown as DocumentNode<SeedDemoLogInMutation, SeedDemoLogInMutationVariables>;
export const SeedDemoClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeedDemoClients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"charter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"audits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deltas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"change"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"engagements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<SeedDemoClientsQuery, SeedDemoClientsQueryVariables>;
export const SeedDemoMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeedDemoMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"charter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"published"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"mine"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SeedDemoMeQuery, SeedDemoMeQueryVariables>;
export const SeedDemoMe2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeedDemoMe2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"audits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"frameworkKey"},"value":{"kind":"StringValue","value":"aeiou-values","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conductedOn"}},{"kind":"Field","name":{"kind":"Name","value":"framework"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"benchmark"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"industry"}},{"kind":"Field","name":{"kind":"Name","value":"contributors"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}},{"kind":"Field","name":{"kind":"Name","value":"overall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowerQuartile"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"upperQuartile"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SeedDemoMe2Query, SeedDemoMe2QueryVariables>;
export const SeedDemoClients2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeedDemoClients2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SeedDemoClients2Query, SeedDemoClients2QueryVariables>;
export const FactorySignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FactorySignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmationSent"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FactorySignUpMutation, FactorySignUpMutationVariables>;
export const FactoryConsultancyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FactoryConsultancy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consultancy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<FactoryConsultancyQuery, FactoryConsultancyQueryVariables>;
export const FactoryConfirmSignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FactoryConfirmSignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmSignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmSignUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<FactoryConfirmSignUpMutation, FactoryConfirmSignUpMutationVariables>;
export const FactoryInviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FactoryInviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FactoryInviteMemberMutation, FactoryInviteMemberMutationVariables>;
export const FactoryAcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FactoryAcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<FactoryAcceptInvitationMutation, FactoryAcceptInvitationMutationVariables>;
export const FactoryCreateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FactoryCreateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FactoryCreateClientMutation, FactoryCreateClientMutationVariables>;
export const FactoryCreateEngagementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FactoryCreateEngagement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateEngagementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createEngagement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"engagement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<FactoryCreateEngagementMutation, FactoryCreateEngagementMutationVariables>;