import { graphql } from '../generated/gql';

export const JourneyQuery = graphql(`
  query ClientJourney($clientId: ID!) {
    client(id: $clientId) {
      id
      journey {
        revision
        momentsOfTruth
        stages {
          id
          name
          touchPoints {
            id
            name
            channel
            owningTeam
            momentOfTruth
          }
        }
        changes(last: 10) {
          id
          summary
          changedAt
        }
      }
    }
  }
`);

export const AddStageMutation = graphql(`
  mutation JourneyEditorAddStage($input: AddJourneyStageInput!) {
    addJourneyStage(input: $input) {
      stage {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddTouchPointMutation = graphql(`
  mutation JourneyEditorAddTouchPoint($input: AddTouchPointInput!) {
    addTouchPoint(input: $input) {
      touchPoint {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetMomentOfTruthMutation = graphql(`
  mutation JourneyEditorSetMomentOfTruth($input: SetMomentOfTruthInput!) {
    setMomentOfTruth(input: $input) {
      touchPoint {
        id
        momentOfTruth
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveTouchPointMutation = graphql(`
  mutation JourneyEditorRemoveTouchPoint($input: RemoveTouchPointInput!) {
    removeTouchPoint(input: $input) {
      touchPoint {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveStageMutation = graphql(`
  mutation JourneyEditorRemoveStage($input: RemoveJourneyStageInput!) {
    removeJourneyStage(input: $input) {
      stage {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReorderMutation = graphql(`
  mutation JourneyEditorReorder($input: ReorderJourneyInput!) {
    reorderJourney(input: $input) {
      journey {
        revision
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RenameStageMutation = graphql(`
  mutation JourneyEditorRenameStage($input: RenameJourneyStageInput!) {
    renameJourneyStage(input: $input) {
      stage {
        id
        name
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateTouchPointMutation = graphql(`
  mutation TouchPointUpdate($input: UpdateTouchPointInput!) {
    updateTouchPoint(input: $input) {
      touchPoint {
        id
        name
        channel
        owningTeam
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** What a touch point may be linked to: the published charter's promises, and the frameworks' criteria. */
export const TouchPointChoicesQuery = graphql(`
  query TouchPointChoices($clientId: ID!) {
    client(id: $clientId) {
      id
      charter {
        id
        published {
          id
          promises {
            key
            title
          }
        }
      }
      audits {
        id
        framework {
          key
        }
      }
    }
    auditFrameworks {
      key
      name
      sections {
        key
        criteria {
          key
          prompt
        }
      }
    }
  }
`);

export const LinkPromiseMutation = graphql(`
  mutation TouchPointLinkPromise($input: TouchPointPromiseInput!) {
    linkTouchPointPromise(input: $input) {
      touchPoint {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UnlinkPromiseMutation = graphql(`
  mutation TouchPointUnlinkPromise($input: TouchPointPromiseInput!) {
    unlinkTouchPointPromise(input: $input) {
      touchPoint {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const LinkCriterionMutation = graphql(`
  mutation TouchPointLinkCriterion($input: TouchPointCriterionInput!) {
    linkTouchPointCriterion(input: $input) {
      touchPoint {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UnlinkCriterionMutation = graphql(`
  mutation TouchPointUnlinkCriterion($input: TouchPointCriterionInput!) {
    unlinkTouchPointCriterion(input: $input) {
      touchPoint {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
