import type { Permission, Role } from '@csp/domain';

/** Who is asking. The tenant comes only from here (never from an argument). */
export type Viewer = AnonymousViewer | MemberViewer | ApiKeyViewer;

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

/** A third party calling with an API key: its scopes, not a role, say what it may do. */
export interface ApiKeyViewer {
  kind: 'apiKey';
  tenantId: string;
  apiKeyId: string;
  /** The admin who created the key: what the key writes is recorded in their name (and the key's). */
  memberId: string;
  /** Set when the key is limited to one client. */
  clientId: string | null;
  permissions: ReadonlySet<Permission>;
}

/** Whoever can act in a tenant: a signed-in member or an API key. */
export type Actor = MemberViewer | ApiKeyViewer;

export const ANONYMOUS: AnonymousViewer = { kind: 'anonymous' };

export function requireActor(viewer: Viewer): Actor {
  if (viewer.kind === 'anonymous') throw new Error('A signed-in member or an API key was expected here.');
  return viewer;
}
