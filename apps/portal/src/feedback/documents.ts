import { graphql } from '../generated/gql';

export const FeedbackScoreFieldsFragment = graphql(`
  fragment FeedbackScoreFields on FeedbackScore {
    kind
    responses
    shown
    score
    low
    high
    margin
  }
`);

export const ClientFeedbackQuery = graphql(`
  query ClientFeedback($clientId: ID!) {
    client(id: $clientId) {
      id
      feedbackLinks {
        id
        kind
        question
        active
        url
        embedSnippet
        responseCount
        touchPointId
      }
      feedbackSummary(months: 6) {
        kinds {
          kind
          overall {
            ...FeedbackScoreFields
          }
          months {
            month
            score {
              ...FeedbackScoreFields
            }
            change {
              difference
              significant
              direction
            }
          }
        }
      }
      feedbackComments(last: 20) {
        id
        kind
        score
        comment
        detractor
        receivedAt
      }
    }
  }
`);

export const CreateFeedbackLinkMutation = graphql(`
  mutation CreateFeedbackLink($input: CreateFeedbackLinkInput!) {
    createFeedbackLink(input: $input) {
      feedbackLink {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RaiseActionFromFeedbackMutation = graphql(`
  mutation RaiseActionFromFeedback($input: RaiseActionFromFeedbackInput!) {
    raiseActionFromFeedback(input: $input) {
      action {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const TouchPointFeedbackQuery = graphql(`
  query TouchPointFeedback($touchPointId: ID!) {
    touchPoint(id: $touchPointId) {
      id
      feedbackSummary {
        kinds {
          kind
          overall {
            ...FeedbackScoreFields
          }
          months {
            month
            score {
              ...FeedbackScoreFields
            }
            change {
              difference
              significant
              direction
            }
          }
        }
      }
    }
  }
`);
