/** The operations the bench sends: what the portal's screens send, as one request each. */

/** The consultant's home screen: who is signed in, the clients, open actions, recent audits, what is due. */
export const HOME = /* GraphQL */ `
  query BenchHome {
    me {
      id
      name
      role
    }
    consultancy {
      id
      name
    }
    clients(first: 20) {
      totalCount
      nodes {
        id
        name
        industry
        status
      }
    }
    open: actions(first: 6, status: OPEN) {
      totalCount
      nodes {
        id
        description
        status
        priority
        dueOn
        overdue
        revision
        owner {
          id
          name
        }
        client {
          id
          name
        }
      }
    }
    overdue: actions(first: 1, overdue: true) {
      totalCount
    }
    audits(first: 20) {
      nodes {
        id
        title
        status
        updatedAt
        client {
          id
          name
        }
        scores {
          overall
        }
      }
    }
    upcomingMilestones(first: 10) {
      id
      title
      dueOn
      overdue
      engagement {
        id
        title
        client {
          id
          name
        }
      }
    }
  }
`;

/** The query the baseline answers too: the first 50 clients by name, their engagements and milestones. */
export const CLIENTS = /* GraphQL */ `
  query BenchClients {
    clients(first: 50) {
      nodes {
        id
        name
        industry
        engagements {
          id
          title
          status
          milestones {
            id
            title
            dueOn
            done
          }
        }
      }
    }
  }
`;

export const AUDIT = /* GraphQL */ `
  query BenchAudit($id: ID!) {
    audit(id: $id) {
      id
      title
      status
      scores {
        overall
        flagged
        answered
        total
        sections {
          key
          score
        }
      }
      deltas {
        overall {
          current
          previous
          change
        }
        sections {
          key
          change
        }
      }
      benchmark {
        industry
        contributors
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
            median
          }
        }
      }
    }
  }
`;

export const CHARTER_DIFF = /* GraphQL */ `
  query BenchCharterDiff($clientId: ID!, $from: ID!, $to: ID!) {
    charter(clientId: $clientId) {
      id
      diff(fromVersionId: $from, toVersionId: $to) {
        from {
          number
        }
        to {
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
          from
          to
        }
        summary
      }
    }
  }
`;

export const SAVE_RESPONSES = /* GraphQL */ `
  mutation BenchSaveResponses($input: SaveAuditResponsesInput!) {
    saveAuditResponses(input: $input) {
      audit {
        id
        revision
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const LOG_IN = /* GraphQL */ `
  mutation BenchLogIn($input: LogInInput!) {
    logIn(input: $input) {
      token
      userErrors {
        message
      }
    }
  }
`;

/** The noisy-neighbour scenario's quiet consultancy: a trivial query, as a status widget would send. */
export const QUIET = /* GraphQL */ `
  query BenchQuiet {
    me {
      id
    }
    consultancy {
      id
      name
    }
  }
`;

/**
 * The noisy neighbour's heaviest queries that the cost limit still lets through (query-cost.test.ts checks that
 * every query here is under it): every audit with its scores, comparisons and responses on the largest page, and
 * clients with their engagements, audits, actions and hiring on the largest page the limit allows.
 */
export const NOISY_AUDITS = /* GraphQL */ `
  query BenchNoisyAudits {
    audits(first: 100) {
      nodes {
        id
        title
        status
        scores {
          overall
          flagged
          sections {
            key
            score
          }
          criteria {
            key
            points
          }
        }
        deltas {
          overall {
            change
          }
          criteria {
            key
            change
          }
        }
        benchmark {
          contributors
          overall {
            median
            count
          }
        }
        responses {
          criterionKey
          score
          evidence
        }
        client {
          id
          name
        }
      }
    }
  }
`;

export const NOISY_CLIENTS = /* GraphQL */ `
  query BenchNoisyClients {
    clients(first: 70) {
      nodes {
        id
        name
        engagements {
          id
          title
          status
          milestones {
            id
            title
            dueOn
            done
          }
          team {
            id
            name
          }
        }
        audits {
          id
          title
          status
          conductedOn
        }
        actions {
          id
          description
          status
          notes {
            id
            body
          }
        }
        roleProfiles {
          id
          title
          criteria {
            id
            title
            weight
          }
        }
      }
    }
  }
`;

export const CREATE_API_KEY = /* GraphQL */ `
  mutation BenchCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      userErrors {
        message
      }
    }
  }
`;

/**
 * The service level page: the record in words, the running period and the latest periods with their figures,
 * judged against the target (with the 95 % interval, budget and projection), and the breaches among them. Sent
 * with `last: 12` and `last: 104` (two years of weeks): the statements per request must be the same.
 */
export const SERVICE_LEVEL = /* GraphQL */ `
  query BenchServiceLevel($id: ID!, $last: Int!) {
    serviceLevel(id: $id) {
      id
      name
      summary
      measuredUntil
      definition {
        version
        target
        period
        timeZone
        description
      }
      currentPeriod {
        label
        start
        end
        good
        valid
        compliance
        status
        budgetLeft
        projected
        atRisk
      }
      periods(last: $last) {
        label
        start
        end
        closed
        definitionVersion
        target
        good
        valid
        excluded
        compliance
        complianceInterval {
          low
          high
        }
        status
        budgetLeft
        projected
        atRisk
      }
      changes(last: 20) {
        kind
        period {
          label
          compliance
        }
      }
    }
  }
`;

export const CREATE_SERVICE_LEVEL = /* GraphQL */ `
  mutation BenchCreateServiceLevel($input: CreateServiceLevelInput!) {
    createServiceLevel(input: $input) {
      serviceLevel {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** What a client's platform sends: a batch of intervals, and only the counts back. */
export const RECORD_MEASUREMENTS = /* GraphQL */ `
  mutation BenchRecordMeasurements($input: RecordMeasurementsInput!) {
    recordMeasurements(input: $input) {
      added
      replaced
      corrected
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** The ingest's check: the figures of the weeks just loaded, read back through the API. */
export const SERVICE_LEVEL_TOTALS = /* GraphQL */ `
  query BenchServiceLevelTotals($id: ID!, $last: Int!) {
    serviceLevel(id: $id) {
      periods(last: $last) {
        good
        valid
      }
    }
  }
`;
