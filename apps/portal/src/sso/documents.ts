import { graphql } from '../generated/gql';

/** Everything the Single sign-on page shows of a connection; each mutation answers it, so the cache follows. */
export const SsoConnectionFieldsFragment = graphql(`
  fragment SsoConnectionFields on SsoConnection {
    id
    name
    protocol
    issuer
    clientId
    hasClientSecret
    idpEntityId
    ssoUrl
    logoutUrl
    groupsClaim
    ssoOnly
    createdAt
    certificates {
      subject
      expiresAt
      daysLeft
      expiresSoon
      fingerprint
    }
    serviceProvider {
      redirectUri
      postLogoutRedirectUri
      entityId
      acsUrl
      sloUrl
      metadataUrl
    }
    roleMappings {
      group
      role
      client {
        id
        name
      }
    }
    breakGlassAdmin {
      id
      name
    }
    domains {
      id
      domain
      verifiedAt
      verificationRecordName
      verificationRecordValue
    }
  }
`);

export const SsoConnectionsQuery = graphql(`
  query SsoConnections {
    ssoConnections {
      ...SsoConnectionFields
    }
    members(first: 100) {
      nodes {
        id
        name
        email
        role
      }
    }
    clients(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const SsoAccessRequestsQuery = graphql(`
  query SsoAccessRequests {
    ssoAccessRequests {
      id
      email
      name
      groups
      requestedAt
      connection {
        id
        name
      }
    }
    clients(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** Only what the expiry banner needs, so the admin area's front page stays light. */
export const SsoCertificateWarningsQuery = graphql(`
  query SsoCertificateWarnings {
    ssoConnections {
      id
      name
      certificates {
        fingerprint
        daysLeft
        expiresSoon
      }
    }
  }
`);

export const AddOidcConnectionMutation = graphql(`
  mutation AddOidcConnection($input: AddOidcConnectionInput!) {
    addOidcConnection(input: $input) {
      connection {
        ...SsoConnectionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddSamlConnectionMutation = graphql(`
  mutation AddSamlConnection($input: AddSamlConnectionInput!) {
    addSamlConnection(input: $input) {
      connection {
        ...SsoConnectionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateSsoConnectionMutation = graphql(`
  mutation UpdateSsoConnection($input: UpdateSsoConnectionInput!) {
    updateSsoConnection(input: $input) {
      connection {
        ...SsoConnectionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveSsoConnectionMutation = graphql(`
  mutation RemoveSsoConnection($input: RemoveSsoConnectionInput!) {
    removeSsoConnection(input: $input) {
      removedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddSsoDomainMutation = graphql(`
  mutation AddSsoDomain($input: AddSsoDomainInput!) {
    addSsoDomain(input: $input) {
      domain {
        id
        domain
        verifiedAt
        verificationRecordName
        verificationRecordValue
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const VerifySsoDomainMutation = graphql(`
  mutation VerifySsoDomain($input: VerifySsoDomainInput!) {
    verifySsoDomain(input: $input) {
      domain {
        id
        verifiedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveSsoDomainMutation = graphql(`
  mutation RemoveSsoDomain($input: RemoveSsoDomainInput!) {
    removeSsoDomain(input: $input) {
      removedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ApproveSsoAccessRequestMutation = graphql(`
  mutation ApproveSsoAccessRequest($input: ApproveSsoAccessRequestInput!) {
    approveSsoAccessRequest(input: $input) {
      member {
        id
        name
        role
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeclineSsoAccessRequestMutation = graphql(`
  mutation DeclineSsoAccessRequest($input: DeclineSsoAccessRequestInput!) {
    declineSsoAccessRequest(input: $input) {
      declinedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
