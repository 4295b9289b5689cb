import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../demo/demo-programme.js';
import { PASSWORD } from '../../../test/factories.js';
import { ownerWords, weakPasswordError } from './password-strength.js';

const owner = { email: 'ada@harbour.example', name: 'Ada Lovelace', consultancyName: 'Harbour Partners' };

describe('password strength', () => {
  it.each([
    ['1234567890', /most used passwords/],
    ['password123', /commonly used password/],
    ['qwertyuiop', /most used passwords|keyboard/],
    ['aaaaaaaaaa', /Repeated characters/],
    ['pasword1234', /commonly used password|too close to/],
  ])('refuses %s, saying why', async (password, why) => {
    const error = await weakPasswordError(password, owner);
    expect(error).toMatchObject({ field: 'password', code: 'TOO_WEAK' });
    expect(error?.message).toMatch(/^This password is too easy to guess\. /);
    expect(error?.message).toMatch(why);
  });

  it('refuses a password built from the person’s own name, email or consultancy', async () => {
    for (const password of ['harbourpartners1', 'Lovelace2026!', 'ada@harbour.example']) {
      const error = await weakPasswordError(password, owner, 'newPassword');
      expect(error, password).toMatchObject({ field: 'newPassword', code: 'TOO_WEAK' });
    }
    const ownName = await weakPasswordError('Lovelace2026!', owner);
    expect(ownName?.message).toContain('your name, your email or your consultancy');
    // The same password from someone else is not built from their details.
    expect(await weakPasswordError('harbourpartners1', { email: 'x@example.com' })).toBeNull();
  });

  it('accepts the passwords the demo, the tests and the browser tests use', async () => {
    const used = [
      DEMO_ACCOUNT.password,
      PASSWORD,
      'long enough password',
      'another long password',
      'kind words travel far',
      'a steady light on the shore',
      'tide tables and kind words',
    ];
    for (const password of used) {
      expect(await weakPasswordError(password, owner), password).toBeNull();
    }
    expect(
      await weakPasswordError(DEMO_ACCOUNT.password, {
        email: DEMO_ACCOUNT.email,
        name: DEMO_ACCOUNT.name,
        consultancyName: DEMO_ACCOUNT.consultancyName,
      }),
    ).toBeNull();
  });

  it('splits emails and names into the words an attacker would try', () => {
    expect(ownerWords({ email: 'Sam.Okafor@harbourline.example', name: 'Sam Okafor' })).toEqual(
      expect.arrayContaining(['sam.okafor@harbourline.example', 'okafor', 'harbourline', 'sam okafor']),
    );
  });

  it('loads the dictionaries once and then checks in milliseconds', async () => {
    await weakPasswordError('warm up the checker', owner);
    const samples = ['correct horse battery staple', 'password123', 'x'.repeat(200), 'Tr0ub4dor&3 is old'];
    const started = performance.now();
    const rounds = 10;
    for (let i = 0; i < rounds; i++) for (const p of samples) await weakPasswordError(p, owner);
    const perCheck = (performance.now() - started) / (rounds * samples.length);
    console.info(`password strength: ${perCheck.toFixed(1)} ms per check`);
    // Generous for a loaded CI machine (1-70 ms were measured on a busy one); Levenshtein matching or no length
    // cap made it 0.5-1 s.
    expect(perCheck).toBeLessThan(250);
  });
});
