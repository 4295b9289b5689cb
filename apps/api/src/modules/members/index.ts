import { InvitationEntity } from './entities.js';
import { resolvers } from './resolvers.js';

export const members = { name: 'members', resolvers, entities: [InvitationEntity] };
