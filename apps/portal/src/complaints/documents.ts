import { graphql } from '../generated/gql';

export const ComplaintFieldsFragment = graphql(`
  fragment ComplaintFields on Complaint {
    id
    receivedAt
    channel
    touchPoint {
      id
      name
    }
    category {
      id
      name
    }
    promiseKey
    promiseTitle
    severity
    whatHappened
    customerReference
    status
    resolvedAt
    resolution
    rootCause
    hoursToResolve
    externalReference
    revision
  }
`);

export const ComplaintLogQuery = graphql(`
  query ComplaintLog(
    $clientId: ID!
    $first: Int
    $after: String
    $categoryId: ID
    $touchPointId: ID
    $status: ComplaintStatus
    $severity: ComplaintSeverity
  ) {
    client(id: $clientId) {
      id
      name
      complaintCategories {
        id
        name
      }
      complaints(
        first: $first
        after: $after
        categoryId: $categoryId
        touchPointId: $touchPointId
        status: $status
        severity: $severity
      ) {
        nodes {
          ...ComplaintFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

export const ComplaintPatternsQuery = graphql(`
  query ComplaintPatterns($clientId: ID!, $months: Int) {
    client(id: $clientId) {
      id
      complaintPatterns(months: $months) {
        months
        timeZone
        totals
        categories {
          category {
            id
            name
          }
          counts
          rising {
            rising
            count
            trailingMean
            probability
          }
        }
        timeToResolve {
          month
          resolved
          medianHours
          p90Hours
        }
        rates {
          serviceLevel {
            id
            name
          }
          contacts
          perThousand
        }
      }
    }
  }
`);

export const ComplaintQuery = graphql(`
  query Complaint($id: ID!) {
    complaint(id: $id) {
      ...ComplaintFields
      client {
        id
        name
      }
    }
  }
`);

export const ComplaintActionsQuery = graphql(`
  query ComplaintActions($id: ID!) {
    complaint(id: $id) {
      id
      actions {
        id
        description
        status
      }
    }
  }
`);

export const RecordComplaintMutation = graphql(`
  mutation RecordComplaint($input: RecordComplaintInput!) {
    recordComplaint(input: $input) {
      complaint {
        ...ComplaintFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateComplaintMutation = graphql(`
  mutation UpdateComplaint($input: UpdateComplaintInput!) {
    updateComplaint(input: $input) {
      complaint {
        ...ComplaintFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordComplaintsMutation = graphql(`
  mutation RecordComplaints($input: RecordComplaintsInput!) {
    recordComplaints(input: $input) {
      added
      replaced
      unchanged
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CreateComplaintCategoryMutation = graphql(`
  mutation CreateComplaintCategory($input: CreateComplaintCategoryInput!) {
    createComplaintCategory(input: $input) {
      complaintCategory {
        id
        name
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RaiseComplaintActionMutation = graphql(`
  mutation RaiseComplaintAction($input: RaiseComplaintActionInput!) {
    raiseComplaintAction(input: $input) {
      action {
        id
        description
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RaiseComplaintCategoryActionMutation = graphql(`
  mutation RaiseComplaintCategoryAction($input: RaiseComplaintCategoryActionInput!) {
    raiseComplaintCategoryAction(input: $input) {
      action {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ComplaintTimeZoneQuery = graphql(`
  query ComplaintTimeZone($clientId: ID!) {
    client(id: $clientId) {
      id
      complaintPatterns(months: 1) {
        timeZone
      }
    }
  }
`);
