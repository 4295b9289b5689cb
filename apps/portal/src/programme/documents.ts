import { graphql } from '../generated/gql';

export const ProgrammeQuery = graphql(`
  query Programme($clientId: ID!) {
    consultancy {
      id
      name
    }
    client(id: $clientId) {
      id
      name
    }
  }
`);

export const ProgrammeCharterQuery = graphql(`
  query ProgrammeCharter($clientId: ID!) {
    client(id: $clientId) {
      id
      charter {
        id
        published {
          ...CharterVersionFields
        }
      }
    }
  }
`);

export const ProgrammeAuditsQuery = graphql(`
  query ProgrammeAudits($clientId: ID!) {
    client(id: $clientId) {
      id
      audits {
        id
        title
        conductedOn
        framework {
          key
          name
        }
        ...AuditResults
      }
    }
  }
`);

export const ProgrammeMilestonesQuery = graphql(`
  query ProgrammeMilestones($clientId: ID!) {
    client(id: $clientId) {
      id
      engagements {
        id
        title
        status
        milestones {
          id
          title
          dueOn
          done
          overdue
        }
      }
    }
  }
`);

export const OwnActionsQuery = graphql(`
  query OwnActions {
    actions(first: 100, mine: true) {
      nodes {
        ...ActionSummary
        notes {
          id
          body
          createdAt
          author {
            id
            name
          }
        }
      }
    }
  }
`);

export const SignOffCharterMutation = graphql(`
  mutation SignOffCharter($input: SignOffCharterVersionInput!) {
    signOffCharterVersion(input: $input) {
      version {
        id
        signOff {
          signedAt
          signedBy {
            id
            name
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateOwnActionMutation = graphql(`
  mutation UpdateOwnAction($input: UpdateOwnActionInput!) {
    updateOwnAction(input: $input) {
      action {
        ...ActionSummary
        notes {
          id
          body
          createdAt
          author {
            id
            name
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ProgrammePromisesQuery = graphql(`
  query ProgrammePromises($clientId: ID!) {
    client(id: $clientId) {
      id
      charter {
        id
        published {
          id
          promises {
            key
            title
            standard {
              description
            }
          }
        }
      }
      serviceLevels {
        ...ServiceLevelGlance
      }
      audits {
        id
        title
        conductedOn
        framework {
          key
          name
        }
        promisesKept {
          promiseKey
          score
          linked
          answered
        }
      }
    }
  }
`);
