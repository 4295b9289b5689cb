import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets we hand out (session tokens, invitation tokens) carry the tenant id in clear, followed by 32 random bytes.
 * The tenant part lets the server set the tenant before it looks the token up, so the lookup itself runs under
 * row-level security (and, on Citus, on one shard). Only a SHA-256 of the whole token is stored.
 */
export type TokenKind = 'session' | 'invitation' | 'apiKey' | 'ssoState';

/** `csp_` marks an API key: the visible prefix third parties (and secret scanners) recognise. */
const PREFIX: Record<TokenKind, string> = {
  session: 'css_',
  invitation: 'csi_',
  apiKey: 'csp_',
  // The state of a sign-in sent to an identity provider (modules/sso).
  ssoState: 'csx_',
};

export function issueToken(kind: TokenKind, tenantId: string): { token: string; hash: Buffer } {
  const body = Buffer.concat([uuidBytes(tenantId), randomBytes(32)]).toString('base64url');
  const token = PREFIX[kind] + body;
  return { token, hash: hashToken(token) };
}

export function readToken(kind: TokenKind, token: string): { tenantId: string; hash: Buffer } | null {
  if (!token.startsWith(PREFIX[kind])) return null;
  const body = Buffer.from(token.slice(PREFIX[kind].length), 'base64url');
  if (body.length !== 48) return null;
  return { tenantId: bytesToUuid(body.subarray(0, 16)), hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
