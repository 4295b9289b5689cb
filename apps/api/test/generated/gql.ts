/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation InputChecksCreateClient5($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id\n      }\n    }\n  }\n": typeof types.InputChecksCreateClient5Document,
    "\n        mutation InputChecksSaveDifferentiationWorkshop3($input: SaveDifferentiationWorkshopInput!) {\n          saveDifferentiationWorkshop(input: $input) {\n            userErrors {\n              field\n            }\n          }\n        }\n      ": typeof types.InputChecksSaveDifferentiationWorkshop3Document,
    "\n        mutation InputChecksCreateEngagement3($input: CreateEngagementInput!) {\n          createEngagement(input: $input) {\n            engagement {\n              id\n            }\n          }\n        }\n      ": typeof types.InputChecksCreateEngagement3Document,
    "\n      query InputChecksActivity3($from: DateTime) {\n        activity(from: $from) {\n          totalCount\n        }\n      }\n    ": typeof types.InputChecksActivity3Document,
    "\n        mutation RequestBudgetUpdateClient($input: UpdateClientInput!) {\n          updateClient(input: $input) {\n            client {\n              audits {\n                client {\n                  audits {\n                    id\n                    title\n                    status\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": typeof types.RequestBudgetUpdateClientDocument,
    "\n        query RequestBudgetAudits {\n          audits(first: 10) {\n            nodes {\n              id\n              title\n              status\n              conductedOn\n              createdAt\n              updatedAt\n            }\n          }\n        }\n      ": typeof types.RequestBudgetAuditsDocument,
    "\n        query LimitsMe2 {\n          me {\n            id\n          }\n        }\n      ": typeof types.LimitsMe2Document,
    "\n  query LoadersClients($first: Int) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        name\n        leaders {\n          name\n        }\n        engagements {\n          title\n          leadConsultant {\n            name\n          }\n          team {\n            name\n          }\n          client {\n            name\n          }\n          milestones {\n            title\n            dueOn\n            overdue\n            engagement {\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.LoadersClientsDocument,
    "\n        mutation ErrorLogsInviteMember($input: InviteMemberInput!) {\n          inviteMember(input: $input) {\n            invitation {\n              id\n            }\n          }\n        }\n      ": typeof types.ErrorLogsInviteMemberDocument,
    "\n          mutation ErrorLogsAcceptInvitation($input: AcceptInvitationInput!) {\n            acceptInvitation(input: $input) {\n              token\n            }\n          }\n        ": typeof types.ErrorLogsAcceptInvitationDocument,
    "\n        query Home {\n          me {\n            id\n          }\n        }\n      ": typeof types.HomeDocument,
    "\n        query Nope {\n          clients {\n            totalCount\n          }\n        }\n      ": typeof types.NopeDocument,
    "\n      mutation EmailsCreateAction($input: CreateActionInput!) {\n        createAction(input: $input) {\n          action {\n            id\n          }\n          userErrors {\n            field\n          }\n        }\n      }\n    ": typeof types.EmailsCreateActionDocument,
    "\n      mutation EmailsCreateApiKey($input: CreateApiKeyInput!) {\n        createApiKey(input: $input) {\n          secret\n        }\n      }\n    ": typeof types.EmailsCreateApiKeyDocument,
    "\n        query EmailsEngagement($engagementId: ID!, $actionId: ID!) {\n          engagement(id: $engagementId) {\n            leadConsultant {\n              email\n            }\n          }\n          action(id: $actionId) {\n            owner {\n              email\n            }\n          }\n        }\n      ": typeof types.EmailsEngagementDocument,
    "\n      mutation SeedDemoLogIn($input: LogInInput!) {\n        logIn(input: $input) {\n          token\n        }\n      }\n    ": typeof types.SeedDemoLogInDocument,
    "\n        query SeedDemoClients {\n          clients(first: 10) {\n            nodes {\n              name\n              industry\n              charter {\n                published {\n                  number\n                }\n              }\n              audits {\n                status\n                deltas {\n                  overall {\n                    change\n                  }\n                }\n              }\n              actions {\n                status\n                overdue\n              }\n              engagements {\n                status\n              }\n            }\n          }\n          actions(overdue: true) {\n            totalCount\n          }\n        }\n      ": typeof types.SeedDemoClientsDocument,
    "\n        query SeedDemoMe {\n          me {\n            client {\n              name\n              charter {\n                published {\n                  signOff {\n                    signedBy {\n                      name\n                    }\n                  }\n                }\n              }\n            }\n          }\n          clients {\n            totalCount\n          }\n          actions(mine: true) {\n            nodes {\n              status\n            }\n          }\n        }\n      ": typeof types.SeedDemoMeDocument,
    "\n        query SeedDemoMe2 {\n          me {\n            client {\n              audits(frameworkKey: \"aeiou-values\") {\n                conductedOn\n                framework {\n                  key\n                }\n                benchmark {\n                  industry\n                  contributors\n                  unavailableReason\n                  overall {\n                    lowerQuartile\n                    median\n                    upperQuartile\n                    count\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": typeof types.SeedDemoMe2Document,
    "\n        query SeedDemoClients2 {\n          clients {\n            nodes {\n              roleProfiles {\n                ready\n                candidates {\n                  rank\n                  flagged\n                }\n              }\n            }\n          }\n        }\n      ": typeof types.SeedDemoClients2Document,
    "\n      mutation FactorySignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          confirmationSent\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": typeof types.FactorySignUpDocument,
    "\n      query FactoryConsultancy {\n        consultancy {\n          id\n        }\n      }\n    ": typeof types.FactoryConsultancyDocument,
    "\n      mutation FactoryConfirmSignUp($input: ConfirmSignUpInput!) {\n        confirmSignUp(input: $input) {\n          token\n          member {\n            id\n          }\n          userErrors {\n            field\n            message\n            code\n          }\n        }\n      }\n    ": typeof types.FactoryConfirmSignUpDocument,
    "\n      mutation FactoryInviteMember($input: InviteMemberInput!) {\n        inviteMember(input: $input) {\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": typeof types.FactoryInviteMemberDocument,
    "\n      mutation FactoryAcceptInvitation($input: AcceptInvitationInput!) {\n        acceptInvitation(input: $input) {\n          token\n          member {\n            id\n          }\n        }\n      }\n    ": typeof types.FactoryAcceptInvitationDocument,
    "\n      mutation FactoryCreateClient($input: CreateClientInput!) {\n        createClient(input: $input) {\n          client {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": typeof types.FactoryCreateClientDocument,
    "\n      mutation FactoryCreateEngagement($input: CreateEngagementInput!) {\n        createEngagement(input: $input) {\n          engagement {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": typeof types.FactoryCreateEngagementDocument,
};
const documents: Documents = {
    "\n  mutation InputChecksCreateClient5($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id\n      }\n    }\n  }\n": types.InputChecksCreateClient5Document,
    "\n        mutation InputChecksSaveDifferentiationWorkshop3($input: SaveDifferentiationWorkshopInput!) {\n          saveDifferentiationWorkshop(input: $input) {\n            userErrors {\n              field\n            }\n          }\n        }\n      ": types.InputChecksSaveDifferentiationWorkshop3Document,
    "\n        mutation InputChecksCreateEngagement3($input: CreateEngagementInput!) {\n          createEngagement(input: $input) {\n            engagement {\n              id\n            }\n          }\n        }\n      ": types.InputChecksCreateEngagement3Document,
    "\n      query InputChecksActivity3($from: DateTime) {\n        activity(from: $from) {\n          totalCount\n        }\n      }\n    ": types.InputChecksActivity3Document,
    "\n        mutation RequestBudgetUpdateClient($input: UpdateClientInput!) {\n          updateClient(input: $input) {\n            client {\n              audits {\n                client {\n                  audits {\n                    id\n                    title\n                    status\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": types.RequestBudgetUpdateClientDocument,
    "\n        query RequestBudgetAudits {\n          audits(first: 10) {\n            nodes {\n              id\n              title\n              status\n              conductedOn\n              createdAt\n              updatedAt\n            }\n          }\n        }\n      ": types.RequestBudgetAuditsDocument,
    "\n        query LimitsMe2 {\n          me {\n            id\n          }\n        }\n      ": types.LimitsMe2Document,
    "\n  query LoadersClients($first: Int) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        name\n        leaders {\n          name\n        }\n        engagements {\n          title\n          leadConsultant {\n            name\n          }\n          team {\n            name\n          }\n          client {\n            name\n          }\n          milestones {\n            title\n            dueOn\n            overdue\n            engagement {\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": types.LoadersClientsDocument,
    "\n        mutation ErrorLogsInviteMember($input: InviteMemberInput!) {\n          inviteMember(input: $input) {\n            invitation {\n              id\n            }\n          }\n        }\n      ": types.ErrorLogsInviteMemberDocument,
    "\n          mutation ErrorLogsAcceptInvitation($input: AcceptInvitationInput!) {\n            acceptInvitation(input: $input) {\n              token\n            }\n          }\n        ": types.ErrorLogsAcceptInvitationDocument,
    "\n        query Home {\n          me {\n            id\n          }\n        }\n      ": types.HomeDocument,
    "\n        query Nope {\n          clients {\n            totalCount\n          }\n        }\n      ": types.NopeDocument,
    "\n      mutation EmailsCreateAction($input: CreateActionInput!) {\n        createAction(input: $input) {\n          action {\n            id\n          }\n          userErrors {\n            field\n          }\n        }\n      }\n    ": types.EmailsCreateActionDocument,
    "\n      mutation EmailsCreateApiKey($input: CreateApiKeyInput!) {\n        createApiKey(input: $input) {\n          secret\n        }\n      }\n    ": types.EmailsCreateApiKeyDocument,
    "\n        query EmailsEngagement($engagementId: ID!, $actionId: ID!) {\n          engagement(id: $engagementId) {\n            leadConsultant {\n              email\n            }\n          }\n          action(id: $actionId) {\n            owner {\n              email\n            }\n          }\n        }\n      ": types.EmailsEngagementDocument,
    "\n      mutation SeedDemoLogIn($input: LogInInput!) {\n        logIn(input: $input) {\n          token\n        }\n      }\n    ": types.SeedDemoLogInDocument,
    "\n        query SeedDemoClients {\n          clients(first: 10) {\n            nodes {\n              name\n              industry\n              charter {\n                published {\n                  number\n                }\n              }\n              audits {\n                status\n                deltas {\n                  overall {\n                    change\n                  }\n                }\n              }\n              actions {\n                status\n                overdue\n              }\n              engagements {\n                status\n              }\n            }\n          }\n          actions(overdue: true) {\n            totalCount\n          }\n        }\n      ": types.SeedDemoClientsDocument,
    "\n        query SeedDemoMe {\n          me {\n            client {\n              name\n              charter {\n                published {\n                  signOff {\n                    signedBy {\n                      name\n                    }\n                  }\n                }\n              }\n            }\n          }\n          clients {\n            totalCount\n          }\n          actions(mine: true) {\n            nodes {\n              status\n            }\n          }\n        }\n      ": types.SeedDemoMeDocument,
    "\n        query SeedDemoMe2 {\n          me {\n            client {\n              audits(frameworkKey: \"aeiou-values\") {\n                conductedOn\n                framework {\n                  key\n                }\n                benchmark {\n                  industry\n                  contributors\n                  unavailableReason\n                  overall {\n                    lowerQuartile\n                    median\n                    upperQuartile\n                    count\n                  }\n                }\n              }\n            }\n          }\n        }\n      ": types.SeedDemoMe2Document,
    "\n        query SeedDemoClients2 {\n          clients {\n            nodes {\n              roleProfiles {\n                ready\n                candidates {\n                  rank\n                  flagged\n                }\n              }\n            }\n          }\n        }\n      ": types.SeedDemoClients2Document,
    "\n      mutation FactorySignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          confirmationSent\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": types.FactorySignUpDocument,
    "\n      query FactoryConsultancy {\n        consultancy {\n          id\n        }\n      }\n    ": types.FactoryConsultancyDocument,
    "\n      mutation FactoryConfirmSignUp($input: ConfirmSignUpInput!) {\n        confirmSignUp(input: $input) {\n          token\n          member {\n            id\n          }\n          userErrors {\n            field\n            message\n            code\n          }\n        }\n      }\n    ": types.FactoryConfirmSignUpDocument,
    "\n      mutation FactoryInviteMember($input: InviteMemberInput!) {\n        inviteMember(input: $input) {\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": types.FactoryInviteMemberDocument,
    "\n      mutation FactoryAcceptInvitation($input: AcceptInvitationInput!) {\n        acceptInvitation(input: $input) {\n          token\n          member {\n            id\n          }\n        }\n      }\n    ": types.FactoryAcceptInvitationDocument,
    "\n      mutation FactoryCreateClient($input: CreateClientInput!) {\n        createClient(input: $input) {\n          client {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": types.FactoryCreateClientDocument,
    "\n      mutation FactoryCreateEngagement($input: CreateEngagementInput!) {\n        createEngagement(input: $input) {\n          engagement {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    ": types.FactoryCreateEngagementDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InputChecksCreateClient5($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InputChecksCreateClient5($input: CreateClientInput!) {\n    createClient(input: $input) {\n      client {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation InputChecksSaveDifferentiationWorkshop3($input: SaveDifferentiationWorkshopInput!) {\n          saveDifferentiationWorkshop(input: $input) {\n            userErrors {\n              field\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation InputChecksSaveDifferentiationWorkshop3($input: SaveDifferentiationWorkshopInput!) {\n          saveDifferentiationWorkshop(input: $input) {\n            userErrors {\n              field\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation InputChecksCreateEngagement3($input: CreateEngagementInput!) {\n          createEngagement(input: $input) {\n            engagement {\n              id\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation InputChecksCreateEngagement3($input: CreateEngagementInput!) {\n          createEngagement(input: $input) {\n            engagement {\n              id\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query InputChecksActivity3($from: DateTime) {\n        activity(from: $from) {\n          totalCount\n        }\n      }\n    "): (typeof documents)["\n      query InputChecksActivity3($from: DateTime) {\n        activity(from: $from) {\n          totalCount\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation RequestBudgetUpdateClient($input: UpdateClientInput!) {\n          updateClient(input: $input) {\n            client {\n              audits {\n                client {\n                  audits {\n                    id\n                    title\n                    status\n                  }\n                }\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation RequestBudgetUpdateClient($input: UpdateClientInput!) {\n          updateClient(input: $input) {\n            client {\n              audits {\n                client {\n                  audits {\n                    id\n                    title\n                    status\n                  }\n                }\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query RequestBudgetAudits {\n          audits(first: 10) {\n            nodes {\n              id\n              title\n              status\n              conductedOn\n              createdAt\n              updatedAt\n            }\n          }\n        }\n      "): (typeof documents)["\n        query RequestBudgetAudits {\n          audits(first: 10) {\n            nodes {\n              id\n              title\n              status\n              conductedOn\n              createdAt\n              updatedAt\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query LimitsMe2 {\n          me {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query LimitsMe2 {\n          me {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoadersClients($first: Int) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        name\n        leaders {\n          name\n        }\n        engagements {\n          title\n          leadConsultant {\n            name\n          }\n          team {\n            name\n          }\n          client {\n            name\n          }\n          milestones {\n            title\n            dueOn\n            overdue\n            engagement {\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoadersClients($first: Int) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        name\n        leaders {\n          name\n        }\n        engagements {\n          title\n          leadConsultant {\n            name\n          }\n          team {\n            name\n          }\n          client {\n            name\n          }\n          milestones {\n            title\n            dueOn\n            overdue\n            engagement {\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation ErrorLogsInviteMember($input: InviteMemberInput!) {\n          inviteMember(input: $input) {\n            invitation {\n              id\n            }\n          }\n        }\n      "): (typeof documents)["\n        mutation ErrorLogsInviteMember($input: InviteMemberInput!) {\n          inviteMember(input: $input) {\n            invitation {\n              id\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation ErrorLogsAcceptInvitation($input: AcceptInvitationInput!) {\n            acceptInvitation(input: $input) {\n              token\n            }\n          }\n        "): (typeof documents)["\n          mutation ErrorLogsAcceptInvitation($input: AcceptInvitationInput!) {\n            acceptInvitation(input: $input) {\n              token\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query Home {\n          me {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query Home {\n          me {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query Nope {\n          clients {\n            totalCount\n          }\n        }\n      "): (typeof documents)["\n        query Nope {\n          clients {\n            totalCount\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation EmailsCreateAction($input: CreateActionInput!) {\n        createAction(input: $input) {\n          action {\n            id\n          }\n          userErrors {\n            field\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation EmailsCreateAction($input: CreateActionInput!) {\n        createAction(input: $input) {\n          action {\n            id\n          }\n          userErrors {\n            field\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation EmailsCreateApiKey($input: CreateApiKeyInput!) {\n        createApiKey(input: $input) {\n          secret\n        }\n      }\n    "): (typeof documents)["\n      mutation EmailsCreateApiKey($input: CreateApiKeyInput!) {\n        createApiKey(input: $input) {\n          secret\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query EmailsEngagement($engagementId: ID!, $actionId: ID!) {\n          engagement(id: $engagementId) {\n            leadConsultant {\n              email\n            }\n          }\n          action(id: $actionId) {\n            owner {\n              email\n            }\n          }\n        }\n      "): (typeof documents)["\n        query EmailsEngagement($engagementId: ID!, $actionId: ID!) {\n          engagement(id: $engagementId) {\n            leadConsultant {\n              email\n            }\n          }\n          action(id: $actionId) {\n            owner {\n              email\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation SeedDemoLogIn($input: LogInInput!) {\n        logIn(input: $input) {\n          token\n        }\n      }\n    "): (typeof documents)["\n      mutation SeedDemoLogIn($input: LogInInput!) {\n        logIn(input: $input) {\n          token\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SeedDemoClients {\n          clients(first: 10) {\n            nodes {\n              name\n              industry\n              charter {\n                published {\n                  number\n                }\n              }\n              audits {\n                status\n                deltas {\n                  overall {\n                    change\n                  }\n                }\n              }\n              actions {\n                status\n                overdue\n              }\n              engagements {\n                status\n              }\n            }\n          }\n          actions(overdue: true) {\n            totalCount\n          }\n        }\n      "): (typeof documents)["\n        query SeedDemoClients {\n          clients(first: 10) {\n            nodes {\n              name\n              industry\n              charter {\n                published {\n                  number\n                }\n              }\n              audits {\n                status\n                deltas {\n                  overall {\n                    change\n                  }\n                }\n              }\n              actions {\n                status\n                overdue\n              }\n              engagements {\n                status\n              }\n            }\n          }\n          actions(overdue: true) {\n            totalCount\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SeedDemoMe {\n          me {\n            client {\n              name\n              charter {\n                published {\n                  signOff {\n                    signedBy {\n                      name\n                    }\n                  }\n                }\n              }\n            }\n          }\n          clients {\n            totalCount\n          }\n          actions(mine: true) {\n            nodes {\n              status\n            }\n          }\n        }\n      "): (typeof documents)["\n        query SeedDemoMe {\n          me {\n            client {\n              name\n              charter {\n                published {\n                  signOff {\n                    signedBy {\n                      name\n                    }\n                  }\n                }\n              }\n            }\n          }\n          clients {\n            totalCount\n          }\n          actions(mine: true) {\n            nodes {\n              status\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SeedDemoMe2 {\n          me {\n            client {\n              audits(frameworkKey: \"aeiou-values\") {\n                conductedOn\n                framework {\n                  key\n                }\n                benchmark {\n                  industry\n                  contributors\n                  unavailableReason\n                  overall {\n                    lowerQuartile\n                    median\n                    upperQuartile\n                    count\n                  }\n                }\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query SeedDemoMe2 {\n          me {\n            client {\n              audits(frameworkKey: \"aeiou-values\") {\n                conductedOn\n                framework {\n                  key\n                }\n                benchmark {\n                  industry\n                  contributors\n                  unavailableReason\n                  overall {\n                    lowerQuartile\n                    median\n                    upperQuartile\n                    count\n                  }\n                }\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query SeedDemoClients2 {\n          clients {\n            nodes {\n              roleProfiles {\n                ready\n                candidates {\n                  rank\n                  flagged\n                }\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query SeedDemoClients2 {\n          clients {\n            nodes {\n              roleProfiles {\n                ready\n                candidates {\n                  rank\n                  flagged\n                }\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FactorySignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          confirmationSent\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation FactorySignUp($input: SignUpInput!) {\n        signUp(input: $input) {\n          confirmationSent\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query FactoryConsultancy {\n        consultancy {\n          id\n        }\n      }\n    "): (typeof documents)["\n      query FactoryConsultancy {\n        consultancy {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FactoryConfirmSignUp($input: ConfirmSignUpInput!) {\n        confirmSignUp(input: $input) {\n          token\n          member {\n            id\n          }\n          userErrors {\n            field\n            message\n            code\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation FactoryConfirmSignUp($input: ConfirmSignUpInput!) {\n        confirmSignUp(input: $input) {\n          token\n          member {\n            id\n          }\n          userErrors {\n            field\n            message\n            code\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FactoryInviteMember($input: InviteMemberInput!) {\n        inviteMember(input: $input) {\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation FactoryInviteMember($input: InviteMemberInput!) {\n        inviteMember(input: $input) {\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FactoryAcceptInvitation($input: AcceptInvitationInput!) {\n        acceptInvitation(input: $input) {\n          token\n          member {\n            id\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation FactoryAcceptInvitation($input: AcceptInvitationInput!) {\n        acceptInvitation(input: $input) {\n          token\n          member {\n            id\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FactoryCreateClient($input: CreateClientInput!) {\n        createClient(input: $input) {\n          client {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation FactoryCreateClient($input: CreateClientInput!) {\n        createClient(input: $input) {\n          client {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FactoryCreateEngagement($input: CreateEngagementInput!) {\n        createEngagement(input: $input) {\n          engagement {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "): (typeof documents)["\n      mutation FactoryCreateEngagement($input: CreateEngagementInput!) {\n        createEngagement(input: $input) {\n          engagement {\n            id\n          }\n          userErrors {\n            field\n            message\n          }\n        }\n      }\n    "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;