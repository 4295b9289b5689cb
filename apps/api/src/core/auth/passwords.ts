import argon2 from 'argon2';
import pLimit from 'p-limit';
import { readConfig } from '../config.js';

/**
 * argon2id at OWASP's first recommended setting: 19 MiB, 2 passes, 1 lane (about 40-70 ms on one core).
 * Set explicitly because the library's defaults (64 MiB, 3 passes, 4 lanes) cost three times the memory and time
 * per sign-in for little more resistance at our password length and strength rules: with a few sign-ins at once
 * they would need hundreds of MiB and hold every libuv thread. One lane because the cap below already keeps
 * several checks side by side; lanes would only compete for the same cores.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashes and verifications run on libuv's thread pool (four threads by default), which file reads and DNS look-ups
 * share. A burst of sign-ins would otherwise take every thread and make the whole process wait; capped, they
 * queue here instead and the rest of the API stays responsive. PASSWORD_HASHING_CONCURRENCY changes the cap.
 */
let queue: pLimit.Limit | undefined;

/** Made on first use, when the configuration has been read (main.ts reads it first and stops on a bad value). */
function hashing(): pLimit.Limit {
  queue ??= pLimit(readConfig().passwordHashingConcurrency);
  return queue;
}

/** How busy the hashing queue is: for tests and for anyone tuning the cap. */
export function hashingLoad(): { active: number; waiting: number } {
  return { active: hashing().activeCount, waiting: hashing().pendingCount };
}

export function hashPassword(password: string): Promise<string> {
  return hashing()(() => argon2.hash(password, ARGON2_OPTIONS));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    // Parameters come from the hash itself, so hashes made with older settings still verify.
    return await hashing()(() => argon2.verify(hash, password));
  } catch {
    return false;
  }
}

/** True for hashes made with other parameters than today's: rehash them once the password is known to be right. */
export function needsRehash(hash: string): boolean {
  try {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  } catch {
    return true;
  }
}

/**
 * Verifying against a fixed hash when the email is unknown makes a failed sign-in take as long either way, so
 * response times do not reveal which emails have accounts. Made by hashPassword, so with today's parameters, which
 * every stored hash moves to on its next sign-in.
 */
let decoy: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that matches nobody');
  await verifyPassword(await decoy, password);
}
