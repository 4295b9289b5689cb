import { InvitationEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { invitationTokenIn } from './invitation-mail.js';
export { acceptInvitation, inviteMember } from './invitations.js';

export const members = { name: 'members', resolvers, entities: [InvitationEntity] };
