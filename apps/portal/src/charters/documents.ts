import { graphql } from '../generated/gql';

export const CharterVersionFieldsFragment = graphql(`
  fragment CharterVersionFields on CharterVersion {
    id
    number
    status
    revision
    publishable
    publishGaps {
      field
      message
      code
    }
    purposeStatement {
      purpose
      why
      everythingElse
    }
    promises {
      key
      position
      title
      description
      standard {
        metric
        target
        unit
        description
      }
    }
    createdAt
    publishedAt
    publishedBy {
      id
      name
    }
    signOff {
      signedAt
      signedBy {
        id
        name
      }
    }
  }
`);

export const CharterQuery = graphql(`
  query Charter($clientId: ID!) {
    client(id: $clientId) {
      id
      name
    }
    charter(clientId: $clientId) {
      id
      currentDraft {
        ...CharterVersionFields
      }
      published {
        ...CharterVersionFields
      }
      versions {
        id
        number
        status
        createdAt
        publishedAt
        signOff {
          signedAt
          signedBy {
            id
            name
          }
        }
      }
    }
  }
`);

export const StartCharterDraftMutation = graphql(`
  mutation StartCharterDraft($input: StartCharterDraftInput!) {
    startCharterDraft(input: $input) {
      version {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SaveCharterDraftMutation = graphql(`
  mutation SaveCharterDraft($input: SaveCharterDraftInput!) {
    saveCharterDraft(input: $input) {
      version {
        ...CharterVersionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PublishCharterVersionMutation = graphql(`
  mutation PublishCharterVersion($input: PublishCharterVersionInput!) {
    publishCharterVersion(input: $input) {
      version {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CharterDiffQuery = graphql(`
  query CharterDiff($clientId: ID!, $from: ID!, $to: ID!) {
    charter(clientId: $clientId) {
      id
      diff(fromVersionId: $from, toVersionId: $to) {
        ...CharterDiffFields
      }
    }
  }
`);

export const CharterDiffFieldsFragment = graphql(`
  fragment CharterDiffFields on CharterDiff {
    from {
      id
      number
    }
    to {
      id
      number
    }
    purpose {
      part
      before
      after
    }
    added {
      key
      title
      position
    }
    removed {
      key
      title
      position
    }
    changed {
      key
      title
      fields {
        field
        before
        after
      }
    }
    reordered {
      key
      title
      from
      to
    }
    summary
  }
`);
