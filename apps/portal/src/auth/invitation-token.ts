/**
 * The invitation link carries its secret in the fragment (`/accept-invitation#token=...`), which browsers never send
 * to a server, so it stays out of access logs and Referer headers.
 */
export function invitationTokenFrom(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() ? token.trim() : null;
}
