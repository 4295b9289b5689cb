import { describe, expect, it } from 'vitest';
import { signOffRefusal } from './sign-off.js';

const inForce = { number: 2, status: 'PUBLISHED' as const, signedOff: false, latestPublishedNumber: 2 };

describe('signing off a charter version', () => {
  it('accepts the published version in force, once', () => {
    expect(signOffRefusal(inForce)).toBeNull();
    expect(signOffRefusal({ ...inForce, signedOff: true })).toBe('Version 2 has already been signed off.');
  });

  it('refuses a draft', () => {
    expect(signOffRefusal({ ...inForce, status: 'DRAFT', latestPublishedNumber: 1 })).toBe(
      'Only a published version of the charter can be signed off.',
    );
  });

  it('refuses a version that a later one has replaced', () => {
    expect(signOffRefusal({ ...inForce, number: 1 })).toBe(
      'Version 1 has been replaced by version 2; sign off the version in force instead.',
    );
  });
});
