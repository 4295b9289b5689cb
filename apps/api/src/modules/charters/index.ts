import { CharterEntity, CharterVersionEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const charters = {
  name: 'charters',
  resolvers,
  entities: [CharterEntity, CharterVersionEntity],
};
