import argon2 from 'argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP-recommended floor. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against a fixed hash when the email is unknown makes a failed sign-in take as long either way, so
 * response times do not reveal which emails have accounts.
 */
let decoy: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that matches nobody');
  await verifyPassword(await decoy, password);
}
