const PEM = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * The certificates in what an admin pasted: each PEM block, or the whole text as one bare base64 certificate (as
 * metadata carries them). During a rollover admins paste the old and the new one together. The API checks each.
 */
export function certificatesIn(text: string): string[] {
  const blocks = text.match(PEM);
  if (blocks) return blocks;
  const bare = text.trim();
  return bare ? [bare] : [];
}
