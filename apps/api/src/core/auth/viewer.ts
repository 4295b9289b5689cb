import type { Role } from '@csp/domain';

/** Who is asking. The tenant comes only from here (never from an argument). */
export type Viewer = AnonymousViewer | MemberViewer;

export interface AnonymousViewer {
  kind: 'anonymous';
}

export interface MemberViewer {
  kind: 'member';
  tenantId: string;
  memberId: string;
  role: Role;
  /** Set for client leaders: the one client they may see. */
  clientId: string | null;
  sessionId: string;
}

export const ANONYMOUS: AnonymousViewer = { kind: 'anonymous' };

export function requireMember(viewer: Viewer): MemberViewer {
  if (viewer.kind !== 'member') throw new Error('A signed-in member was expected here.');
  return viewer;
}
