import type { EntitySchema } from 'typeorm';
import type { Resolvers } from '../generated/resolvers.js';
import { accounts } from './accounts/index.js';
import { clients } from './clients/index.js';
import { engagements } from './engagements/index.js';
import { members } from './members/index.js';

/** Each feature of the API: its folder name (holding its `schema.graphql`), resolvers and entities. */
export interface ApiModule {
  name: string;
  resolvers: Resolvers;
  entities: EntitySchema[];
}

export const modules: ApiModule[] = [accounts, members, clients, engagements] as ApiModule[];

export const entities = modules.flatMap((m) => m.entities);
