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
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      consultancyName\n      email\n      role\n      clientName\n      expiresAt\n    }\n  }\n": typeof types.InvitationDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query Clients($first: Int!) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        status\n      }\n    }\n  }\n": typeof types.ClientsDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n    consultancy {\n      id\n      name\n    }\n  }\n": typeof types.HomeDocument,
    "\n  mutation LogOut {\n    logOut {\n      loggedOut\n    }\n  }\n": typeof types.LogOutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      consultancyName\n      email\n      role\n      clientName\n      expiresAt\n    }\n  }\n": types.InvitationDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query Clients($first: Int!) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        status\n      }\n    }\n  }\n": types.ClientsDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n    consultancy {\n      id\n      name\n    }\n  }\n": types.HomeDocument,
    "\n  mutation LogOut {\n    logOut {\n      loggedOut\n    }\n  }\n": types.LogOutDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n  }\n": types.MeDocument,
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
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      consultancyName\n      email\n      role\n      clientName\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query Invitation($token: String!) {\n    invitation(token: $token) {\n      consultancyName\n      email\n      role\n      clientName\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      member {\n        id\n        name\n        role\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Clients($first: Int!) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query Clients($first: Int!) {\n    clients(first: $first) {\n      totalCount\n      nodes {\n        id\n        name\n        industry\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n    consultancy {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n    consultancy {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut {\n      loggedOut\n    }\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut {\n      loggedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      role\n      client {\n        id\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;