import { graphql } from '../generated/gql';

/** Who is signed in. Route guards and the header read it; null when nobody is. */
export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      role
      client {
        id
        name
      }
    }
  }
`);
