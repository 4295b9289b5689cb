import type { RequestContext } from '../../core/context.js';
import { keysetPage, pageWindow, type PageArgs } from '../../core/pagination.js';
import { MemberEntity } from '../accounts/index.js';
import { InvitationEntity, type InvitationRow } from './entities.js';

export async function listMembers(context: RequestContext, args: PageArgs) {
  const window = pageWindow(args, ['text', 'uuid']);
  return context.db.read((db) =>
    keysetPage(
      () => db.getRepository(MemberEntity).createQueryBuilder('m').andWhere('m.removedAt IS NULL'),
      window,
      {
        by: ['m.name', 'm.id'],
        direction: 'ASC',
        key: (m) => [m.name, m.id],
      },
    ),
  );
}

export async function listInvitations(context: RequestContext, args: PageArgs) {
  const window = pageWindow(args, ['timestamp', 'uuid']);
  return context.db.read((db) =>
    keysetPage(() => db.getRepository(InvitationEntity).createQueryBuilder('i'), window, {
      by: ['i.createdAt', 'i.id'],
      direction: 'DESC',
      key: (i) => [i.createdAt.toISOString(), i.id],
    }),
  );
}

export function invitationStatus(invitation: InvitationRow, now = new Date()) {
  if (invitation.acceptedAt) return 'ACCEPTED' as const;
  if (invitation.revokedAt) return 'REVOKED' as const;
  if (invitation.expiresAt <= now) return 'EXPIRED' as const;
  return 'PENDING' as const;
}
