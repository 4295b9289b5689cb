import argon2 from 'argon2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARGON2_OPTIONS, hashPassword, hashingLoad, needsRehash, verifyPassword } from './passwords.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('password hashing', () => {
  it('hashes with argon2id at 19 MiB, 2 passes, 1 lane, set explicitly', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
    expect(await verifyPassword(hash, 'another password')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('still verifies hashes made with the library defaults (64 MiB), and marks them for rehashing', async () => {
    const old = await argon2.hash('a long enough password', { type: argon2.argon2id });
    expect(old).toMatch(/\$m=65536,p=4,t=3\$/);
    expect(await verifyPassword(old, 'a long enough password')).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(ARGON2_OPTIONS.memoryCost).toBe(19_456);
  });

  it('answers false, not an error, for a stored value that is not a hash', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(needsRehash('not a hash')).toBe(true);
  });

  it('runs at most two argon2 checks at once; the rest queue', async () => {
    const hash = await hashPassword('a long enough password');
    const original = argon2.verify.bind(argon2);
    let running = 0;
    let most = 0;
    vi.spyOn(argon2, 'verify').mockImplementation(async (digest, password, options) => {
      running += 1;
      most = Math.max(most, running);
      try {
        return await original(digest, password, options);
      } finally {
        running -= 1;
      }
    });
    const checks = Array.from({ length: 8 }, () => verifyPassword(hash, 'a long enough password'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(hashingLoad()).toEqual({ active: 2, waiting: 6 });
    expect(await Promise.all(checks)).toEqual(Array(8).fill(true));
    expect(most).toBe(2);
    expect(hashingLoad()).toEqual({ active: 0, waiting: 0 });
  });
});
