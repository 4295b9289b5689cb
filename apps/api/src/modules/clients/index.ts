import { ClientEntity, WorkshopEntity, WorkshopEntryEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const clients = {
  name: 'clients',
  resolvers,
  entities: [ClientEntity, WorkshopEntity, WorkshopEntryEntity],
};
