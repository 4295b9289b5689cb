import type { IResolvers } from '@graphql-tools/utils';
import type { EntitySchema } from 'typeorm';
import type { RequestContext } from './context.js';

/**
 * One feature of the API as core sees it: its SDL, resolvers and entities. core never imports a module: main.ts
 * (and the tests) pass the list from `modules/index.ts` to `createApi`, `buildSchema` and the data source.
 */
export interface ApiModule {
  name: string;
  /** The module's SDL files, `schema.graphql` first, then the others in name order. */
  typeDefs: string[];
  resolvers: IResolvers<unknown, RequestContext>;
  entities: EntitySchema[];
}
