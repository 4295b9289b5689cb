import { graphql } from '../generated/gql';

export const EmailPreferencesFieldsFragment = graphql(`
  fragment EmailPreferencesFields on EmailPreferences {
    kinds {
      kind
      label
      description
      delivery
      isDefault
    }
    digest {
      cadence
      weekday
      timeZone
      isDefault
      nextDigestAt
    }
  }
`);

export const EmailSettingsQuery = graphql(`
  query EmailSettings {
    myEmailPreferences {
      ...EmailPreferencesFields
    }
  }
`);

export const SetEmailPreferenceMutation = graphql(`
  mutation SetEmailPreference($input: SetEmailPreferenceInput!) {
    setEmailPreference(input: $input) {
      preferences {
        ...EmailPreferencesFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetDigestSettingsMutation = graphql(`
  mutation SetDigestSettings($input: SetDigestSettingsInput!) {
    setDigestSettings(input: $input) {
      preferences {
        ...EmailPreferencesFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
