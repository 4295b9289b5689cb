import { graphql } from '../generated/gql';

export const RoleProfileQuery = graphql(`
  query RoleProfile($id: ID!) {
    roleProfile(id: $id) {
      id
      title
      summary
      revision
      ready
      weightTotal
      client {
        id
        name
      }
      readinessGaps {
        field
        message
      }
      criteria {
        id
        category
        title
        weight
        mustHave
        evidence
      }
      candidates {
        rank
        fit
        flagged
        complete
        scorecard {
          id
          candidateRef
          failedMustHaves {
            id
            title
          }
        }
      }
    }
  }
`);

export const UpdateRoleProfileMutation = graphql(`
  mutation UpdateRoleProfile($input: UpdateRoleProfileInput!) {
    updateRoleProfile(input: $input) {
      roleProfile {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SaveScorecardMutation = graphql(`
  mutation SaveScorecard($input: SaveCandidateScorecardInput!) {
    saveCandidateScorecard(input: $input) {
      scorecard {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
