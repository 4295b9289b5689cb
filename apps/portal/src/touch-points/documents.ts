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
