import { ApiKeyEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { apiKeyById } from './loaders.js';

export const apiKeys = { name: 'api-keys', resolvers, entities: [ApiKeyEntity] };
