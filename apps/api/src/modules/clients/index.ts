import { ClientEntity, WorkshopEntity, WorkshopEntryEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export type { ClientRow } from './entities.js';
export { createClient } from './edit-client.js';
export { clientById } from './loaders.js';
export { clientClosedToNewWork, clientExists, clientOf } from './references.js';
export { saveWorkshop } from './workshop.js';

export const clients = {
  name: 'clients',
  resolvers,
  entities: [ClientEntity, WorkshopEntity, WorkshopEntryEntity],
};
