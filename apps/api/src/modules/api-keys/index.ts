import { ApiKeyEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const apiKeys = { name: 'api-keys', resolvers, entities: [ApiKeyEntity] };
