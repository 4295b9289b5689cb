import { graphql } from '../generated/gql';

export const SentMailQuery = graphql(`
  query SentMail($status: MailStatus) {
    mailDelivery {
      mode
    }
    sentMail(first: 50, status: $status) {
      totalCount
      nodes {
        id
        kind
        to
        subject
        status
        queuedAt
        sentAt
        attemptCount
        nextAttemptAt
        lastError
        text
      }
    }
  }
`);

export const MailSuppressionsQuery = graphql(`
  query MailSuppressions {
    mailSuppressions {
      address
      reason
      createdAt
    }
  }
`);

export const LiftMailSuppressionMutation = graphql(`
  mutation LiftMailSuppression($input: LiftMailSuppressionInput!) {
    liftMailSuppression(input: $input) {
      address
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
