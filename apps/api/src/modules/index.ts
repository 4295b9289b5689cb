import type { EntitySchema } from 'typeorm';
import type { Resolvers } from '../generated/resolvers.js';
import { accounts } from './accounts/index.js';
import { actions } from './actions/index.js';
import { activity } from './activity/index.js';
import { apiKeys } from './api-keys/index.js';
import { audits } from './audits/index.js';
import { charters } from './charters/index.js';
import { clients } from './clients/index.js';
import { consultancy } from './consultancy/index.js';
import { engagements } from './engagements/index.js';
import { hiring } from './hiring/index.js';
import { members } from './members/index.js';
import { webhooks } from './webhooks/index.js';

/** Each feature of the API: its folder name (holding its `schema.graphql`), resolvers and entities. */
export interface ApiModule {
  name: string;
  resolvers: Resolvers;
  entities: EntitySchema[];
}

export const modules: ApiModule[] = [
  accounts,
  members,
  clients,
  engagements,
  charters,
  hiring,
  audits,
  actions,
  apiKeys,
  activity,
  webhooks,
  consultancy,
] as ApiModule[];

export const entities = modules.flatMap((m) => m.entities);
