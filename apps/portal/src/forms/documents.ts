import { graphql } from '../generated/gql';

/**
 * What every mutation payload's `userErrors` selects: a dotted path inside `input`, the message written for people,
 * and the code a form may branch on. Spread it as `userErrors { ...UserErrorFields }`, never spell the fields out.
 */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);
