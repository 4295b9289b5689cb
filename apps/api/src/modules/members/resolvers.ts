import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import {
  acceptInvitation,
  inviteMember,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from './invitations.js';
import { changeMemberRole } from './change-role.js';
import { removeMember } from './remove-member.js';
import { invitationStatus, listInvitations, listMembers } from './queries.js';
import { signInLockOf, unlockMemberSignIn } from './sign-in-locks.js';

export const resolvers: Resolvers = {
  Query: {
    members: (_, args, context) => listMembers(context, args),
    invitations: (_, args, context) => listInvitations(context, args),
    invitation: (_, { token }, context) => previewInvitation(context, token),
  },
  Mutation: {
    inviteMember: (_, { input }, context) => inviteMember(context, input),
    revokeInvitation: (_, { input }, context) => revokeInvitation(context, input),
    resendInvitation: (_, { input }, context) => resendInvitation(context, input),
    changeMemberRole: (_, { input }, context) => changeMemberRole(context, input),
    removeMember: (_, { input }, context) => removeMember(context, input),
    acceptInvitation: (_, { input }, context) => acceptInvitation(context, input),
    unlockMemberSignIn: (_, { input }, context) => unlockMemberSignIn(context, input),
  },
  Member: {
    signInLockedUntil: (member, _, context) => signInLockOf(context).load(member.id),
  },
  Invitation: {
    client: (invitation, _, context) =>
      invitation.clientId ? clientById(context).load(invitation.clientId) : null,
    invitedBy: (invitation, _, context) => memberById(context).load(invitation.invitedBy),
    status: (invitation) => invitationStatus(invitation),
  },
};
