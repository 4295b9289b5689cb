import { graphql } from '../../generated/operations/index.js';

/**
 * Everything the programme report shows, asked of the API's own schema with the viewer's context: what a client
 * leader may not see (drafts, unpublished audits, the consultants' notes) is withheld by the same guard and client
 * fence as for any other caller, and the golden test can hold the report's figures to these same fields.
 */
export const PROGRAMME_REPORT_QUERY = graphql(`
  query ProgrammeReportData($clientId: ID!) {
    consultancy {
      name
    }
    me {
      name
    }
    openActions: actions(clientId: $clientId, status: OPEN) {
      totalCount
    }
    actionsInProgress: actions(clientId: $clientId, status: IN_PROGRESS) {
      totalCount
    }
    overdueActions: actions(clientId: $clientId, overdue: true) {
      totalCount
    }
    client(id: $clientId) {
      id
      name
      charter {
        published {
          number
          publishedAt
          purposeStatement {
            purpose
          }
          promises {
            key
            title
            standard {
              description
              target
              unit
            }
          }
        }
      }
      audits {
        id
        title
        status
        conductedOn
        framework {
          name
        }
        scores {
          overall
        }
        deltas {
          overall {
            change
          }
        }
        benchmark {
          overall {
            median
          }
        }
        promisesKept {
          promiseKey
          score
        }
      }
      serviceLevels {
        id
        name
        promiseTitle
        periods(last: 12) {
          label
          closed
          compliance
          target
          status
          atRisk
          valid
        }
      }
      complaintPatterns(months: 12) {
        timeZone
        months
        totals
        categories {
          category {
            name
          }
          counts
          rising {
            rising
          }
        }
      }
      feedbackSummary(months: 12) {
        kinds {
          kind
          overall {
            score
            margin
            low
            high
            responses
            shown
          }
          months {
            month
            score {
              score
              shown
            }
          }
        }
      }
      actions {
        id
        description
        status
        priority
        dueOn
        overdue
        owner {
          name
        }
      }
      engagements {
        title
        milestones {
          title
          dueOn
          done
          doneAt
          overdue
        }
      }
    }
  }
`);
