import { ActivityEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const activity = { name: 'activity', resolvers, entities: [ActivityEntity] };
