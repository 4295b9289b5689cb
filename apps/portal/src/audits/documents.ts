import { graphql } from '../generated/gql';

export const AuditFrameworkFieldsFragment = graphql(`
  fragment AuditFrameworkFields on AuditFramework {
    key
    version
    name
    summary
    scale {
      score
      label
    }
    sections {
      key
      title
      weight
      criteria {
        key
        prompt
        guidance
        weight
        highIsBad
        critical
      }
    }
  }
`);

export const AuditQuery = graphql(`
  query Audit($id: ID!) {
    audit(id: $id) {
      id
      title
      status
      nextStatuses
      conductedOn
      revision
      client {
        id
        name
      }
      framework {
        ...AuditFrameworkFields
      }
      responses {
        criterionKey
        score
        notApplicable
        evidence
      }
      ...AuditResults
    }
  }
`);

export const AuditResultsFragment = graphql(`
  fragment AuditResults on Audit {
    id
    status
    scores {
      overall
      flagged
      answered
      notApplicable
      total
      sections {
        key
        title
        score
      }
      criteria {
        key
        sectionKey
        score
        points
      }
      flags {
        criterionKey
        message
      }
    }
    previous {
      id
      title
      conductedOn
    }
    deltas {
      overall {
        current
        previous
        change
      }
      sections {
        key
        current
        previous
        change
      }
    }
    trend {
      points {
        auditId
        on
        overall
      }
      overall {
        direction
        change
      }
    }
    benchmark {
      industry
      asOf
      contributors
      minimumContributors
      unavailableReason
      overall {
        lowerQuartile
        median
        upperQuartile
        count
      }
      sections {
        key
        figure {
          lowerQuartile
          median
          upperQuartile
        }
      }
    }
    promisesKept {
      promiseKey
      title
      score
      linked
      answered
    }
  }
`);

export const SaveAuditResponsesMutation = graphql(`
  mutation SaveAuditResponses($input: SaveAuditResponsesInput!) {
    saveAuditResponses(input: $input) {
      audit {
        id
        revision
        status
        nextStatuses
        responses {
          criterionKey
          score
          notApplicable
          evidence
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ChangeAuditStatusMutation = graphql(`
  mutation ChangeAuditStatus($input: ChangeAuditStatusInput!) {
    changeAuditStatus(input: $input) {
      audit {
        id
        revision
        status
        nextStatuses
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
