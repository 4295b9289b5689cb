import { graphql } from '../generated/gql';

export const ServiceLevelPeriodFieldsFragment = graphql(`
  fragment ServiceLevelPeriodFields on ServiceLevelPeriod {
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
`);

export const ServiceLevelDefinitionFieldsFragment = graphql(`
  fragment ServiceLevelDefinitionFields on ServiceLevelDefinition {
    version
    effectiveFrom
    eventKind
    goodRule
    threshold {
      value
      unit
    }
    target
    period
    timeZone
    businessHours {
      day
      opens
      closes
    }
    exclusionRule
    description
    createdAt
    createdBy {
      id
      name
    }
  }
`);

/** What the charter page and the leader's programme show of a promise's service level. */
export const ServiceLevelGlanceFragment = graphql(`
  fragment ServiceLevelGlance on ServiceLevel {
    id
    promiseKey
    name
    summary
    measuredUntil
    definition {
      version
      target
      period
      description
    }
    currentPeriod {
      label
      compliance
      status
      atRisk
      projected
      target
      valid
    }
  }
`);

export const ServiceLevelQuery = graphql(`
  query ServiceLevel($id: ID!, $last: Int!) {
    serviceLevel(id: $id) {
      id
      promiseKey
      promiseTitle
      name
      revision
      summary
      measuredUntil
      createdAt
      client {
        id
        name
        charter {
          id
        }
      }
      definition {
        ...ServiceLevelDefinitionFields
      }
      currentPeriod {
        ...ServiceLevelPeriodFields
      }
      periods(last: $last) {
        ...ServiceLevelPeriodFields
      }
      changes {
        kind
        period {
          label
          start
          end
          compliance
          target
          valid
          good
        }
      }
    }
  }
`);

/** Loaded apart from the page's figures, to keep each query well under the API's cost budget. */
export const ServiceLevelHistoryQuery = graphql(`
  query ServiceLevelHistory($id: ID!) {
    serviceLevel(id: $id) {
      id
      versions {
        ...ServiceLevelDefinitionFields
      }
      corrections {
        id
        periodLabel
        reason
        goodBefore
        validBefore
        goodAfter
        validAfter
        recordedBy {
          id
          name
        }
        recordedAt
      }
    }
  }
`);

export const ClientServiceLevelsQuery = graphql(`
  query ClientServiceLevels($clientId: ID!) {
    client(id: $clientId) {
      id
      serviceLevels {
        ...ServiceLevelGlance
      }
    }
  }
`);

export const CreateServiceLevelMutation = graphql(`
  mutation CreateServiceLevel($input: CreateServiceLevelInput!) {
    createServiceLevel(input: $input) {
      serviceLevel {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateServiceLevelMutation = graphql(`
  mutation UpdateServiceLevel($input: UpdateServiceLevelInput!) {
    updateServiceLevel(input: $input) {
      serviceLevel {
        id
        name
        revision
        definition {
          ...ServiceLevelDefinitionFields
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordMeasurementsMutation = graphql(`
  mutation RecordMeasurements($input: RecordMeasurementsInput!) {
    recordMeasurements(input: $input) {
      added
      replaced
      corrected
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
